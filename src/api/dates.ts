/**
 * The API writes dates as UTC `YYYY-MM-DD HH:mm:ss` (no zone, no "T"); the
 * outbox's `send_time` adds an offset ` +HHMM`. These helpers are the only
 * place that knows it.
 */

const API_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?:\s*(Z|[+-]\d{2}:?\d{2}))?$/;

/** Parses an API date (UTC unless it names an offset); undefined when it is not one. */
export function parseApiDate(text: string): Date | undefined {
  const m = API_DATE.exec(text.trim());
  if (!m) {
    return undefined;
  }
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms);
  // Date.UTC silently rolls 2024-02-31 into March: refuse impossible dates.
  const check = new Date(utc);
  if (check.getUTCDate() !== +d || check.getUTCMonth() !== +mo - 1 || +h > 23 || +mi > 59 || +s > 59) {
    return undefined;
  }
  return new Date(utc - offsetMinutes(zone) * 60_000);
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone === 'Z') {
    return 0;
  }
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD HH:mm:ss` in UTC, as the API's query parameters expect. */
export function formatApiDate(date: Date): string {
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

/** `YYYY-MM-DD HH:mm:ss +0000`, the format of `PayloadOutbox.send_time`. */
export function formatSendTime(date: Date): string {
  return `${formatApiDate(date)} +0000`;
}

/**
 * The HTTP `Date` header (IMF-fixdate, whole seconds, RFC 9110): the server's own clock when it answered.
 * Undefined when absent or unreadable; a proxy may drop it, and an HTTP/1.0 server need not send it.
 */
export function parseHttpDate(value: string | string[] | undefined): Date | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || !/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text.trim())) {
    return undefined;
  }
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}
