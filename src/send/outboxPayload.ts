/** Cover page check boxes, as the API spells them (CoverPageFlags). */
export const COVER_PAGE_FLAGS = ['urgent', 'for_review', 'please_reply', 'confidential'] as const;
export type CoverPageFlag = (typeof COVER_PAGE_FLAGS)[number];

export interface CoverPageFields {
  to?: string;
  from?: string;
  subject?: string;
  message?: string;
  flags?: CoverPageFlag[];
}

export interface RetryOptions {
  count?: number;
  delay?: number;
}

/** What the send command knows once files are uploaded and recipients are read. */
export interface OutboxPayloadInput {
  /** E.164 sender number, a comma-separated list of them, or "no_number". */
  from: string;
  /** E.164 recipients (see parseRecipients). */
  to: readonly string[];
  /** `path` values returned by POST /accounts/self/files, in page order. */
  filePaths: readonly string[];
  comment?: string;
  coverPage?: CoverPageFields;
  /** From formatSendTime/checkSendAt: `YYYY-MM-DD HH:mm:ss +HHMM`. */
  sendTime?: string;
  retry?: RetryOptions;
  enhancement?: boolean;
}

/** JSON body of POST /accounts/self/outbox (PayloadOutbox in the spec). */
export interface OutboxPayload {
  from: string;
  to: string[];
  files: string[];
  comment?: { text: string };
  options?: { enhancement?: boolean; retry?: RetryOptions };
  cover_page?: { name_to: string; name_from: string; subject: string; message?: string; flags?: CoverPageFlag[] };
  send_time?: string;
  return_ids: true;
}

/**
 * Builds the outbox request body with only the fields that are set, so the server's
 * defaults apply to everything the user did not choose. `return_ids` is always on: the
 * fax ids let the extension follow each destination without searching for it.
 */
export function buildOutboxPayload(input: OutboxPayloadInput): OutboxPayload {
  const payload: OutboxPayload = { from: input.from, to: [...input.to], files: [...input.filePaths], return_ids: true };

  if (input.comment) payload.comment = { text: input.comment };

  const retry = onlySet({ count: input.retry?.count, delay: input.retry?.delay });
  const options = onlySet({ enhancement: input.enhancement, retry });
  if (options) payload.options = options;

  if (input.coverPage) {
    const { to, from, subject, message, flags } = input.coverPage;
    // The spec requires name_to, name_from and subject on every cover page; a field the
    // user left out is sent blank rather than dropping the cover page they asked for.
    payload.cover_page = { name_to: to ?? '', name_from: from ?? '', subject: subject ?? '' };
    if (message) payload.cover_page.message = message;
    if (flags && flags.length > 0) payload.cover_page.flags = [...new Set(flags)];
  }

  if (input.sendTime) payload.send_time = input.sendTime;
  return payload;
}

/** The object without its undefined properties, or undefined when none is left. */
function onlySet<T extends object>(object: T): Partial<T> | undefined {
  const entries = Object.entries(object).filter(([, value]) => value !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as Partial<T>) : undefined;
}
