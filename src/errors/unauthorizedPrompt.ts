import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import type { AuthSession } from '../auth/authSession';
import { COMMANDS } from '../manifest/commandIds';

/**
 * Many requests may fail with 401 at once (every view refreshing): the user
 * gets one prompt, not one per request. It follows the session: whenever the
 * server rejects the credential in use, the session becomes signed out with
 * that reason, and a prompt appears unless one is already open.
 */
export class UnauthorizedPrompt extends Disposable {
  private open = false;
  /** How many prompts were shown (tests assert a burst gives one). */
  shownCount = 0;

  constructor(session: AuthSession) {
    super();
    this.register(session.onDidChange((state) => {
      if (state.status === 'signedOut' && (state.problem === 'unauthorized' || state.problem === 'expired')) {
        this.show(state.problem);
      }
    }));
  }

  private show(problem: 'unauthorized' | 'expired'): void {
    if (this.open) {
      return;
    }
    this.open = true;
    this.shownCount++;
    const text = problem === 'expired'
      ? vscode.l10n.t('Your Fax.Plus token has expired. Sign in with a new token to continue.')
      : vscode.l10n.t('Fax.Plus no longer accepts your token (it was revoked, expired or replaced). Sign in again to continue.');
    const replace = vscode.l10n.t('Replace Token');
    void Promise.resolve(vscode.window.showErrorMessage(text, replace)).then((choice) => {
      if (choice === replace) {
        void vscode.commands.executeCommand(COMMANDS.signIn);
      }
    }).finally(() => {
      this.open = false;
    });
  }
}
