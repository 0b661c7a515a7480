import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import type { Command } from './command';
import type { Notifier } from '../util/notifier';
import { COMMANDS } from '../manifest/commandIds';

/** "Fax.Plus: Open Chat Audit Log": the JSON-lines file of every chat tool call, in an editor. */
export class OpenChatAuditLogCommand implements Command {
  readonly id = COMMANDS.openChatAuditLog;

  constructor(
    private readonly file: string,
    private readonly notifier: Notifier,
  ) {}

  async execute(): Promise<vscode.Uri | undefined> {
    if (!existsSync(this.file)) {
      void this.notifier.notify('info', vscode.l10n.t('No chat tool was used yet: the chat audit log is empty.'));
      return undefined;
    }
    const uri = vscode.Uri.file(this.file);
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  }
}
