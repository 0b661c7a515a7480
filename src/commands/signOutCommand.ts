import * as vscode from 'vscode';
import type { Command } from './command';
import type { AuthSession } from '../auth/authSession';
import { COMMANDS } from '../manifest/commandIds';
import type { Notifier } from '../util/notifier';

/** Removes the stored token (and OAuth session) from SecretStorage. */
export class SignOutCommand implements Command {
  readonly id = COMMANDS.signOut;

  constructor(
    private readonly session: AuthSession,
    private readonly notifier: Notifier,
  ) {}

  async execute(): Promise<boolean> {
    await this.session.signOut();
    const fromEnv = Boolean(process.env.FAXPLUS_TOKEN?.trim());
    void this.notifier.notify(
      'info',
      fromEnv
        ? vscode.l10n.t(
            'Signed out. The FAXPLUS_TOKEN environment variable is still set, so its token stays in use until VS Code is started without it.',
          )
        : vscode.l10n.t('Signed out of Fax.Plus. The token was removed from VS Code secret storage.'),
    );
    return true;
  }
}
