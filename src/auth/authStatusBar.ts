import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import type { AuthSession } from './authSession';
import type { AuthState } from './authState';
import type { CommandPermissions } from './commandPermissions';
import { describeAccount } from './describeFacts';
import { daysLeft, type TokenFacts } from './tokenFacts';
import { COMMANDS } from '../manifest/commandIds';

const EDIT_ACCOUNT = COMMANDS.editAccount;
const TOKEN_INFO = COMMANDS.showTokenInfo;

/**
 * Shows who is signed in and, near expiry, the days left in warning colours.
 * Its tooltip holds the person's details and links to Show Token Info and
 * (when the token may) Edit My Account.
 */
export class AuthStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('faxplus.auth', vscode.StatusBarAlignment.Left, 10));

  constructor(
    private readonly session: AuthSession,
    private readonly permissions: CommandPermissions,
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
      const problem =
        state.problem === 'expired'
          ? vscode.l10n.t('token expired')
          : state.problem === 'unauthorized'
            ? vscode.l10n.t('token rejected')
            : undefined;
      this.item.text = problem ? `$(warning) Fax.Plus: ${problem}` : '$(sign-in) Fax.Plus';
      this.item.tooltip = this.withOverrides(
        problem ? vscode.l10n.t('Fax.Plus: {0}. Click to sign in again.', problem) : vscode.l10n.t('Sign in to Fax.Plus'),
      );
      this.item.command = COMMANDS.signIn;
      this.item.backgroundColor = problem ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      this.item.show();
      return;
    }
    const { facts } = state;
    const who = facts.account?.email ?? facts.tokenName ?? vscode.l10n.t('signed in');
    const days = daysLeft(facts, this.now());
    const near = days !== undefined && days <= this.warnWithinDays();
    this.item.text = near
      ? `$(warning) Fax.Plus: ${who} · ${days === 1 ? vscode.l10n.t('1 day left') : vscode.l10n.t('{0} days left', days)}`
      : `$(account) Fax.Plus: ${who}`;
    this.item.backgroundColor = near ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.tooltip = this.tooltipOf(facts);
    this.item.command = COMMANDS.showTokenInfo;
    this.item.show();
  }

  private tooltipOf(facts: TokenFacts): vscode.MarkdownString {
    const canEdit = this.permissions.verdict(EDIT_ACCOUNT, facts.scopes).allowed;
    const tooltip = new vscode.MarkdownString(undefined, true);
    // Links may run only these two commands; account fields are appended as text, never as markdown.
    tooltip.isTrusted = { enabledCommands: canEdit ? [TOKEN_INFO, EDIT_ACCOUNT] : [TOKEN_INFO] };
    for (const line of describeAccount(facts)) {
      tooltip.appendText(line).appendMarkdown('  \n');
    }
    tooltip.appendText(vscode.l10n.t('Fax.Plus token: {0}.', facts.tokenName ?? facts.kind)).appendMarkdown('\n\n');
    tooltip.appendMarkdown(`[$(shield) ${vscode.l10n.t('Show Token Info')}](command:${TOKEN_INFO})`);
    if (canEdit) {
      tooltip.appendMarkdown(` · [$(account) ${vscode.l10n.t('Edit My Account…')}](command:${EDIT_ACCOUNT})`);
    }
    const overrides = this.overrides();
    if (overrides) {
      // A code span keeps the variables and URLs verbatim and inert (no markdown, no links).
      tooltip.appendMarkdown(`\n\n$(warning) \`${overrides.replace(/`/g, "'")}\``);
    }
    return tooltip;
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
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : (this.item.tooltip?.value ?? '');
  }
}
