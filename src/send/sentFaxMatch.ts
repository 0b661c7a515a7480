import { NO_NUMBER, type Fax } from '../api/models';

/**
 * One outgoing fax as this window knows it, to recognise its record in Sent.
 * Fax.Plus gives an outgoing fax two ids: the outbox id (what POST /outbox
 * returns) and, once it leaves the outbox, a fax id. No answer links the two,
 * so the Sent record is found by destination, sender and time.
 */
export interface OutgoingFax {
  /** The outbox id. Some accounts (or older servers) keep it as the fax id: tried first. */
  readonly outboxId: string;
  /** The destination, E.164. */
  readonly to: string;
  /** The sender as requested or as the outbox listed it: a number, a comma-separated list, `no_number`, or unknown. */
  readonly from?: string;
  /** `submit_time` as the outbox reported it (the server's clock), when it was seen. */
  readonly submitTime?: Date;
  /** Our clock just before the fax was created (or first seen). */
  readonly startedAt: Date;
  /** Our clock when the server answered the request that created it, when it did. */
  readonly answeredAt?: Date;
  /** The server's clock in that answer (HTTP `Date`), when it sent one. */
  readonly serverTime?: Date;
  /** Server clock minus ours, from earlier answers (the uploads), when that answer is missing or had no `Date`. */
  readonly serverClockOffsetMs?: number;
}

/** A fax this window created, as announced (FaxEvents' SentFax): outbox ids per destination, and what places it in time. */
export interface CreatedFax extends Pick<OutgoingFax, 'from' | 'answeredAt' | 'serverTime' | 'serverClockOffsetMs'> {
  readonly ids: Readonly<Record<string, string>>;
  readonly startedAt?: Date;
}

/** One outgoing fax per destination of a created fax: what every follower of it (tracker, chat status) matches with. */
export function outgoingFaxesOf(created: CreatedFax): OutgoingFax[] {
  const startedAt = created.startedAt ?? new Date();
  return Object.entries(created.ids).map(([to, outboxId]) => ({
    outboxId,
    to,
    from: created.from,
    startedAt,
    answeredAt: created.answeredAt,
    serverTime: created.serverTime,
    serverClockOffsetMs: created.serverClockOffsetMs,
  }));
}

/** How far the server's clock may be off ours when only our clock is known. */
export const LOCAL_CLOCK_TOLERANCE_MS = 60_000;
/** Slack when the outbox's own submit time is known (same clock; the Sent record may round differently). */
export const SERVER_CLOCK_TOLERANCE_MS = 5_000;
/** Slack around the server's `Date` header: it and `submit_time` are cut to whole seconds. */
const DATE_HEADER_TOLERANCE_MS = 2_000;

/** Where on the server's clock the fax's Sent record can be: `submit_time` no earlier than `earliest`, no later than `latest`. */
export interface SentTimeWindow {
  readonly earliest: Date;
  /** Undefined: no upper bound (nothing says when the server answered). */
  readonly latest?: Date;
  /** The most likely submit time: the closest record wins. */
  readonly reference: Date;
}

/**
 * The window the fax's submit time falls in on the server's clock. Best: the outbox's own
 * submit time. Next: the server's `Date` header in the answer that created the fax, which
 * also gives how far this machine's clock is off (minutes, on a badly set computer). Last:
 * our own clock, moved by the offset earlier answers showed (when known), with a minute's
 * tolerance each way.
 */
