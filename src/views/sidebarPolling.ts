import * as vscode from 'vscode';
import type { AuthSession } from '../auth/authSession';
import { Disposable } from '../util/disposable';
import { Poller, SYSTEM_TIMERS, type PollTimers } from './poller';
import type { SectionTreeProvider } from './sectionTreeProvider';
import type { TreeNode } from './treeNodes';

interface PolledSection {
  readonly provider: SectionTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
}

/**
 * Polls the Inbox (every `faxplus.polling.inboxSeconds`) and the Outbox
 * (every `faxplus.polling.outboxSeconds`, only while a fax is on its way),
 * and only while signed in, the view is visible and the window has focus:
 * Fax.Plus watches for aggressive polling. `faxplus.pollingEnabled` turns it off.
 */
export class SidebarPolling extends Disposable {
  readonly inbox: Poller;
  readonly outbox: Poller;

  constructor(
    inbox: PolledSection,
    outbox: PolledSection,
    outboxPending: () => boolean,
    private readonly session: AuthSession,
    timers: PollTimers = SYSTEM_TIMERS,
  ) {
    super();
    this.inbox = this.register(
      new Poller({
        canRun: () => this.canRun(inbox.view),
        intervalMs: () => this.seconds('polling.inboxSeconds', 60) * 1000,
        tick: () => inbox.provider.poll(),
        timers,
      }),
    );
    this.outbox = this.register(
      new Poller({
        canRun: () => this.canRun(outbox.view),
        intervalMs: () => (outboxPending() ? this.seconds('polling.outboxSeconds', 15) * 1000 : undefined),
        tick: () => outbox.provider.poll(),
        timers,
      }),
    );
    const update = (): void => {
      this.inbox.update();
      this.outbox.update();
    };
    this.register(inbox.view.onDidChangeVisibility(update));
    this.register(outbox.view.onDidChangeVisibility(update));
    this.register(outbox.provider.onDidUpdateItems(update));
    this.register(vscode.window.onDidChangeWindowState(update));
    this.register(session.onDidChange(update));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('faxplus.pollingEnabled') || e.affectsConfiguration('faxplus.polling')) {
          this.inbox.restart();
          this.outbox.restart();
        }
      }),
    );
    update();
  }

  private canRun(view: vscode.TreeView<TreeNode>): boolean {
    return (
      vscode.workspace.getConfiguration('faxplus').get<boolean>('pollingEnabled', true) &&
      Boolean(this.session.facts) &&
      vscode.window.state.focused &&
      view.visible
    );
  }

  private seconds(key: string, fallback: number): number {
    const value = vscode.workspace.getConfiguration('faxplus').get<number>(key, fallback);
    // A floor of one second keeps a typo from turning into a request storm.
    return Number.isFinite(value) && value >= 1 ? value : fallback;
  }
}
