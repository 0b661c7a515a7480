import * as vscode from 'vscode';
import type { Command } from './command';
import type { AuthSession } from '../auth/authSession';
import type { TokenFacts } from '../auth/tokenFacts';
import { describeFacts } from '../auth/describeFacts';
import { COMMANDS } from '../manifest/commandIds';
import type { Notifier } from '../util/notifier';
import { commandAction } from '../util/noticeActions';

/** Re-checks the token with GET /auth/token and shows what it may do and when it expires. */
export class ShowTokenInfoCommand implements Command {
  readonly id = COMMANDS.showTokenInfo;

  constructor(
    private readonly session: AuthSession,
    private readonly notifier: Notifier,
    private readonly overrides: () => string | undefined = () => undefined,
  ) {}

  async execute(): Promise<TokenFacts | undefined> {
    const state = await this.session.revalidate();
    if (state.status !== 'signedIn') {
      void this.notifier.notify(
        'warning',
        vscode.l10n.t('Not signed in to Fax.Plus.'),
        commandAction(vscode.l10n.t('Sign In'), COMMANDS.signIn),
      );
      return undefined;
    }
    const rotate = commandAction(vscode.l10n.t('Rotate Token'), COMMANDS.rotateToken);
    const signOut = commandAction(vscode.l10n.t('Sign Out'), COMMANDS.signOut);
    const actions = state.facts.kind === 'pat' && state.facts.source === 'secretStorage' ? [rotate, signOut] : [signOut];
    const text = [describeFacts(state.facts, Date.now()), this.overrides()].filter(Boolean).join(' ');
    void this.notifier.notify('info', text, ...actions);
    return state.facts;
  }
}
