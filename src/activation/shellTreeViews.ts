import * as vscode from 'vscode';
import { OutboxDrop } from '../views/outboxDrop';
import type { SidebarTreeViews } from '../views/sidebarTreeViews';
import { VIEW_NAMES, type TreeNode, type ViewName } from '../views/treeNodes';
import { Disposable } from '../util/disposable';
import { ForwardingTreeDataProvider } from './forwardingTreeDataProvider';

/**
 * The six views, created at activation so VS Code never shows one without a
 * provider. Showing a view, or VS Code asking one for items, builds the sidebar
 * (`build`); the sidebar's providers answer from then on.
 */
export class ShellTreeViews extends Disposable implements SidebarTreeViews {
  readonly outboxDrop = new OutboxDrop();
  private readonly forwarding = {} as Record<ViewName, ForwardingTreeDataProvider<TreeNode>>;
  private readonly views = {} as Record<ViewName, vscode.TreeView<TreeNode>>;

  constructor(build: (view: ViewName) => void) {
    super();
    for (const name of VIEW_NAMES) {
      const forwarding = this.register(new ForwardingTreeDataProvider<TreeNode>(() => build(name)));
      const view = this.register(
        vscode.window.createTreeView<TreeNode>(`faxplus.${name}`, {
          treeDataProvider: forwarding,
          dragAndDropController: name === 'outbox' ? this.outboxDrop : undefined,
        }),
      );
      // Shown is used: the sidebar starts loading (and the session its check) without waiting for VS Code's first ask.
      this.register(view.onDidChangeVisibility((e) => e.visible && build(name)));
      this.forwarding[name] = forwarding;
      this.views[name] = view;
    }
  }

  show(name: ViewName, provider: vscode.TreeDataProvider<TreeNode>): vscode.TreeView<TreeNode> {
    this.forwarding[name].forwardTo(provider);
    return this.views[name];
  }
}
