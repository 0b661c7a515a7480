import * as vscode from 'vscode';
import type { Command } from './command';
import type { AuthSession } from '../auth/authSession';
import type { TokenFacts } from '../auth/tokenFacts';
import type { SignInErrorMessages } from '../auth/signInErrorMessages';
import { scopesLost } from '../api/scopes';
import { describeFacts } from '../auth/describeFacts';
import { UserNotifiedError } from '../util/userNotifiedError';
import { abortSignalOf } from '../util/abortSignal';
import { COMMANDS } from '../manifest/commandIds';
import type { Notifier } from '../util/notifier';

export interface RotateTokenArgs {
  readonly token: string;
  /** Automation must say so explicitly to accept a token with fewer scopes. */
  readonly acceptScopeLoss?: boolean;
}

/**
 * Replaces the stored PAT: the new token is validated first and swapped in only
 * then; if it lacks scopes the old one had, the user is told which and asked.
 */
export class RotateTokenCommand implements Command {
  readonly id = COMMANDS.rotateToken;

  constructor(
    private readonly session: AuthSession,
    private readonly messages: SignInErrorMessages,
    private readonly notifier: Notifier,
  ) {}

  async execute(args?: unknown): Promise<TokenFacts | undefined> {
    const automated = typeof args === 'object' && args !== null && typeof (args as RotateTokenArgs).token === 'string';
    const token = automated
      ? (args as RotateTokenArgs).token
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Rotate Fax.Plus Token'),
          prompt: vscode.l10n.t(
            'Paste the new Personal Access Token. It is checked first; the current token stays in use until the new one is accepted.',
          ),
          password: true,
          ignoreFocusOut: true,
        });
    if (!token) {
      return undefined;
    }
    let candidate: TokenFacts;
    try {
      candidate = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('Checking the new token with Fax.Plus…'),
          cancellable: true,
        },
        (_p, cancel) => this.session.inspectPat(token, abortSignalOf(cancel)),
      );
    } catch (e) {
      const message = this.messages.describe(e);
      void this.notifier.notify(
        'error',
        vscode.l10n.t('The new token was not accepted; the current one stays in use. {0}', message.text),
        ...message.actions,
      );
      throw new UserNotifiedError(message.text, e);
    }
    const lost = scopesLost(this.session.facts?.scopes ?? [], candidate.scopes);
    if (lost.length > 0) {
      const text = vscode.l10n.t(
        'The new token lacks scopes the current one has: {0}. Commands that need them will stop working.',
        lost.join(', '),
      );
      if (automated) {
        if (!(args as RotateTokenArgs).acceptScopeLoss) {
          void this.notifier.notify('warning', text);
          throw new UserNotifiedError(text);
        }
      } else {
        const swap = vscode.l10n.t('Use the New Token');
        if ((await this.notifier.ask(text, {}, swap)) !== swap) {
          return undefined;
        }
      }
    }
    const facts = await this.session.adoptPat(token, candidate);
    void this.notifier.notify('info', vscode.l10n.t('Token rotated. {0}', describeFacts(facts, Date.now())));
    return facts;
  }
}
