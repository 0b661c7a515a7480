import { formatFaxDate } from './dates';
import { SeededRandom } from './random';
import type { AccountRecord, FaxCategory, FaxRecord, NumberRecord } from './records';
import { EmulatorState } from './state';

export interface SeedOptions {
  seed: number;
  /** Inbox records of the admin; sent gets as many, spam a tenth. */
  seedFaxes: number;
  now: number;
}

const SENDERS = [
  'Riverside Clinic',
  'Baker & Holt LLP',
  'Northwind Logistics',
  'County Records Office',
  'Dr. Amal Haddad',
  'Lakeside Pharmacy',
  'Summit Insurance',
  'Harbor Freight Co.',
];
const DOC_NAMES = ['referral', 'invoice', 'contract', 'lab-results', 'bill-of-lading', 'consent-form', 'purchase-order', 'court-filing'];
const SENT_STATUSES = [
  'success',
  'success',
  'success',
  'success',
  'success',
  'failed_no_answer',
  'failed_user_busy',
  'partially_sent',
  'insufficient_credit',
  'failed_unallocated_number',
];
const MEMBERS = [
  { name: 'Alice', lastname: 'Moreau', role: 'member', quota: 500 },
  { name: 'Bruno', lastname: 'Keller', role: 'member', quota: 200 },
  { name: 'Chen', lastname: 'Wei', role: 'admin_assistant', quota: 1000 },
];

/** Deterministic data for a seed: same seed → same uids, numbers, fax ids, statuses and order. */
export function seedState(options: SeedOptions): EmulatorState {
  const rnd = new SeededRandom(options.seed);
  const state = new EmulatorState();
  const now = options.now;
  const created = formatFaxDate(now - 400 * 86_400_000);

  const admin = account(rnd, 'corporate_admin', 'Dana', 'Okafor', 'dana.okafor@example.com', created, []);
  state.adminUid = admin.uid;
  state.accounts.push(admin);
  for (const m of MEMBERS) {
    const acc = account(rnd, 'corporate_member', m.name, m.lastname, `${m.name.toLowerCase()}@example.com`, created, [admin.uid]);
    acc.account_data.role = m.role;
    state.accounts.push(acc);
    state.memberDetails.set(acc.uid, { role: m.role, quota: m.quota });
  }
  const member = state.accounts[1];

  const exchange = rnd.pick(['2', '4', '6', '3']);
  const makeNumber = (assigned: string[], status: NumberRecord['status']): NumberRecord => ({
    id: rnd.hex(24),
    number: `+1555${exchange}${rnd.digits(6)}`,
    owner_id: admin.uid,
    assigned_to: assigned,
    acquired_date: formatFaxDate(now - rnd.int(30, 300) * 86_400_000),
    expiration_date: null,
    is_canceled: false,
    status,
    notifications: [{ type: 'receive_fax', email: true, push_notification: rnd.chance(0.5) }],
  });
  state.numbers.push(
    makeNumber([admin.uid], 'active'),
    makeNumber([member.uid], 'active'),
    makeNumber([], 'active'),
    makeNumber([], 'waiting_verification'),
  );

  state.balance = { balance: Math.round(rnd.int(2000, 90000)) / 100, currency: 'USD' };

  const n = Math.max(0, Math.floor(options.seedFaxes));
  seedFaxes(state, rnd, admin.uid, state.numbers[0].number, now, { inbox: n, sent: n, spam: Math.ceil(n / 10) });
  seedFaxes(state, rnd, member.uid, state.numbers[1].number, now, { inbox: 5, sent: 5, spam: 1 });
  seedFaxes(state, rnd, state.accounts[3].uid, 'no_number', now, { inbox: 0, sent: 3, spam: 0 });
  return state;
}

function account(
  rnd: SeededRandom,
  type: AccountRecord['account_type'],
  name: string,
  lastname: string,
  email: string,
  created: string,
  memberOf: string[],
): AccountRecord {
  return {
    uid: rnd.hex(32),
    account_type: type,
    email,
    name,
    lastname,
    phone: `+1555${rnd.digits(7)}`,
    creation_date: created,
    last_password_modification_date: created,
    status: 'active',
    profile_image: '',
    member_of: memberOf,
    account_data: { company_name: 'Example Health Partners', default_file_type: 'pdf', save_history: true },
    settings: { caller_id_name: `${name} ${lastname}`, should_enhance: true, send_fax: { retry: { count: 2, delay: 5 } } },
    notifications: {
      settings: {
        language: 'en',
        email: { receive_fax: true, send_fax: true, low_credit: true, addresses: [email] },
        push_notifications: { receive_fax: true, send_fax: false },
      },
    },
  };
}

function seedFaxes(
  state: EmulatorState,
  rnd: SeededRandom,
  uid: string,
  ownNumber: string,
  now: number,
  counts: Record<FaxCategory, number>,
): void {
  for (const category of ['inbox', 'sent', 'spam'] as const) {
    let t = now - rnd.int(60, 600) * 1000;
    for (let i = 0; i < counts[category]; i++) {
      // About one in eight records shares its second with the previous one.
      if (i > 0 && !rnd.chance(0.125)) {
        t -= rnd.int(30, 6 * 3600) * 1000;
      }
      state.appendSeededFax(uid, category, seededFax(rnd, uid, ownNumber, category, Math.floor(t / 1000) * 1000, i));
    }
  }
}

function seededFax(rnd: SeededRandom, uid: string, ownNumber: string, category: FaxCategory, t: number, index: number): FaxRecord {
  const outgoing = category === 'sent';
  const pages = rnd.int(1, 12);
  const other = `+1${rnd.pick(['212', '305', '617', '720', '503'])}${rnd.digits(7)}`;
  const start = formatFaxDate(t);
  const fax: FaxRecord = {
    id: rnd.hex(24),
    comment: rnd.chance(0.2) ? `Re: ${rnd.pick(DOC_NAMES)}` : '',
    cost: pages,
    cost_details: { multiplier: 1, notification_cost: 0 },
    description: 'OK',
    direction: outgoing ? 'outgoing' : 'incoming',
    duration: pages * rnd.int(20, 45),
    file: `${rnd.hex(32)}.tiff`,
    file_name: `${rnd.pick(DOC_NAMES)}-${rnd.pick(SENDERS).split(/\W+/)[0].toLowerCase()}`,
    header: outgoing ? 'Example Health Partners' : null,
    is_read: outgoing || category === 'spam' ? true : !(index < 8 || rnd.chance(0.1)),
    is_spam: category === 'spam',
    last_update: start,
    max_retry: outgoing ? 2 : null,
    owner_id: uid,
    pages,
    retry_delay: outgoing ? 5 : null,
    scheduled_time: null,
    start_time: start,
    status: outgoing ? rnd.pick(SENT_STATUSES) : 'success',
    submit_time: outgoing ? formatFaxDate(t - rnd.int(5, 60) * 1000) : null,
    to: outgoing ? other : ownNumber,
  };
  const from = outgoing ? ownNumber : other;
  // The docs show both spellings of the sender; clients must accept either.
  if (!outgoing && rnd.chance(0.15)) {
    fax.from_number = from;
  } else {
    fax.from = from;
  }
  if (fax.status !== 'success') {
    fax.description = fax.status.replace(/_/g, ' ');
  }
  return fax;
}
