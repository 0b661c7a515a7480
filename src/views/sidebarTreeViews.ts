import type * as vscode from 'vscode';
import type { OutboxDrop } from './outboxDrop';
import type { TreeNode, ViewName } from './treeNodes';

/**
 * The sidebar's six tree views, created before the sidebar is (at activation,
 * activation/shellTreeViews.ts): the sidebar is built when a view is first shown
 * and gives each view its provider then.
 */
export interface SidebarTreeViews {
  /** Files dropped on the Outbox start "Send as fax"; the Outbox view was created with it. */
  readonly outboxDrop: OutboxDrop;
  /** The view VS Code shows as `faxplus.<name>`, answering from `provider` from now on. */
  show(name: ViewName, provider: vscode.TreeDataProvider<TreeNode>): vscode.TreeView<TreeNode>;
}
