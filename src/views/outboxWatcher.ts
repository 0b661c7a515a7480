import * as vscode from 'vscode';
import type { OutboxFax } from '../api/models';
import type { AuthSession } from '../auth/authSession';
import type { CommandPermissions } from '../auth/commandPermissions';
import type { ClientProvider } from '../client/clientProvider';
import { kindOf } from '../errors/errorPresenter';
import type { FaxEvents, SentFax } from '../events/faxEvents';
import type { Logger } from '../api/logger';
import { Disposable } from '../util/disposable';
import type { FaxListProvider } from './faxListProvider';
import type { FaxNotifications } from './faxNotifications';
import { OutboxDepartures } from './outboxDepartures';
import type { OutboxProvider } from './outboxProvider';
import type { TreeNode } from './treeNodes';

export interface OutboxWatcherDependencies {
  readonly session: AuthSession;
  readonly permissions: CommandPermissions;
  readonly clients: ClientProvider;
  readonly logger: Logger;
  readonly events: FaxEvents;
  readonly notifications: FaxNotifications;
}

/**
 * Follows faxes from the outbox into Sent: when a fax we saw (or that was
 * just sent from here) leaves the outbox, Sent is refreshed and the fax's
 * final status is announced, with [Resend] when it failed.
 */
export class OutboxWatcher extends Disposable {
  private readonly departures = new OutboxDepartures();

  constructor(
    private readonly outbox: OutboxProvider,
    private readonly outboxView: vscode.TreeView<TreeNode>,
    private readonly sent: FaxListProvider,
    private readonly deps: OutboxWatcherDependencies,
  ) {
    super();
    this.register(outbox.onDidLoad((faxes) => void this.observe(faxes)));
    this.register(deps.events.onDidSendFax((fax) => void this.sentFromHere(fax)));
  }

  /** Whether a fax is still on its way (the outbox polls only then). */
  get pending(): boolean {
    return this.departures.pending;
  }

  reset(): void {
    this.departures.clear();
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

  private async observe(faxes: readonly OutboxFax[]): Promise<void> {
    const departed = this.departures.observe(faxes.map((fax) => fax.id));
    if (departed.length === 0) {
      return;
    }
    void this.sent.refresh();
    const facts = this.deps.session.facts;
    if (!facts || !this.deps.permissions.verdict('faxplus.view.sent', facts.scopes).allowed) {
      return;
    }
    for (const id of departed) {
      try {
        this.deps.notifications.finished(await this.deps.clients.get().getFax(id));
      } catch (e) {
        // 404: cancelled, so it never became a sent fax; anything else is not worth a second notification.
        if (kindOf(e) !== 'notFound') {
          this.deps.logger.warn(`Could not look up the sent fax ${id}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
  }
}
