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
  /** Our clock just before the fax was created (or first seen), when the server's submit time is unknown. */
  readonly startedAt: Date;
}

/** How far the server's clock may be behind ours when only our clock is known. */
export const LOCAL_CLOCK_TOLERANCE_MS = 60_000;
/** Slack when the outbox's own submit time is known (same clock; the Sent record may round differently). */
export const SERVER_CLOCK_TOLERANCE_MS = 5_000;

/** The earliest submit (or start) time the fax's Sent record can carry. */
export function earliestSentTime(fax: OutgoingFax): Date {
  return fax.submitTime
    ? new Date(fax.submitTime.getTime() - SERVER_CLOCK_TOLERANCE_MS)
    : new Date(fax.startedAt.getTime() - LOCAL_CLOCK_TOLERANCE_MS);
}

/**
 * The Sent record of `fax`, or undefined when none fits yet. A record fits when
 * it goes to the same number (compared as digits, so formatting does not
 * matter), comes from the same sender (when both are known), was submitted no
 * earlier than `earliestSentTime` (and, when the outbox's submit time is known,
 * at that same time: a later fax to the same number is not ours), and is not
 * already claimed by another fax we follow. A record with the outbox id wins (ids kept); otherwise the one
 * submitted closest to our fax's submit time.
 */
export function matchSentRecord(fax: OutgoingFax, sent: readonly Fax[], claimed: ReadonlySet<string> = new Set()): Fax | undefined {
  const earliest = earliestSentTime(fax).getTime();
  const reference = (fax.submitTime ?? fax.startedAt).getTime();
  const candidates = sent.filter((record) => {
    if (claimed.has(record.id) || record.direction === 'incoming') return false;
    if (record.to === undefined || digits(record.to) !== digits(fax.to)) return false;
    if (!sameSender(fax.from, record.from)) return false;
    const when = timeOf(record);
    if (when === undefined || when < earliest) return false;
    // The same server clock on both sides: the Sent record carries the outbox's submit time.
    return !(
      fax.submitTime &&
      record.submitTime &&
      Math.abs(record.submitTime.getTime() - fax.submitTime.getTime()) > SERVER_CLOCK_TOLERANCE_MS
    );
  });
  const kept = candidates.find((record) => record.id === fax.outboxId);
  if (kept) return kept;
  let best: Fax | undefined;
  for (const record of candidates) {
    if (!best || Math.abs((timeOf(record) as number) - reference) < Math.abs((timeOf(best) as number) - reference)) {
      best = record;
    }
  }
  return best;
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
