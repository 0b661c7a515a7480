import * as vscode from 'vscode';
import type { Command } from './command';
import type { RecentRecipients } from '../send/recentRecipients';
import { COMMANDS } from '../manifest/commandIds';
import type { Notifier } from '../util/notifier';

/** Forgets the numbers "Send as fax" offers as recent recipients. */
export class ClearRecentRecipientsCommand implements Command {
  readonly id = COMMANDS.clearRecentRecipients;

  constructor(
    private readonly recent: RecentRecipients,
    private readonly notifier: Notifier,
  ) {}

  async execute(): Promise<boolean> {
    await this.recent.clear();
    void this.notifier.notify('info', vscode.l10n.t('Recent fax recipients cleared.'));
    return true;
  }
}
