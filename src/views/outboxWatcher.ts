import * as vscode from 'vscode';
import type { OutboxFax } from '../api/models';
import type { FaxEvents, SentFax } from '../events/faxEvents';
import type { Logger } from '../api/logger';
import { Disposable } from '../util/disposable';
import type { FaxListProvider } from './faxListProvider';
import { OutboxDepartures } from './outboxDepartures';
import type { OutboxProvider } from './outboxProvider';
import type { SentFaxTracker } from './sentFaxTracker';
import type { TreeNode } from './treeNodes';

export interface OutboxWatcherDependencies {
  readonly logger: Logger;
  readonly events: FaxEvents;
  readonly tracker: SentFaxTracker;
}

/**
 * Notices faxes leaving the Outbox view's list: Sent is refreshed, and a fax
 * this window does not already follow (one sent from the web app, say) is
 * handed to the SentFaxTracker, which finds its Sent record (a new id) and
 * announces the final status, with [Resend] when it failed.
 */
export class OutboxWatcher extends Disposable {
  private readonly departures = new OutboxDepartures();
  /** The last outbox record seen of each watched id: what the Sent record is matched against. */
  private readonly seen = new Map<string, OutboxFax>();

  constructor(
    private readonly outbox: OutboxProvider,
    private readonly outboxView: vscode.TreeView<TreeNode>,
    private readonly sent: FaxListProvider,
    private readonly deps: OutboxWatcherDependencies,
  ) {
    super();
    this.register(outbox.onDidLoad((faxes) => this.observe(faxes)));
    this.register(deps.events.onDidSendFax((fax) => void this.sentFromHere(fax)));
  }

  /** Whether a fax is still on its way (the outbox polls only then). */
  get pending(): boolean {
    return this.departures.pending;
  }

  reset(): void {
    this.departures.clear();
    this.seen.clear();
    this.outboxView.description = undefined;
  }

  private async sentFromHere(fax: SentFax): Promise<void> {
    const ids = Object.values(fax.ids);
    this.departures.watch(ids);
    await this.outbox.refresh();
    const node = this.outbox.loadedItems.find((item) => item.kind === 'outbox' && ids.includes(item.fax.id));
    if (node && this.outboxView.visible) {
      // Best effort: VS Code refuses to reveal a node it has not drawn yet (the tree may be redrawing).
      await Promise.resolve(this.outboxView.reveal(node, { select: true, focus: false })).catch((e: unknown) => {
        this.deps.logger.debug(`Could not reveal the new fax in the Outbox: ${e instanceof Error ? e.message : String(e)}`);
      });
    }
  }

  private observe(faxes: readonly OutboxFax[]): void {
    // VS Code lets no extension resize a view: the Outbox stays small (initialSize), so its header says what is pending.
    this.outboxView.description = faxes.length > 0 ? vscode.l10n.t('{0} pending', faxes.length) : undefined;
    for (const fax of faxes) this.seen.set(fax.id, fax);
    const departed = this.departures.observe(faxes.map((fax) => fax.id));
    if (departed.length === 0) {
      return;
    }
    void this.sent.refresh();
    for (const id of departed) {
      const record = this.seen.get(id);
      this.seen.delete(id);
      // The tracker announces each fax once, whether it followed it from the send or hears of it only now.
      if (record) this.deps.tracker.followDeparted(record);
    }
  }
}
