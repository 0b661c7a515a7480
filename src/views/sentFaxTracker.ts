import * as vscode from 'vscode';
import type { Fax, OutboxFax } from '../api/models';
import type { Logger } from '../api/logger';
import type { AuthSession } from '../auth/authSession';
import type { CommandPermissions } from '../auth/commandPermissions';
import type { ClientProvider } from '../client/clientProvider';
import { kindOf } from '../errors/errorPresenter';
import type { FaxEvents, SentFax } from '../events/faxEvents';
import { earliestSentTime, isSameFax, matchSentRecord, outgoingFaxesOf, type OutgoingFax } from '../send/sentFaxMatch';
import { Disposable } from '../util/disposable';
import type { FaxNotifications } from './faxNotifications';

export interface SentFaxTrackerDependencies {
  readonly session: AuthSession;
  readonly permissions: CommandPermissions;
  readonly clients: ClientProvider;
  readonly logger: Logger;
  readonly events: FaxEvents;
}

/** How a followed fax ended: its Sent record, or undefined when it left the outbox without one (cancelled, deleted). */
export interface TrackedOutcome {
  readonly outboxId: string;
  readonly fax: Fax | undefined;
}

interface Followed {
  fax: OutgoingFax;
  phase: 'outbox' | 'sent';
  dueAt: number;
  delayMs: number;
  lastStatus?: string;
  sentLooks: number;
  readonly since: number;
}

const MAX_DELAY_MS = 5 * 60_000;
/** Looks in Sent after a fax left the outbox before concluding it was cancelled or deleted. */
const MAX_SENT_LOOKS = 6;
/** A fax scheduled far ahead is not followed forever. */
const MAX_FOLLOW_MS = 48 * 3_600_000;
const SENT_PAGE_LIMIT = 100;

/**
 * Follows each fax sent from this window until it settles, whether or not a
 * Fax.Plus view is visible: it asks only about those faxes (the outbox record,
 * then the Sent record, which has a NEW id: matched by destination, sender and
 * time), backs off while nothing changes, and announces the outcome once, with
 * [Resend] when it failed. Faxes the Outbox view saw leave are handed over too.
 */
export class SentFaxTracker extends Disposable {
  private readonly followed = new Map<string, Followed>();
  /** Sent records already announced for some fax, so two faxes to one number are not matched to the same record. */
  private readonly claimed = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ticking = false;
  private readonly settledEmitter = this.register(new vscode.EventEmitter<TrackedOutcome>());
  /** Fires once per followed fax when it settled (tests wait on it). */
  readonly onDidSettle = this.settledEmitter.event;

  constructor(
    private readonly deps: SentFaxTrackerDependencies,
    private readonly notifications: FaxNotifications,
  ) {
    super();
    this.register(deps.events.onDidSendFax((fax) => this.follow(fax)));
    this.register({ dispose: () => this.stopTimer() });
  }

  /** How many faxes are being followed. */
  get size(): number {
    return this.followed.size;
  }

  isFollowing(outboxId: string): boolean {
    return this.followed.has(outboxId);
  }

  /** A fax this window created: follow each destination's outbox record. */
  follow(sent: SentFax): void {
    for (const fax of outgoingFaxesOf(sent)) {
      if (!this.followed.has(fax.outboxId)) {
        this.add(fax.outboxId, fax, 'outbox');
      }
    }
    this.schedule();
  }

  /** A fax the Outbox view saw leave (followed already or not): look for its Sent record now. */
  followDeparted(record: OutboxFax): void {
    const known = this.followed.get(record.id);
    if (known) {
      known.fax = { ...known.fax, from: known.fax.from ?? record.from, submitTime: known.fax.submitTime ?? record.submitTime };
      if (known.phase === 'outbox') {
        known.phase = 'sent';
        known.dueAt = Date.now();
      }
    } else {
      const to = record.to[0];
      if (to === undefined) return;
      this.add(
        record.id,
        { outboxId: record.id, to, from: record.from, submitTime: record.submitTime, startedAt: record.submitTime ?? new Date() },
        'sent',
        0,
      );
    }
    this.schedule();
  }

  reset(): void {
    this.followed.clear();
    this.claimed.clear();
    this.stopTimer();
  }

  private add(outboxId: string, fax: OutgoingFax, phase: Followed['phase'], firstDelayMs = this.baseDelayMs()): void {
    const now = Date.now();
    this.followed.set(outboxId, { fax, phase, dueAt: now + firstDelayMs, delayMs: this.baseDelayMs(), sentLooks: 0, since: now });
  }

