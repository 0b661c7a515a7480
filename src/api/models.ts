/**
 * Domain models the extension works with: camelCase, dates as `Date`, enums
 * as open strings (the API adds statuses over time; unknown ones must still
 * render). Parsed by the `parse*.ts` modules.
 */

/** Known values, for UI icons; anything else is kept as the server sent it. */
export type FaxStatus = 'success' | 'partially_sent' | 'partially_received' | 'insufficient_credit' | 'failed' | (string & {});
export type FaxCategory = 'inbox' | 'sent' | 'spam';
export type FileFormat = 'pdf' | 'tiff';
export type OutboxStatus = 'submitted' | 'converting' | 'scheduled_for_sending' | 'sending' | (string & {});
export type WebhookEvent = 'fax_received' | 'fax_sent' | (string & {});

export interface CoverPage {
  readonly nameTo: string;
  readonly nameFrom: string;
  readonly subject: string;
  readonly flags?: readonly string[];
  readonly message?: string;
}

export interface Fax {
  readonly id: string;
  readonly ownerId?: string;
  readonly status: FaxStatus;
  readonly direction?: 'incoming' | 'outgoing' | (string & {});
  /** From `from`, or `from_number` in older payloads. */
  readonly from?: string;
  readonly to?: string;
  readonly startTime?: Date;
  readonly submitTime?: Date;
  readonly lastUpdate?: Date;
  readonly scheduledTime?: Date;
  readonly pages?: number;
  readonly duration?: number;
  readonly cost?: number;
  readonly comment: string;
  readonly isRead?: boolean;
  readonly isSpam?: boolean;
  readonly file?: string;
  readonly fileName?: string;
  readonly description?: string;
  readonly header?: string;
  readonly maxRetry?: number;
  readonly retryDelay?: number;
  readonly coverPage?: CoverPage;
}

export interface OutboxComment {
  readonly text?: string;
  readonly tags?: readonly string[];
}

export interface RetryOptions {
  readonly count?: number;
  readonly delay?: number;
}

export interface OutboxFax {
  readonly id: string;
  readonly uid?: string;
  readonly status: OutboxStatus;
  /** `src` (or `designated_src`): the number it goes out from. */
  readonly from?: string;
  readonly to: readonly string[];
  readonly files: readonly string[];
  readonly comment?: OutboxComment;
  readonly contactName?: string;
  readonly pageCount?: number;
  readonly submitTime?: Date;
  /** Scheduled send time (`send_time`, which carries an offset). */
  readonly sendTime?: Date;
  readonly lastUpdatedStatusTime?: Date;
  readonly retry?: RetryOptions;
  readonly shouldEnhance?: boolean;
  readonly coverPage?: CoverPage;
}

export interface FaxNumber {
  readonly id: string;
  /** E.164. */
  readonly number: string;
  readonly ownerId?: string;
  readonly assignedTo: readonly string[];
  readonly status: 'active' | 'waiting_verification' | (string & {});
  readonly acquiredDate?: Date;
  readonly expirationDate?: Date;
  readonly isCanceled?: boolean;
}

export interface Account {
  readonly uid: string;
  readonly email?: string;
  readonly name?: string;
  readonly lastname?: string;
  readonly accountType: 'corporate_admin' | 'individual' | 'corporate_member' | (string & {});
  readonly status: string;
  readonly creationDate?: Date;
  readonly phone?: string;
  readonly memberOf: readonly string[];
  readonly companyName?: string;
  readonly role?: string;
  /** Notification settings (`notifications.settings`), when the account answer had them. */
  readonly notifications?: AccountNotifications;
}

/** Channels of `notifications.settings` whose events are on/off toggles (the spec's NotificationToggles). */
export const NOTIFICATION_CHANNELS = ['email', 'push_notifications', 'sms'] as const;
export const NOTIFICATION_EVENTS = ['receive_fax', 'send_fax', 'low_credit', 'new_feature', 'voicemail'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];
export type NotificationToggles = Partial<Record<NotificationChannel, Partial<Record<NotificationEvent, boolean>>>>;

export interface AccountNotifications {
  /** Only the toggles the server reported. */
  readonly toggles: NotificationToggles;
  /** The whole `notifications` object as received, so a change can be sent without losing the rest. */
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface MemberDetails {
  readonly role?: string;
  readonly quota?: number;
}

export interface TokenInfo {
  readonly tokenType: 'pat' | 'oauth' | (string & {});
  readonly scopes: readonly string[];
  readonly id?: string;
  readonly name?: string;
  readonly preview?: string;
  readonly createdAt?: Date;
  readonly expiresAt?: Date;
  readonly lastUsedAt?: Date;
}

export interface Webhook {
  readonly id?: string;
  readonly target: string;
  readonly event: WebhookEvent;
}

export interface Balance {
  readonly balance?: number;
  readonly currency?: string;
  /** Fields of the Balance schema were not recovered; the raw object is kept for display. */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** Destination number → fax id (present when sent with `returnIds`). */
export interface SendFaxResult {
  readonly ids: Readonly<Record<string, string>>;
  /**
   * The server's clock when it answered (its HTTP `Date` header), when it sent one. The
   * outbox stamps `submit_time` just before: this tells where on the server's clock the
   * new fax sits, however far this machine's clock is off.
   */
  readonly serverTime?: Date;
}

// ---- requests -------------------------------------------------------------

/** What an account without a fax number of its own sends from (PayloadOutbox.from). */
export const NO_NUMBER = 'no_number';

export interface SendFaxRequest {
  /** Your number, `no_number`, or a comma-separated list of your numbers. */
  readonly from: string;
  readonly to: readonly string[];
  /** Paths returned by `uploadFile`. */
  readonly files: readonly string[];
  readonly comment?: OutboxComment;
  readonly options?: { readonly enhancement?: boolean; readonly retry?: RetryOptions };
  readonly coverPage?: CoverPage;
  readonly sendTime?: Date;
  /** Defaults to true: the send flow needs the ids. */
  readonly returnIds?: boolean;
}

export interface FaxModification {
  readonly comment: string;
  readonly isRead: boolean;
}

export interface ListFaxesQuery {
  readonly category?: FaxCategory;
  readonly after?: Date;
  readonly before?: Date;
  readonly limit?: number;
  readonly userId?: string;
}
