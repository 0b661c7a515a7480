import { randomBytes } from 'node:crypto';
import { formatFaxDate } from './dates';
import type { FaxRecord } from './records';
import type { EmulatorState } from './state';

export interface IncomingFaxOptions {
  /** Receiving account; default the admin. */
  uid?: string;
  from?: string;
  pages?: number;
  /** Put it in spam instead of the inbox. */
  spam?: boolean;
  /** Spell the sender `from_number` as some documented records do. */
  fromNumberField?: boolean;
}

/** A fax that "arrives" now, for tests of polling and refresh. */
export function receiveFax(state: EmulatorState, now: number, o: IncomingFaxOptions = {}): FaxRecord {
  const uid = o.uid ?? state.adminUid;
  const to = state.numbersOf(uid).find((n) => n.status === 'active')?.number ?? uid;
  const start = formatFaxDate(now);
  const pages = o.pages ?? 2;
  const fax: FaxRecord = {
    id: randomBytes(12).toString('hex'),
    comment: '',
    cost: pages,
    cost_details: { multiplier: 1, notification_cost: 0 },
    description: 'OK',
    direction: 'incoming',
    duration: pages * 30,
    file: `${randomBytes(16).toString('hex')}.tiff`,
    file_name: 'incoming-fax',
    header: null,
    is_read: false,
    is_spam: o.spam ?? false,
    last_update: start,
    max_retry: null,
    owner_id: uid,
    pages,
    retry_delay: null,
    scheduled_time: null,
    start_time: start,
    status: 'success',
    submit_time: null,
    to,
  };
  const from = o.from ?? '+12125550142';
  if (o.fromNumberField) {
    fax.from_number = from;
  } else {
    fax.from = from;
  }
  state.addFax(uid, o.spam ? 'spam' : 'inbox', fax);
  return fax;
}
