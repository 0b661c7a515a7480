import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';

import type { BackgroundActivity } from '../events/backgroundActivity';

export type { BackgroundActivity };

/**
 * Active while any Fax.Plus view is visible, or while a registered reason holds
 * (e.g. a fax sent from this window is still pending): Fax.Plus watches for
 * aggressive polling, and a hidden sidebar needs nothing fresh.
 */
export class SidebarActivity extends Disposable implements BackgroundActivity {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly reasons = new Set<BackgroundActivity>();

  constructor(private readonly views: readonly vscode.TreeView<unknown>[]) {
    super();
    for (const view of views) {
      this.register(view.onDidChangeVisibility(() => this.changed.fire()));
    }
  }

  get active(): boolean {
    return this.views.some((view) => view.visible) || [...this.reasons].some((reason) => reason.active);
  }

  /** Keeps background work going while `reason` is active, until the returned disposable is disposed. */
  keepActiveWhile(reason: BackgroundActivity): vscode.Disposable {
    this.reasons.add(reason);
    const listener = reason.onDidChange(() => this.changed.fire());
    this.changed.fire();
    return {
      dispose: () => {
        listener.dispose();
        if (this.reasons.delete(reason)) this.changed.fire();
      },
    };
  }
}
