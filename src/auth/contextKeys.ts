import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import type { AuthSession } from './authSession';
import type { AuthState } from './authState';
import { CommandPermissions } from './commandPermissions';
import { isAdmin } from './tokenFacts';

/**
 * Mirrors the sign-in state and the token's real scopes into context keys, so
 * `when` clauses hide what a token cannot do and welcome views explain why.
 */
export class ContextKeys extends Disposable {
  private readonly values = new Map<string, unknown>();

  constructor(
    session: AuthSession,
    private readonly permissions: CommandPermissions,
  ) {
    super();
    this.register(session.onDidChange((state) => this.apply(state)));
    this.apply(session.state);
  }

  /** The last value set for a key (tests read it; VS Code has no getter). */
  get(key: string): unknown {
    return this.values.get(key);
  }

  private apply(state: AuthState): void {
    const facts = state.status === 'signedIn' ? state.facts : undefined;
    this.set('faxplus.signedIn', Boolean(facts));
    this.set('faxplus.authProblem', state.status === 'signedOut' ? (state.problem ?? '') : '');
    this.set('faxplus.isAdmin', isAdmin(facts));
    this.set('faxplus.tokenSource', facts?.source ?? '');
    for (const id of this.permissions.commandIds) {
      this.set(CommandPermissions.contextKey(id), facts ? this.permissions.verdict(id, facts.scopes).allowed : false);
    }
  }

  private set(key: string, value: unknown): void {
    if (this.values.get(key) === value) {
      return;
    }
    this.values.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}