  private baseDelayMs(): number {
    const seconds = vscode.workspace.getConfiguration('faxplus').get<number>('polling.outboxSeconds', 15);
    // The same floor as the views' polling: a typo must not become a request storm.
    return (Number.isFinite(seconds) && seconds >= 1 ? seconds : 15) * 1000;
  }

  private schedule(): void {
    this.stopTimer();
    if (this.followed.size === 0 || this.ticking) return;
    const next = Math.min(...[...this.followed.values()].map((f) => f.dueAt));
    this.timer = setTimeout(() => void this.tick(), Math.max(0, next - Date.now()));
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    this.ticking = true;
    try {
      const facts = this.deps.session.facts;
      const now = Date.now();
      for (const [id, item] of [...this.followed]) {
        if (now - item.since > MAX_FOLLOW_MS) {
          this.followed.delete(id);
          continue;
        }
        // reset() (sign-out, another account) during this tick: ask nothing more about the forgotten faxes.
        if (item.dueAt > now || this.followed.get(id) !== item) continue;
        if (!facts || !this.deps.permissions.verdict('faxplus.view.sent', facts.scopes).allowed) {
          // Signed out (or a token that may not read faxes): wait, do not ask.
          this.backOff(item, false);
          continue;
        }
        try {
          await (item.phase === 'outbox' ? this.checkOutbox(id, item) : this.checkSent(id, item));
        } catch (e) {
          this.deps.logger.debug(`Following fax ${id}: ${e instanceof Error ? e.message : String(e)}`);
          this.backOff(item, false);
        }
      }
    } finally {
      this.ticking = false;
      this.schedule();
    }
  }

  private async checkOutbox(id: string, item: Followed): Promise<void> {
    let record: OutboxFax;
    try {
      record = await this.deps.clients.get().getOutboxFax(id);
    } catch (e) {
      if (kindOf(e) !== 'notFound') throw e;
      // It left the outbox: sent, failed or cancelled. Sent tells which.
      item.phase = 'sent';
      item.delayMs = this.baseDelayMs();
      item.dueAt = Date.now();
      this.deps.events.fireChanged('outbox');
      await this.checkSent(id, item);
      return;
    }
    item.fax = { ...item.fax, from: item.fax.from ?? record.from, submitTime: record.submitTime ?? item.fax.submitTime };
    this.backOff(item, record.status !== item.lastStatus);
    item.lastStatus = record.status;
  }

  private async checkSent(id: string, item: Followed): Promise<void> {
    const client = this.deps.clients.get();
    item.sentLooks += 1;
    let found: Fax | undefined;
    if (item.sentLooks === 1 && !this.claimed.has(id)) {
      // Shortcut for servers that keep the outbox id; the real one usually answers 404.
      found = await client.getFax(id).then(
        (fax) => (isSameFax(item.fax, fax) ? fax : undefined),
        (e: unknown) => {
          if (kindOf(e) === 'notFound') return undefined;
          throw e;
        },
      );
    }
    if (!found) {
      const sent = await client.listFaxes({ category: 'sent', after: earliestSentTime(item.fax), limit: SENT_PAGE_LIMIT });
      const rivals = [...this.followed.values()].map((other) => other.fax);
      found = matchSentRecord(item.fax, sent, this.claimed, rivals);
    }
    if (found) {
      this.settle(id, found);
    } else if (item.sentLooks >= MAX_SENT_LOOKS) {
      this.deps.logger.info(`Fax ${id} left the outbox without a record in Sent: cancelled or deleted`);
      this.followed.delete(id);
      this.settledEmitter.fire({ outboxId: id, fax: undefined });
    } else {
      this.backOff(item, false);
    }
  }

  private settle(id: string, fax: Fax): void {
    this.followed.delete(id);
    this.claimed.add(fax.id);
    this.notifications.finished(fax);
    this.deps.events.fireChanged('sent');
    this.settledEmitter.fire({ outboxId: id, fax });
  }

  /** Next look: soon after a change, later and later while nothing changes. */
  private backOff(item: Followed, changed: boolean): void {
    item.delayMs = changed ? this.baseDelayMs() : Math.min(MAX_DELAY_MS, item.delayMs * 2);
    item.dueAt = Date.now() + item.delayMs;
  }
}
