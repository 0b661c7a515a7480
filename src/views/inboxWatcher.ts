import * as vscode from 'vscode';
import type { Fax } from '../api/models';
import { Disposable } from '../util/disposable';
import type { FaxListProvider, FaxListLoad } from './faxListProvider';
import type { FaxNotifications } from './faxNotifications';
import { NewFaxDetector } from './newFaxDetector';
import type { FaxNode, TreeNode } from './treeNodes';
import { COMMANDS } from '../manifest/commandIds';

/**
 * The Inbox's signals to the person: the view badge counts unread faxes (of
 * those loaded), and faxes that arrive while VS Code runs produce one grouped
 * notification whose [Open] reveals them.
 */
export class InboxWatcher extends Disposable {
  private readonly detector = new NewFaxDetector();

  constructor(
    private readonly provider: FaxListProvider,
    private readonly view: vscode.TreeView<TreeNode>,
    private readonly notifications: FaxNotifications,
  ) {
    super();
    this.register(provider.onDidLoad((load) => this.loaded(load)));
    this.register(provider.onDidUpdateItems(() => this.updateBadge()));
  }

  /** Forgets which faxes were seen (sign-out, another token). */
  reset(): void {
    this.detector.clear();
    this.updateBadge();
  }

  /** Selects the fax in the Inbox and, once the viewer exists, opens it. */
  async open(faxId: string): Promise<void> {
    const node = this.provider.loadedItems.find((item): item is FaxNode => item.kind === 'fax' && item.fax.id === faxId);
    if (!node) {
      return;
    }
    await this.view.reveal(node, { select: true, focus: true });
    await vscode.commands.executeCommand(COMMANDS.openFax, { faxId, category: 'inbox' });
  }

  private loaded(load: FaxListLoad): void {
    if (load.kind === 'more') {
      this.detector.remember(load.faxes);
      return;
    }
    const arrived: Fax[] = this.detector.observe(load.faxes);
    if (arrived.length > 0) {
      this.notifications.newFaxes(arrived, () => void this.open(arrived[0].id));
    }
  }

  private updateBadge(): void {
    const unread = this.provider.loadedItems.filter((item) => item.kind === 'fax' && item.fax.isRead === false).length;
    this.view.badge =
      unread > 0
        ? { value: unread, tooltip: unread === 1 ? vscode.l10n.t('1 unread fax') : vscode.l10n.t('{0} unread faxes', unread) }
        : undefined;
  }
}
