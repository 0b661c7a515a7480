import type { EmulatorEnv } from './context';
import { outboxWire } from './lifecycle';
import { settle } from './settle';
import type { AccountRecord, Balance, FaxCategory, FaxRecord, MemberDetail, NumberRecord, UploadedFile, WebhookRecord } from './records';

/** Read access to the emulator's data for assertions (live objects: do not mutate). */
export class StateView {
  constructor(private readonly env: () => EmulatorEnv) {}

  faxes(category: FaxCategory, uid?: string): FaxRecord[] {
    const { state } = this.settled();
    return state.faxes(uid ?? state.adminUid, category);
  }

  fax(id: string): (FaxRecord & { category: FaxCategory }) | undefined {
    const found = this.settled().state.findFax(id);
    return found ? { ...found.fax, category: found.category } : undefined;
  }

  /** Outbox records (Outbox schema) at the current clock time, newest first. */
  outbox(uid?: string): Record<string, unknown>[] {
    const { state, clock } = this.settled();
    const owner = uid ?? state.adminUid;
    const now = clock.now();
    return [...state.outbox.values()]
      .filter((e) => e.uid === owner)
      .sort((a, b) => b.submitMs - a.submitMs)
      .map((e) => outboxWire(e, now));
  }

  numbers(): NumberRecord[] {
    return this.env().state.numbers;
  }

  accounts(): AccountRecord[] {
    return this.env().state.accounts;
  }

  memberDetails(uid: string): MemberDetail | undefined {
    return this.env().state.memberDetails.get(uid);
  }

  webhooks(uid?: string): WebhookRecord[] {
    const { state } = this.env();
    return state.webhooks.filter((w) => w.uid === (uid ?? state.adminUid));
  }

  files(): UploadedFile[] {
    return [...this.env().state.files.values()];
  }

  balance(): Balance {
    return this.env().state.balance;
  }

  private settled(): EmulatorEnv {
    const env = this.env();
    settle(env);
    return env;
  }
}
