import type {
  AccountRecord,
  Balance,
  FaxCategory,
  FaxRecord,
  MemberDetail,
  NumberRecord,
  OutboxEntry,
  UploadedFile,
  WebhookRecord,
} from './records';

type FaxLists = Record<FaxCategory, FaxRecord[]>;

/** All mutable API data of the emulator. Fax lists are kept sorted by start_time, newest first. */
export class EmulatorState {
  readonly accounts: AccountRecord[] = [];
  readonly memberDetails = new Map<string, MemberDetail>();
  readonly numbers: NumberRecord[] = [];
  readonly outbox = new Map<string, OutboxEntry>();
  /** Outbox id → the id its fax got in Sent (for assertions; the API never tells). */
  readonly sentIdOf = new Map<string, string>();
  readonly files = new Map<string, UploadedFile>();
  readonly webhooks: WebhookRecord[] = [];
  balance: Balance = { balance: 0, currency: 'USD' };
  adminUid = '';
  private readonly faxLists = new Map<string, FaxLists>();
  private readonly faxIndex = new Map<string, { uid: string; category: FaxCategory; fax: FaxRecord }>();

  account(uid: string): AccountRecord | undefined {
    return this.accounts.find((a) => a.uid === uid);
  }

  isAdmin(uid: string): boolean {
    return uid === this.adminUid;
  }

  faxes(uid: string, category: FaxCategory): FaxRecord[] {
    return this.lists(uid)[category];
  }

  /** Seeding appends records that are already in order (fast path). */
  appendSeededFax(uid: string, category: FaxCategory, fax: FaxRecord): void {
    this.lists(uid)[category].push(fax);
    this.faxIndex.set(fax.id, { uid, category, fax });
  }

  addFax(uid: string, category: FaxCategory, fax: FaxRecord): void {
    const list = this.lists(uid)[category];
    // Newest first; a new record goes before older-or-equal ones.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start_time > fax.start_time) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    list.splice(lo, 0, fax);
    this.faxIndex.set(fax.id, { uid, category, fax });
  }

  findFax(id: string): { uid: string; category: FaxCategory; fax: FaxRecord } | undefined {
    return this.faxIndex.get(id);
  }

  removeFax(id: string): boolean {
    const found = this.faxIndex.get(id);
    if (!found) {
      return false;
    }
    const list = this.lists(found.uid)[found.category];
    const i = list.indexOf(found.fax);
    if (i >= 0) {
      list.splice(i, 1);
    }
    this.faxIndex.delete(id);
    return true;
  }

  /** Numbers a user may send from / sees: the admin all purchased ones, a member those assigned to it. */
  numbersOf(uid: string): NumberRecord[] {
    return this.isAdmin(uid) ? this.numbers.filter((n) => n.owner_id === uid) : this.numbers.filter((n) => n.assigned_to.includes(uid));
  }

  private lists(uid: string): FaxLists {
    let lists = this.faxLists.get(uid);
    if (!lists) {
      lists = { inbox: [], sent: [], spam: [] };
      this.faxLists.set(uid, lists);
    }
    return lists;
  }
}
