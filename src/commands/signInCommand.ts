import * as vscode from 'vscode';
import type { Command } from './command';
import type { AuthSession } from '../auth/authSession';
import type { TokenFacts } from '../auth/tokenFacts';
import type { SignInErrorMessages } from '../auth/signInErrorMessages';
import { describeFacts } from '../auth/describeFacts';
import { INTEGRATIONS_PAGE_URL } from '../config/endpoints';
import { UserNotifiedError } from '../util/userNotifiedError';
import { abortSignalOf } from '../util/abortSignal';
import { COMMANDS } from '../manifest/commandIds';
import type { Notifier } from '../util/notifier';
import { commandAction } from '../util/noticeActions';

/** Arguments for automation and tests. Prefer the FAXPLUS_TOKEN environment variable over a token in a file. */
export interface SignInArgs {
  readonly token: string;
}

/**
 * Signs in with a Personal Access Token: validated with GET /auth/token and
 * GET /accounts/self before anything is stored, then kept in SecretStorage.
 */
export class SignInCommand implements Command {
  readonly id = COMMANDS.signIn;

  constructor(
    private readonly session: AuthSession,
    private readonly messages: SignInErrorMessages,
    private readonly notifier: Notifier,
  ) {}

  async execute(args?: unknown): Promise<TokenFacts | undefined> {
    if (isSignInArgs(args)) {
      return this.signIn(args.token, false);
    }
    const token = await this.askForToken();
    return token ? this.signIn(token, true) : undefined;
  }

  private async askForToken(): Promise<string | undefined> {
    const paste = { label: `$(key) ${vscode.l10n.t('Paste a Personal Access Token')}`, description: vscode.l10n.t('recommended') };
    const create = {
      label: `$(link-external) ${vscode.l10n.t('Create a token on Fax.Plus')}`,
      description: vscode.l10n.t('opens Integrations in the Fax.Plus web app'),
    };
    const oauth = {
      label: `$(account) ${vscode.l10n.t('Sign in with OAuth instead')}`,
      description: vscode.l10n.t('needs an OAuth client id and secret'),
    };
    const choice = await vscode.window.showQuickPick([paste, create, oauth], {
      title: vscode.l10n.t('Sign in to Fax.Plus'),
      placeHolder: vscode.l10n.t('Choose how to sign in (a token is kept in VS Code secret storage only)'),
      ignoreFocusOut: true,
    });
    if (!choice) {
      return undefined;
    }
    if (choice === oauth) {
      await vscode.commands.executeCommand(COMMANDS.signInWithOAuth);
      return undefined;
    }
    if (choice === create) {
      await vscode.env.openExternal(vscode.Uri.parse(INTEGRATIONS_PAGE_URL));
    }
    return vscode.window.showInputBox({
      title: vscode.l10n.t('Fax.Plus Personal Access Token'),
      prompt: vscode.l10n.t('Paste the token you created in Fax.Plus → Integrations. It is checked with Fax.Plus before it is stored.'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim().length < 8 ? vscode.l10n.t('That is too short to be a token.') : undefined),
    });
  }

  private async signIn(token: string, interactive: boolean): Promise<TokenFacts | undefined> {
    try {
      const facts = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the token with Fax.Plus…'), cancellable: true },
        (_progress, cancel) => this.session.signInWithPat(token, abortSignalOf(cancel)),
      );
      void this.notifier.notify('info', vscode.l10n.t('Signed in to Fax.Plus. {0}', describeFacts(facts, Date.now())));
      return facts;
    } catch (e) {
      const message = this.messages.describe(e);
      const retry = commandAction(vscode.l10n.t('Try Again'), this.id);
      void this.notifier.notify('error', message.text, ...(interactive ? [retry] : []), ...message.actions);
      throw new UserNotifiedError(message.text, e);
    }
  }
}

function isSignInArgs(args: unknown): args is SignInArgs {
  return typeof args === 'object' && args !== null && typeof (args as SignInArgs).token === 'string';
}
