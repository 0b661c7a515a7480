import * as vscode from 'vscode';
import type { Command } from './command';
import type { AuthSession } from '../auth/authSession';
import type { TokenFacts } from '../auth/tokenFacts';
import { describeFacts } from '../auth/describeFacts';

/** Re-checks the token with GET /auth/token and shows what it may do and when it expires. */
export class ShowTokenInfoCommand implements Command {
  readonly id = 'faxplus.showTokenInfo';

  constructor(private readonly session: AuthSession, private readonly overrides: () => string | undefined = () => undefined) {}

  async execute(): Promise<TokenFacts | undefined> {
    const state = await this.session.revalidate();
    if (state.status !== 'signedIn') {
      const signIn = vscode.l10n.t('Sign In');
      void vscode.window.showWarningMessage(vscode.l10n.t('Not signed in to Fax.Plus.'), signIn).then((c) => {
        if (c) {
          void vscode.commands.executeCommand('faxplus.signIn');
        }
      });
      return undefined;
    }
    const rotate = vscode.l10n.t('Rotate Token');
    const signOut = vscode.l10n.t('Sign Out');
    const actions = state.facts.kind === 'pat' && state.facts.source === 'secretStorage' ? [rotate, signOut] : [signOut];
    const text = [describeFacts(state.facts, Date.now()), this.overrides()].filter(Boolean).join(' ');
    void vscode.window.showInformationMessage(text, ...actions).then((c) => {
      if (c === rotate) {
        void vscode.commands.executeCommand('faxplus.rotateToken');
      } else if (c === signOut) {
        void vscode.commands.executeCommand('faxplus.signOut');
      }
    });
    return state.facts;
  }
}
