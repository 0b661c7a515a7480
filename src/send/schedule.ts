import * as l10n from '@vscode/l10n';

/** Minutes east of UTC, e.g. +330 for India, -210 for Newfoundland (the opposite sign of getTimezoneOffset). */
export type UtcOffsetMinutes = number;

export type SendAtProblem = 'format' | 'invalidDate' | 'nonexistentLocalTime' | 'past';

export type SendAtReading = { ok: true; date: Date } | { ok: false; problem: Exclude<SendAtProblem, 'past'> };

export type SendAtCheck = { ok: true; date: Date; sendTime: string } | { ok: false; problem: SendAtProblem; message: string };

/**
 * The API's `send_time`: wall-clock time with its UTC offset, `YYYY-MM-DD HH:mm:ss +HHMM`.
 * The instant is kept; `utcOffsetMinutes` only chooses the clock it is written in, which
 * defaults to the machine's offset on that date (so summer and winter time both come out right).
 */
export function formatWithUtcOffset(date: Date, utcOffsetMinutes: UtcOffsetMinutes = -date.getTimezoneOffset()): string {
  const wallClock = new Date(date.getTime() + utcOffsetMinutes * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${wallClock.getUTCFullYear()}-${two(wallClock.getUTCMonth() + 1)}-${two(wallClock.getUTCDate())}`;
  const time = `${two(wallClock.getUTCHours())}:${two(wallClock.getUTCMinutes())}:${two(wallClock.getUTCSeconds())}`;
  // The sign comes from the offset as a whole: -30 minutes is "-0030", not "+0030" or "-00-30".
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(utcOffsetMinutes);
  return `${day} ${time} ${sign}${two(Math.floor(absolute / 60))}${two(absolute % 60)}`;
}

// YYYY-MM-DD, "T" or space, HH:mm, optional :ss(.fraction), optional zone Z / ±HH / ±HHMM / ±HH:MM.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Reads "2026-11-25 09:30" (typed in the picker) or an ISO 8601 date-time (the command's
 * `sendAt`). Without a zone the time is local: in `utcOffsetMinutes` if given, else in the
 * machine's time zone. Only this notation is accepted: "tomorrow 9:00" would need a
 * language-dependent parser whose guesses a person cannot see before the fax goes out.
 */
export function parseSendAt(text: string, utcOffsetMinutes?: UtcOffsetMinutes): SendAtReading {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return { ok: false, problem: 'format' };
  const [, year, month, day, hour, minute, second = '0', fraction = '0', zone] = match;
  const fields = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    millisecond: Math.floor(Number(`0.${fraction}`) * 1000),
  };
  if (!isRealCalendarTime(fields)) return { ok: false, problem: 'invalidDate' };

  const offset = zone === undefined ? utcOffsetMinutes : offsetFromZone(zone);
  if (offset === null) return { ok: false, problem: 'invalidDate' };
  if (offset !== undefined) {
    const utc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second, fields.millisecond);
    return { ok: true, date: new Date(utc - offset * 60_000) };
  }

  const local = new Date(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second, fields.millisecond);
  // A time skipped when the clocks go forward is silently moved by Date; say so instead.
  if (local.getHours() !== fields.hour || local.getMinutes() !== fields.minute || local.getDate() !== fields.day) {
    return { ok: false, problem: 'nonexistentLocalTime' };
  }
  return { ok: true, date: local };
}

/**
 * Everything the send command needs about a chosen time: the instant, the `send_time`
 * string, or a message that says what to do. Only the past is refused: the API documents
 * no upper limit, so none is invented here.
 */
export function checkSendAt(text: string, now: Date, utcOffsetMinutes?: UtcOffsetMinutes): SendAtCheck {
  const reading = parseSendAt(text, utcOffsetMinutes);
  if (!reading.ok) return { ...reading, message: describeSendAtProblem(reading.problem, text.trim(), now) };
  if (reading.date.getTime() < now.getTime()) {
    return { ok: false, problem: 'past', message: describeSendAtProblem('past', text.trim(), now) };
  }
  const offset = utcOffsetMinutes ?? -reading.date.getTimezoneOffset();
  return { ok: true, date: reading.date, sendTime: formatWithUtcOffset(reading.date, offset) };
}

export function describeSendAtProblem(problem: SendAtProblem, input: string, now: Date): string {
  switch (problem) {
    case 'format':
      return l10n.t('Cannot read "{0}" as a date and time. Write it as YYYY-MM-DD HH:mm, for example {1}.', input, exampleFor(now));
    case 'invalidDate':
      return l10n.t('"{0}" is not a real date and time. Check the day, month and hour.', input);
    case 'nonexistentLocalTime':
      return l10n.t('{0} does not exist in your time zone: the clocks go forward then. Choose another time.', input);
    case 'past':
      return l10n.t('{0} is in the past. Choose a later time, or send the fax now.', input);
  }
}

interface CalendarFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

function isRealCalendarTime(f: CalendarFields): boolean {
  const daysInMonth = new Date(Date.UTC(f.year, f.month, 0)).getUTCDate();
  return f.month >= 1 && f.month <= 12 && f.day >= 1 && f.day <= daysInMonth && f.hour <= 23 && f.minute <= 59 && f.second <= 59;
}

/** 'Z' → 0, '+05:30' → 330, '-0330' → -210; null when out of range. */
function offsetFromZone(zone: string): number | null {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 23 || minutes > 59) return null;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

/** Tomorrow at 09:00 local time, in the notation the user should type. */
function exampleFor(now: Date): string {
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${tomorrow.getFullYear()}-${two(tomorrow.getMonth() + 1)}-${two(tomorrow.getDate())} 09:00`;
}
