import * as vscode from 'vscode';
import type { AuthSession } from './authSession';
import type { CommandPermissions } from './commandPermissions';
import { INTEGRATIONS_PAGE_URL } from '../config/endpoints';
import { NotPermittedError, NotSignedInError } from './gateErrors';
import { COMMANDS } from '../manifest/commandIds';
import type { Notifier } from '../util/notifier';
import { commandAction, openUrlAction } from '../util/noticeActions';

/**
 * The client-side scope check every command passes before it calls the API.
 * It never replaces the server's check: a 403 is still shown with the server's
 * words (see ErrorPresenter).
 */
export class CommandGate {
  constructor(
    private readonly session: AuthSession,
    private readonly permissions: CommandPermissions,
    private readonly notifier: Notifier,
  ) {}

  /**
   * Whether the signed-in token may run the command, without telling anyone:
   * for side effects a command adds only when it can (opening a fax marks it read).
   */
  permits(commandId: string): boolean {
    const facts = this.session.facts;
    return facts !== undefined && this.permissions.verdict(commandId, facts.scopes).allowed;
  }

  /**
   * Throws NotSignedInError / NotPermittedError (after telling the user, without
   * waiting for an answer) when the command may not run.
   */
  ensure(commandId: string): void {
    const facts = this.session.facts;
    if (!facts) {
      const message = vscode.l10n.t('Sign in to Fax.Plus first.');
      void this.notifier.notify('warning', message, commandAction(vscode.l10n.t('Sign In'), COMMANDS.signIn));
      throw new NotSignedInError(message);
    }
    const verdict = this.permissions.verdict(commandId, facts.scopes);
    if (verdict.allowed) {
      return;
    }
    // Several operations often need the same scopes (upload and send both need fax:fax:edit): name each choice once.
    const choices = [...new Set(verdict.wouldPermit.map((alternatives) => alternatives.join(vscode.l10n.t(' or '))))];
    const needed = choices.join(vscode.l10n.t(', and '));
    const message = vscode.l10n.t(
      'Your Fax.Plus token "{0}" cannot do this: it needs the scope {1}. Create a token with that scope and replace this one.',
      facts.tokenName ?? facts.preview ?? '',
      needed,
    );
    void this.notifier.notify(
      'error',
      message,
      commandAction(vscode.l10n.t('Replace Token'), COMMANDS.rotateToken),
      openUrlAction(vscode.l10n.t('Open Fax.Plus Integrations'), INTEGRATIONS_PAGE_URL),
    );
    throw new NotPermittedError(message, verdict.refusedOperations, verdict.wouldPermit);
  }
}
