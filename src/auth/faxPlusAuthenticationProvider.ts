import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import type { AuthSession } from './authSession';
import type { OAuthCredentials } from './oauthCredentials';
import { COMMANDS } from '../manifest/commandIds';

/** One OAuth session at a time, so its id can be fixed. */
const SESSION_ID = 'faxplus-oauth';
const OAUTH_SCOPES: readonly string[] = ['all'];

/**
 * Shows the OAuth sign-in in VS Code's Accounts menu, where it can also be
 * signed out. Signing in goes through `faxplus.signInWithOAuth`, so every way
 * in asks the same questions and shows the same messages. Activation registers
 * it under the manifest's id (activation/activationShell.ts).
 */
export class FaxPlusAuthenticationProvider extends Disposable implements vscode.AuthenticationProvider {
  private readonly sessionsChanged = this.register(
    new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>(),
  );
  readonly onDidChangeSessions = this.sessionsChanged.event;
  private last: vscode.AuthenticationSession | undefined;
  /** Syncs run one after another so the events keep the order of the changes. */
  private syncing: Promise<void> = Promise.resolve();

  constructor(
    private readonly credentials: OAuthCredentials,
    private readonly session: AuthSession,
  ) {
    super();
    this.register(credentials.onDidChange(() => this.sync()));
    this.register(session.onDidChange(() => this.sync()));
    this.sync();
  }

  async getSessions(): Promise<vscode.AuthenticationSession[]> {
    const current = await this.current(true);
    return current ? [current] : [];
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    await vscode.commands.executeCommand(COMMANDS.signInWithOAuth);
    const created = await this.current(false);
    if (!created) {
      throw new Error(vscode.l10n.t('Sign-in to Fax.Plus was not completed.'));
    }
    return created;
  }

  /** There is only ever one session, so whichever id VS Code names, signing out removes it. */
  async removeSession(_sessionId: string): Promise<void> {
    await this.session.signOut();
  }

  private sync(): void {
    this.syncing = this.syncing.then(() => this.syncNow()).catch(() => undefined);
  }

  private async syncNow(): Promise<void> {
    const now = await this.current(false).catch(() => undefined);
    const before = this.last;
    this.last = now;
    if (!before && now) {
      this.sessionsChanged.fire({ added: [now], removed: [], changed: [] });
    } else if (before && !now) {
      this.sessionsChanged.fire({ added: [], removed: [before], changed: [] });
    } else if (before && now && (before.account.label !== now.account.label || before.accessToken !== now.accessToken)) {
      this.sessionsChanged.fire({ added: [], removed: [], changed: [now] });
    }
  }

  /** The session as stored; `fresh` refreshes an expiring access token first (falls back to the stored one on failure). */
  private async current(fresh: boolean): Promise<vscode.AuthenticationSession | undefined> {
    const stored = await this.credentials.peek();
    if (!stored) {
      return undefined;
    }
    const token = fresh ? (await this.credentials.getCredential().catch(() => undefined))?.token : undefined;
    const facts = this.session.facts?.kind === 'oauth' ? this.session.facts : undefined;
    const account = facts?.account;
    return {
      id: SESSION_ID,
      accessToken: token ?? stored.accessToken,
      account: {
        id: account?.uid ?? stored.userId ?? stored.clientId,
        label: account?.email ?? account?.name ?? vscode.l10n.t('Fax.Plus account'),
      },
      scopes: OAUTH_SCOPES,
    };
  }
}
