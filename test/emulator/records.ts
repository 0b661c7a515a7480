/** Wire shapes (as the spec's schemas) and the emulator's internal records. */

export type FaxCategory = 'inbox' | 'sent' | 'spam';
export const FAX_CATEGORIES: readonly FaxCategory[] = ['inbox', 'sent', 'spam'];

/** A fax record exactly as the API returns it (schema Fax; inbox records may use from_number). */
export interface FaxRecord {
  id: string;
  comment: string;
  cost: number;
  cost_details: { multiplier: number; notification_cost: number };
  description: string;
  direction: 'incoming' | 'outgoing';
  duration: number;
  file: string;
  file_name: string;
  from?: string;
  from_number?: string;
  header: string | null;
  is_read: boolean;
  is_spam: boolean;
  last_update: string;
  max_retry: number | null;
  owner_id: string;
  pages: number;
  retry_delay: number | null;
  scheduled_time: string | null;
  start_time: string;
  status: string;
  submit_time: string | null;
  to: string;
  cover_page?: CoverPage;
}

export interface CoverPage {
  name_to: string;
  name_from: string;
  subject: string;
  flags?: string[];
  message?: string;
}

export interface AccountRecord {
  uid: string;
  account_type: 'corporate_admin' | 'corporate_member' | 'individual';
  email: string;
  name: string;
  lastname: string;
  phone: string;
  creation_date: string;
  last_password_modification_date: string;
  status: string;
  profile_image: string;
  member_of: string[];
  account_data: Record<string, unknown>;
  settings: Record<string, unknown>;
  notifications: { settings: Record<string, unknown>; black_list?: { uids: string[] } };
}

export interface MemberDetail {
  role: string;
  quota: number;
}

export interface NumberRecord {
  id: string;
  number: string;
  owner_id: string;
  assigned_to: string[];
  acquired_date: string;
  expiration_date: string | null;
  is_canceled: boolean;
  status: 'active' | 'waiting_verification';
  notifications: { type: string; email: boolean; push_notification: boolean }[];
}

export interface WebhookRecord {
  id: string;
  uid: string;
  target: string;
  event: string;
}

export interface UploadedFile {
  path: string;
  uid: string;
  fileName: string;
  contentType: string;
  size: number;
  /** Present when the file was ≤ 20 MB. */
  content?: Buffer;
  note?: string;
  uploadedAt: number;
}

export type OutboxStatus = 'submitted' | 'converting' | 'scheduled_for_sending' | 'sending';

/** An outbox entry; its wire view is computed from the clock (see lifecycle.ts). */
export interface OutboxEntry {
  id: string;
  uid: string;
  from: string;
  to: string;
  files: string[];
  fileInfo: { file_name: string; mime_type: string; size: number }[];
  pages: number;
  comment: { tags: string[]; text: string };
  options: { enhancement?: boolean; retry?: { count?: number; delay?: number } };
  coverPage?: CoverPage;
  tokenId: string;
  submitMs: number;
  /** Requested send time (ms), when send_time was given. */
  sendTimeMs?: number;
  /** Stage boundaries in emulator ms. */
  convertingAt: number;
  convertedAt: number;
  sendingAt: number;
  doneAt: number;
}

export interface Balance {
  balance: number;
  currency: string;
}
