import * as vscode from 'vscode';

/**
 * A view's data provider from activation on, before the sidebar exists: the first
 * thing VS Code asks of it builds the sidebar (`build`), whose provider answers
 * that ask and every later one, its changes passed on.
 */
export class ForwardingTreeDataProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private target: vscode.TreeDataProvider<T> | undefined;
  private relay: vscode.Disposable | undefined;

  constructor(private readonly build: () => void) {}

  /** From now on `target` answers. */
  forwardTo(target: vscode.TreeDataProvider<T>): void {
    this.relay?.dispose();
    this.target = target;
    this.relay = target.onDidChangeTreeData?.((change) => this.changed.fire(change));
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.answering().getTreeItem(element);
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.answering().getChildren(element);
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.answering().getParent?.(element);
  }

  dispose(): void {
    this.relay?.dispose();
    this.changed.dispose();
  }

  private answering(): vscode.TreeDataProvider<T> {
    if (!this.target) this.build();
    if (!this.target) throw new Error('the sidebar was built without a provider for this view');
    return this.target;
  }
}
