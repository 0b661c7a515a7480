import * as vscode from 'vscode';
import type { CommandGate } from '../auth/commandGate';
import type { ViewName } from '../views/treeNodes';
import type { Command } from './command';
import type { CommandId } from '../manifest/commandIds';
import { pickView, viewFromArgument } from './refreshViewArgument';
import { VIEW_NAMES } from '../views/treeNodes';

export interface ViewRefresher {
  refresh(view: ViewName): Promise<void>;
}

/**
 * Refreshes one sidebar view. `faxplus.refreshView` takes the view as an
 * argument (`{ view: 'inbox' }`; the palette asks); the per-view commands
 * (`faxplus.refreshInbox`, …) exist because view title buttons receive no
 * argument. Only that view's provider reloads.
 */
export class RefreshViewCommand implements Command {
  constructor(
    readonly id: CommandId,
    private readonly views: ViewRefresher,
    private readonly gate: CommandGate,
    private readonly fixedView?: ViewName,
  ) {}

  async execute(arg?: unknown): Promise<void> {
    this.gate.ensure(this.id);
    const view =
      this.fixedView ??
      viewFromArgument(arg) ??
      (arg === undefined ? await pickView(VIEW_NAMES, vscode.l10n.t('Which Fax.Plus view should be refreshed?')) : undefined);
    if (!view) {
      return;
    }
    await this.views.refresh(view);
  }
}
