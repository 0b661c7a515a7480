import * as vscode from 'vscode';
import type { Command } from './command';
import type { OAuthClientSecretStore } from '../auth/oauthClientSecretStore';
import { isPort, type OAuthSettings } from '../auth/oauthSettings';
import type { OAuthSignInFlow, OAuthSignInRequest } from '../auth/oauthSignInFlow';
import { describeOAuthSignInFailure, isCancellation, isClientRejected, MissingClientSecretError } from '../auth/oauthSignInErrors';
import type { TokenFacts } from '../auth/tokenFacts';
import { describeFacts } from '../auth/describeFacts';
import { UserNotifiedError } from '../util/userNotifiedError';
import { abortSignalOf } from '../util/abortSignal';
import { COMMANDS } from '../manifest/commandIds';
import type { Notifier } from '../util/notifier';
import { commandAction } from '../util/noticeActions';

/** Arguments for automation and tests; the command then never asks anything. */
export interface SignInWithOAuthArgs {
  readonly clientId: string;
  /** Defaults to the secret stored for this client id by an earlier sign-in. */
  readonly clientSecret?: string;
  /** False: do not open a browser; the authorization URL is only published (FaxPlusTestApi.oauth). */
  readonly openExternal?: boolean;
  /** Overrides the setting faxplus.oauth.redirectPort; 0 lets the OS choose. */
  readonly redirectPort?: number;
}

/**
 * Signs in with OAuth2 through the system browser. Interactively it asks for
 * the client id (remembered in the settings) and, unless one is stored for
 * that id, the client secret (kept in SecretStorage only).
 */
export class SignInWithOAuthCommand implements Command {
  readonly id = COMMANDS.signInWithOAuth;

  constructor(
    private readonly flow: OAuthSignInFlow,
    private readonly settings: OAuthSettings,
    private readonly clientSecrets: OAuthClientSecretStore,
    private readonly notifier: Notifier,
  ) {}

  async execute(args?: unknown): Promise<TokenFacts | undefined> {
    if (isArgs(args)) {
      return this.automated(args);
    }
    return this.interactive();
  }

  private async automated(args: SignInWithOAuthArgs): Promise<TokenFacts | undefined> {
    const clientSecret = args.clientSecret ?? (await this.clientSecrets.get(args.clientId));
    const redirectPort = isPort(args.redirectPort) ? args.redirectPort : this.settings.redirectPort();
    if (!clientSecret) {
      return this.refuse(new MissingClientSecretError(), false);
    }
    return this.signIn({ clientId: args.clientId, clientSecret, redirectPort, openExternal: args.openExternal !== false }, false);
  }

  private async interactive(): Promise<TokenFacts | undefined> {
    const clientId = (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('Sign in to Fax.Plus with OAuth (1/2)'),
        prompt: vscode.l10n.t(
          'The client id of your OAuth app (Fax.Plus → Integrations → OAuth apps). It is kept in the setting faxplus.oauth.clientId.',
        ),
        value: this.settings.clientId(),
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the client id.')),
      })
    )?.trim();
    if (!clientId) {
      return undefined;
    }
    const clientSecret =
      (await this.clientSecrets.get(clientId)) ??
      (
        await vscode.window.showInputBox({
          title: vscode.l10n.t('Sign in to Fax.Plus with OAuth (2/2)'),
          prompt: vscode.l10n.t('The client secret of this OAuth app. It is kept in VS Code secret storage only.'),
          password: true,
          ignoreFocusOut: true,
          validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the client secret.')),
        })
      )?.trim();
    if (!clientSecret) {
      return undefined;
    }
    const facts = await this.signIn({ clientId, clientSecret, redirectPort: this.settings.redirectPort(), openExternal: true }, true);
    await this.settings.rememberClientId(clientId);
    return facts;
  }

  private async signIn(request: Omit<OAuthSignInRequest, 'signal'>, interactive: boolean): Promise<TokenFacts | undefined> {
    try {
      const facts = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Waiting for the Fax.Plus sign-in in your browser…'),
          cancellable: true,
        },
        (_progress, cancel) => this.flow.run({ ...request, signal: abortSignalOf(cancel) }),
      );
      void this.notifier.notify('info', vscode.l10n.t('Signed in to Fax.Plus. {0}', describeFacts(facts, Date.now())));
      return facts;
    } catch (e) {
      if (isClientRejected(e)) {
        // A wrong stored secret would otherwise be reused silently next time.
        await this.clientSecrets.forget();
      }
      return this.refuse(e, interactive);
    }
  }

  private refuse(e: unknown, interactive: boolean): never {
    const text = describeOAuthSignInFailure(e);
    if (!isCancellation(e)) {
      void this.notifier.notify('error', text, ...(interactive ? [commandAction(vscode.l10n.t('Try Again'), this.id)] : []));
    }
    throw new UserNotifiedError(text, e);
  }
}

function isArgs(args: unknown): args is SignInWithOAuthArgs {
  return (
    typeof args === 'object' &&
    args !== null &&
    typeof (args as SignInWithOAuthArgs).clientId === 'string' &&
    (args as SignInWithOAuthArgs).clientId.trim() !== ''
  );
}
