import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import type { AuthSession } from './authSession';
import type { AuthState } from './authState';
import { daysLeft } from './tokenFacts';

/** Shows who is signed in and, near expiry, the days left in warning colours. */
export class AuthStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('faxplus.auth', vscode.StatusBarAlignment.Left, 10));

  constructor(
    private readonly session: AuthSession,
    private readonly warnWithinDays: () => number,
    /** A sentence naming environment overrides of the endpoints, shown in every tooltip. */
    private readonly overrides: () => string | undefined = () => undefined,
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.item.name = vscode.l10n.t('Fax.Plus Account');
    this.register(session.onDidChange((s) => this.render(s)));
    this.render(session.state);
  }

  /** Re-evaluates the days left (called daily by the expiry monitor). */
  refresh(): void {
    this.render(this.session.state);
  }

  private render(state: AuthState): void {
    if (state.status === 'signedOut') {
      const problem = state.problem === 'expired' ? vscode.l10n.t('token expired')
        : state.problem === 'unauthorized' ? vscode.l10n.t('token rejected') : undefined;
      this.item.text = problem ? `$(warning) Fax.Plus: ${problem}` : '$(sign-in) Fax.Plus';
      this.item.tooltip = this.withOverrides(problem ? vscode.l10n.t('Fax.Plus: {0}. Click to sign in again.', problem) : vscode.l10n.t('Sign in to Fax.Plus'));
      this.item.command = 'faxplus.signIn';
      this.item.backgroundColor = problem ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      this.item.show();
      return;
    }
    const { facts } = state;
    const who = facts.account?.email ?? facts.tokenName ?? vscode.l10n.t('signed in');
    const days = daysLeft(facts, this.now());
    const near = days !== undefined && days <= this.warnWithinDays();
    this.item.text = near
      ? `$(warning) Fax.Plus: ${who} · ${(days === 1 ? vscode.l10n.t('1 day left') : vscode.l10n.t('{0} days left', days))}`
      : `$(account) Fax.Plus: ${who}`;
    this.item.backgroundColor = near ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.tooltip = this.withOverrides(vscode.l10n.t('Fax.Plus token: {0}. Click for details.', facts.tokenName ?? facts.kind));
    this.item.command = 'faxplus.showTokenInfo';
    this.item.show();
  }

  private withOverrides(text: string): string {
    const overrides = this.overrides();
    return overrides ? `${text}\n\n$(warning) ${overrides}` : text;
  }

  /** For tests: what a person sees. */
  get text(): string {
    return this.item.text;
  }

  /** For tests: what a person sees on hover. */
  get tooltip(): string {
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : this.item.tooltip?.value ?? '';
  }
}
