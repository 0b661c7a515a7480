import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import type { AuthSession } from '../auth/authSession';
import { COMMANDS } from '../manifest/commandIds';
import type { Notifier } from '../util/notifier';
import { commandAction } from '../util/noticeActions';

/**
 * Many requests may fail with 401 at once (every view refreshing): the user
 * gets one prompt, not one per request. It follows the session: whenever the
 * server rejects the credential in use, the session becomes signed out with
 * that reason, and a prompt appears unless one is already open.
 */
export class UnauthorizedPrompt extends Disposable {
  private open = false;

  constructor(
    session: AuthSession,
    private readonly notifier: Notifier,
  ) {
    super();
    this.register(
      session.onDidChange((state) => {
        if (state.status === 'signedOut' && (state.problem === 'unauthorized' || state.problem === 'expired')) {
          this.show(state.problem);
        }
      }),
    );
  }

  private show(problem: 'unauthorized' | 'expired'): void {
    if (this.open) {
      return;
    }
    this.open = true;
    const text =
      problem === 'expired'
        ? vscode.l10n.t('Your Fax.Plus token has expired. Sign in with a new token to continue.')
        : vscode.l10n.t('Fax.Plus no longer accepts your token (it was revoked, expired or replaced). Sign in again to continue.');
    void this.notifier.notify('error', text, commandAction(vscode.l10n.t('Replace Token'), COMMANDS.signIn)).finally(() => {
      this.open = false;
    });
  }
}
