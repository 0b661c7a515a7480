import * as vscode from 'vscode';
import type { Command } from './command';
import type { AuthSession } from '../auth/authSession';
import { COMMANDS } from '../manifest/commandIds';

/** Removes the stored token (and OAuth session) from SecretStorage. */
export class SignOutCommand implements Command {
  readonly id = COMMANDS.signOut;

  constructor(private readonly session: AuthSession) {}

  async execute(): Promise<boolean> {
    await this.session.signOut();
    const fromEnv = Boolean(process.env.FAXPLUS_TOKEN?.trim());
    void vscode.window.showInformationMessage(fromEnv
      ? vscode.l10n.t('Signed out. The FAXPLUS_TOKEN environment variable is still set, so its token stays in use until VS Code is started without it.')
      : vscode.l10n.t('Signed out of Fax.Plus. The token was removed from VS Code secret storage.'));
    return true;
  }
}
