import * as vscode from 'vscode';
import type { Command } from './command';
import type { RecentRecipients } from '../send/recentRecipients';
import { COMMANDS } from '../manifest/commandIds';

/** Forgets the numbers "Send as fax" offers as recent recipients. */
export class ClearRecentRecipientsCommand implements Command {
  readonly id = COMMANDS.clearRecentRecipients;

  constructor(private readonly recent: RecentRecipients) {}

  async execute(): Promise<boolean> {
    await this.recent.clear();
    void vscode.window.showInformationMessage(vscode.l10n.t('Recent fax recipients cleared.'));
    return true;
  }
}
