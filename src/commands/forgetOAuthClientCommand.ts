import * as vscode from 'vscode';
import type { Command } from './command';
import type { AuthSession } from '../auth/authSession';
import type { OAuthClientSecretStore } from '../auth/oauthClientSecretStore';
import type { OAuthCredentials } from '../auth/oauthCredentials';
import { COMMANDS } from '../manifest/commandIds';
import type { Notifier } from '../util/notifier';

/**
 * Removes the stored OAuth client secret (sign-out keeps it so signing in
 * again needs no typing). An OAuth session cannot be refreshed without it, so
 * that session ends too.
 */
export class ForgetOAuthClientCommand implements Command {
  readonly id = COMMANDS.forgetOAuthClient;

  constructor(
    private readonly session: AuthSession,
    private readonly clientSecrets: OAuthClientSecretStore,
    private readonly credentials: OAuthCredentials,
    private readonly notifier: Notifier,
  ) {}

  async execute(): Promise<boolean> {
    const signedInWithOAuth = Boolean(await this.credentials.peek());
    await this.clientSecrets.forget();
    if (signedInWithOAuth) {
      await this.session.signOut();
    }
    void this.notifier.notify(
      'info',
      signedInWithOAuth
        ? vscode.l10n.t('The OAuth client secret was removed from VS Code secret storage, and you were signed out of Fax.Plus.')
        : vscode.l10n.t('The OAuth client secret was removed from VS Code secret storage.'),
    );
    return true;
  }
}
