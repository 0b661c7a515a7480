import { randomBytes } from 'node:crypto';
import { formatFaxDate, formatSendTime } from './dates';
import type { FaxRecord, OutboxEntry, OutboxStatus } from './records';
import type { EmulatorState } from './state';

/** How long each outbox stage lasts, in emulator-clock ms. */
export interface LifecycleTimings {
  submittedMs: number;
  convertingMs: number;
  sendingMs: number;
}

export const DEFAULT_LIFECYCLE: LifecycleTimings = { submittedMs: 1000, convertingMs: 2000, sendingMs: 5000 };

/** Final status of a sent fax, chosen by the destination's last two digits. */
export function finalStatusFor(destination: string): string {
  if (destination.endsWith('99')) {
    return 'failed_no_answer';
  }
  if (destination.endsWith('98')) {
    return 'failed_user_busy';
  }
  if (destination.endsWith('97')) {
    return 'failed_quantum_flux'; // deliberately not in the spec's enum: clients must render unknown statuses
  }
  return 'success';
}

export function scheduleStages(
  submitMs: number,
  t: LifecycleTimings,
  sendTimeMs?: number,
): Pick<OutboxEntry, 'convertingAt' | 'convertedAt' | 'sendingAt' | 'doneAt'> {
  const convertingAt = submitMs + t.submittedMs;
  const convertedAt = convertingAt + t.convertingMs;
  const sendingAt = Math.max(convertedAt, sendTimeMs ?? 0);
  return { convertingAt, convertedAt, sendingAt, doneAt: sendingAt + t.sendingMs };
}

function statusChanges(e: OutboxEntry, now: number): { at: number; status: OutboxStatus }[] {
  const changes: { at: number; status: OutboxStatus }[] = [{ at: e.submitMs, status: 'submitted' }];
  if (now >= e.convertingAt) {
    changes.push({ at: e.convertingAt, status: 'converting' });
  }
  if (e.sendingAt > e.convertedAt && now >= e.convertedAt) {
    changes.push({ at: e.convertedAt, status: 'scheduled_for_sending' });
  }
  if (now >= e.sendingAt) {
    changes.push({ at: e.sendingAt, status: 'sending' });
  }
  return changes;
}

/** The Outbox schema view of an entry at `now`. */
export function outboxWire(e: OutboxEntry, now: number): Record<string, unknown> {
  const changes = statusChanges(e, now);
  const last = changes[changes.length - 1];
  const wire: Record<string, unknown> = {
    id: e.id,
    uid: e.uid,
    status: last.status,
    to: [e.to],
    files: e.files,
    src: e.from,
    designated_src: e.from,
    comment: e.comment,
    options: e.options,
    retry: e.options.retry ?? { count: 0, delay: 0 },
    should_enhance: e.options.enhancement ?? false,
    page_count: e.pages,
    submit_time: formatFaxDate(e.submitMs),
    send_time: formatSendTime(e.sendTimeMs ?? e.submitMs),
    last_updated_status_time: formatFaxDate(last.at),
    status_changes: changes.map((c) => ({ at: formatFaxDate(c.at), status: c.status })),
    ip: '127.0.0.1',
    initiated_from: { type: 'api', from_id: e.tokenId },
    contact_name: '',
    extra_info: {},
    file_changes: [{ at: formatFaxDate(e.submitMs), files: e.fileInfo }],
  };
  if (e.coverPage) {
    wire.cover_page = e.coverPage;
  }
  return wire;
}

/**
 * Whether a fax reaching Sent gets a new id (`'new'`, as the help centre says: an
 * outbox id, then a 24-hex fax id) or keeps its outbox id (`'kept'`, what older
 * clients assumed). Default `'new'`.
 */
export type SentFaxIds = 'new' | 'kept';

/** Moves every outbox entry whose sending finished to the sender's sent faxes. */
export function settleOutbox(state: EmulatorState, now: number, ids: SentFaxIds = 'new'): FaxRecord[] {
  const sent: FaxRecord[] = [];
  for (const e of state.outbox.values()) {
    if (now < e.doneAt) {
      continue;
    }
    state.outbox.delete(e.id);
    const status = finalStatusFor(e.to);
    const start = formatFaxDate(e.sendingAt);
    const id = ids === 'kept' ? e.id : randomBytes(12).toString('hex');
    state.sentIdOf.set(e.id, id);
    const fax: FaxRecord = {
      id,
      comment: e.comment.text,
      cost: status === 'success' ? e.pages : 0,
      cost_details: { multiplier: 1, notification_cost: 0 },
      description: status === 'success' ? 'OK' : status.replace(/_/g, ' '),
      direction: 'outgoing',
      duration: status === 'success' ? Math.round((e.doneAt - e.sendingAt) / 1000) : 0,
      file: `${id}.tiff`,
      file_name: e.fileInfo[0]?.file_name ?? 'cover-page',
      from: e.from,
      header: null,
      is_read: true,
      is_spam: false,
      last_update: formatFaxDate(e.doneAt),
      max_retry: e.options.retry?.count ?? 0,
      owner_id: e.uid,
      pages: e.pages,
      retry_delay: e.options.retry?.delay ?? 0,
      scheduled_time: e.sendTimeMs !== undefined ? formatFaxDate(e.sendTimeMs) : null,
      start_time: start,
      status,
      submit_time: formatFaxDate(e.submitMs),
      to: e.to,
    };
    if (e.coverPage) {
      fax.cover_page = e.coverPage;
    }
    state.addFax(e.uid, 'sent', fax);
    sent.push(fax);
  }
  return sent;
}
