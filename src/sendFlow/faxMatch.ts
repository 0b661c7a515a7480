import { NO_NUMBER, type Fax, type OutboxFax } from '../api/models';
import type { ReceiptDocument } from '../receipts/receipt';
import { LOCAL_CLOCK_TOLERANCE_MS, matchSentRecord } from '../send/sentFaxMatch';

/** What is known about one attempt to create a fax, to recognise it on the server afterwards. */
export interface SendAttempt {
  /** E.164 destinations of the request, without duplicates. */
  readonly destinations: readonly string[];
  /** The request's `from`: a number, a comma-separated list of numbers, or `no_number`. */
  readonly from: string;
  /** The upload paths of this attempt. The server made them for these uploads only, so no older fax uses them. */
  readonly filePaths: readonly string[];
  /** The local clock just before POST /outbox was sent. */
  readonly startedAt: Date;
  /** The local clock when POST /outbox answered (absent: no answer yet, or none came). */
  readonly answeredAt?: Date;
  /** The server's clock in that answer (its HTTP `Date`), when it sent one. */
  readonly serverTime?: Date;
  /**
   * Server clock minus ours just before POST /outbox, learnt from the uploads' answers
   * (absent when none carried a `Date`). When the outbox request's own answer is lost,
   * this is what places the attempt on the server's clock.
   */
  readonly serverClockOffsetMs?: number;
  /** What was uploaded (for the receipt); absent when not every document was hashed. */
  readonly documents?: readonly ReceiptDocument[];
}

/**
 * How far the server's clock may be behind ours. Only the fallback rule (records
 * without file paths) depends on it; a fax to the same number sent by someone
 * less than this long before the attempt could be mistaken for it.
 */
export const CLOCK_TOLERANCE_MS = LOCAL_CLOCK_TOLERANCE_MS;

/**
 * When the attempt started, on the server's clock (the clock of submit_time and
 * start_time): our clock moved by the offset the uploads' answers showed, or ours when
 * none did. Without it a computer more than CLOCK_TOLERANCE_MS off would not recognise
 * its own fax once it had left the outbox.
 */
export function attemptStartOnServerClock(attempt: SendAttempt): Date {
  return new Date(attempt.startedAt.getTime() + (attempt.serverClockOffsetMs ?? 0));
}

/**
 * Which destinations of the attempt already have a fax on the server, with its id.
 *
 * An outbox record belongs to the attempt when one of its destinations is one of
 * ours and either
 *  (a) its `files` are exactly the attempt's upload paths (in any order) (proof: those paths were
 *      created for this attempt), or
 *  (b) it lists no files, was submitted no earlier than the attempt's start (on the
 *      server's clock) minus CLOCK_TOLERANCE_MS and comes from our sender (when both are known).
 * A record listing other files is never ours. A sent fax has a new id and no file
 * paths, so it is recognised by destination, sender and time (matchSentRecord).
 */
export function findAttemptOnServer(attempt: SendAttempt, outbox: readonly OutboxFax[], sent: readonly Fax[]): Map<string, string> {
  const found = new Map<string, string>();
  const ours = new Set(attempt.destinations);
  for (const record of outbox) {
    if (!outboxRecordIsOurs(attempt, record)) continue;
    for (const destination of record.to) {
      if (ours.has(destination) && !found.has(destination)) found.set(destination, record.id);
    }
  }
  const claimed = new Set<string>();
  for (const destination of attempt.destinations) {
    if (found.has(destination)) continue;
    const record = matchSentRecord(
      { outboxId: '', to: destination, from: attempt.from, startedAt: attemptStartOnServerClock(attempt) },
      sent,
      claimed,
    );
    if (record) {
      found.set(destination, record.id);
      claimed.add(record.id);
    }
  }
  return found;
}

function outboxRecordIsOurs(attempt: SendAttempt, record: OutboxFax): boolean {
  if (record.files.length > 0) return sameMembers(record.files, attempt.filePaths);
  return submittedSinceAttempt(attempt, record.submitTime) && sameSender(attempt, record.from);
}

function submittedSinceAttempt(attempt: SendAttempt, submitted: Date | undefined): boolean {
  return submitted !== undefined && submitted.getTime() >= attemptStartOnServerClock(attempt).getTime() - CLOCK_TOLERANCE_MS;
}

function sameSender(attempt: SendAttempt, from: string | undefined): boolean {
  if (from === undefined || attempt.from === NO_NUMBER) return true;
  return attempt.from
    .split(',')
    .map((n) => n.trim())
    .includes(from);
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  const mine = new Set(b);
  return a.length === b.length && a.every((path) => mine.has(path));
}