export function sentTimeWindow(fax: OutgoingFax): SentTimeWindow {
  if (fax.submitTime) {
    const at = fax.submitTime.getTime();
    return {
      earliest: new Date(at - SERVER_CLOCK_TOLERANCE_MS),
      latest: new Date(at + SERVER_CLOCK_TOLERANCE_MS),
      reference: fax.submitTime,
    };
  }
  if (fax.serverTime && fax.answeredAt) {
    // The header is cut to the second: the server's clock was half a second past it on average.
    const offset = fax.serverTime.getTime() + 500 - fax.answeredAt.getTime();
    return {
      earliest: new Date(fax.startedAt.getTime() + offset - DATE_HEADER_TOLERANCE_MS),
      latest: new Date(fax.serverTime.getTime() + DATE_HEADER_TOLERANCE_MS),
      reference: fax.serverTime,
    };
  }
  // Our clock, moved onto the server's by what the uploads' answers showed when they did: a computer minutes off
  // still finds its fax. The minute's tolerance stays: an offset from other answers is a weaker proof than the
  // answer that created the fax.
  const shift = fax.serverClockOffsetMs ?? 0;
  return {
    earliest: new Date(fax.startedAt.getTime() + shift - LOCAL_CLOCK_TOLERANCE_MS),
    latest: fax.answeredAt ? new Date(fax.answeredAt.getTime() + shift + LOCAL_CLOCK_TOLERANCE_MS) : undefined,
    reference: new Date(fax.startedAt.getTime() + shift),
  };
}

/** The earliest submit (or start) time the fax's Sent record can carry. */
export function earliestSentTime(fax: OutgoingFax): Date {
  return sentTimeWindow(fax).earliest;
}

/**
 * The Sent record of `fax`, or undefined when none fits yet. A record fits when it goes to
 * the same number (compared as digits, so formatting does not matter), comes from the same
 * sender (when both are known), carries a time inside `sentTimeWindow` (a record without a
 * submit time only needs to start after the window opens: sending may start hours later), and
 * is not already claimed by another fax we follow. A record that fits one of `rivals` (other
 * faxes we follow) more closely is theirs: a fax deleted before we saw it must not take the
 * record of the next fax to the same number. A record with the outbox id wins (ids kept);
 * otherwise the one submitted closest to our fax.
 */
export function matchSentRecord(
  fax: OutgoingFax,
  sent: readonly Fax[],
  claimed: ReadonlySet<string> = new Set(),
  rivals: readonly OutgoingFax[] = [],
): Fax | undefined {
  const window = sentTimeWindow(fax);
  const distance = (record: Fax, w: SentTimeWindow) => Math.abs((timeOf(record) as number) - w.reference.getTime());
  const rivalWindows = rivals.filter((rival) => rival.outboxId !== fax.outboxId).map((rival) => ({ rival, window: sentTimeWindow(rival) }));
  const candidates = sent.filter((record) => {
    if (claimed.has(record.id) || !fits(fax, window, record)) return false;
    const mine = distance(record, window);
    return !rivalWindows.some(({ rival, window: theirs }) => fits(rival, theirs, record) && distance(record, theirs) < mine);
  });
  const kept = candidates.find((record) => record.id === fax.outboxId);
  if (kept) return kept;
  let best: Fax | undefined;
  for (const record of candidates) {
    if (!best || distance(record, window) < distance(best, window)) best = record;
  }
  return best;
}

function fits(fax: OutgoingFax, window: SentTimeWindow, record: Fax): boolean {
  if (record.direction === 'incoming') return false;
  if (record.to === undefined || digits(record.to) !== digits(fax.to)) return false;
  if (!sameSender(fax.from, record.from)) return false;
  const when = timeOf(record);
  if (when === undefined || when < window.earliest.getTime()) return false;
  return !(window.latest && record.submitTime && record.submitTime.getTime() > window.latest.getTime());
}

/** Whether a record fetched by the outbox id (the shortcut) is really our fax and not some other record. */
export function isSameFax(fax: OutgoingFax, record: Fax): boolean {
  return record.to !== undefined && digits(record.to) === digits(fax.to) && sameSender(fax.from, record.from);
}

function timeOf(record: Fax): number | undefined {
  return (record.submitTime ?? record.startTime)?.getTime();
}

function digits(number: string): string {
  return number.replace(/\D/g, '');
}

/** Unknown on either side matches; `no_number` matches anything (the server picks a line). */
function sameSender(requested: string | undefined, recorded: string | undefined): boolean {
  if (!requested || !recorded || requested === NO_NUMBER) return true;
  const mine = requested.split(',').map(digits).filter(Boolean);
  return mine.length === 0 || mine.includes(digits(recorded));
}
