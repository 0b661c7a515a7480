/** Fax.Plus date strings: UTC "YYYY-MM-DD HH:mm:ss" (they sort lexicographically). */
export function formatFaxDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const FAX_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const SEND_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?(?: ?([+-])(\d{2}):?(\d{2}))?$/;

export function isFaxDate(value: string): boolean {
  return FAX_DATE.test(value);
}

/** "YYYY-MM-DD HH:mm:ss +HHMM" (send_time) → ms, or undefined when it does not parse. */
export function parseSendTime(value: string): number | undefined {
  const m = SEND_TIME.exec(value.trim());
  if (!m) {
    return undefined;
  }
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s : 0);
  const offset = sign ? (sign === '-' ? -1 : 1) * (+oh * 60 + +om) * 60_000 : 0;
  return Number.isNaN(utc) ? undefined : utc - offset;
}

/** ms → "YYYY-MM-DD HH:mm:ss +0000" (the outbox's send_time format). */
export function formatSendTime(ms: number): string {
  return `${formatFaxDate(ms)} +0000`;
}
