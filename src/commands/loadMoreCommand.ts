import * as vscode from 'vscode';
import type { CommandGate } from '../auth/commandGate';
import type { ViewName } from '../views/treeNodes';
import type { Command } from './command';
import { pickView, viewFromArgument } from './refreshViewArgument';
import { COMMANDS } from '../manifest/commandIds';

export interface MoreFaxesLoader {
  loadMore(view: 'inbox' | 'sent' | 'spam'): Promise<void>;
}

const PAGED_VIEWS: readonly ViewName[] = ['inbox', 'sent', 'spam'];

/** Appends the next page of older faxes to Inbox, Sent or Spam (`{ view: 'inbox' }`; the palette asks). */
export class LoadMoreCommand implements Command {
  readonly id = COMMANDS.loadMore;

  constructor(
    private readonly views: MoreFaxesLoader,
    private readonly gate: CommandGate,
  ) {}

  async execute(arg?: unknown): Promise<void> {
    this.gate.ensure(this.id);
    const view =
      viewFromArgument(arg, PAGED_VIEWS) ??
      (arg === undefined ? await pickView(PAGED_VIEWS, vscode.l10n.t('Load older faxes into which view?')) : undefined);
    if (view) {
      await this.views.loadMore(view as 'inbox' | 'sent' | 'spam');
    }
  }
}
