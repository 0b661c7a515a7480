import * as vscode from 'vscode';
import type { Balance } from '../api/models';
import type { AuthSession } from '../auth/authSession';
import type { CommandPermissions } from '../auth/commandPermissions';
import type { ClientProvider } from '../client/clientProvider';
import type { Logger } from '../logging/outputLogger';
import { Disposable } from '../util/disposable';
import { balanceAnswerText, balanceText } from './balanceText';

const COMMAND = 'faxplus.showBalance';
/** Fax.Plus watches for aggressive polling; the balance changes slowly. */
export const BALANCE_REFRESH_MS = 10 * 60 * 1000;

/**
 * The account balance in the status bar, only while signed in with a token
 * that may read it. Fetched at most once per 10 minutes, quietly: a failed
 * background fetch changes the tooltip, never pops a notification.
 */
export class BalanceStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('faxplus.balance', vscode.StatusBarAlignment.Left, 9));
  private timer: ReturnType<typeof setInterval> | undefined;
  private fetchedAt: number | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly session: AuthSession,
    private readonly permissions: CommandPermissions,
    private readonly clients: ClientProvider,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.item.name = vscode.l10n.t('Fax.Plus Balance');
    this.item.command = COMMAND;
    this.register(session.onDidChange(() => this.apply()));
    this.register({ dispose: () => this.stop() });
    this.apply();
  }

  /** For tests: what a person sees, and whether it is shown. */
  get text(): string {
    return this.item.text;
  }

  get shown(): boolean {
    return this.timer !== undefined;
  }

  /** A balance fetched elsewhere (the Show Balance command) counts as the latest. */
  update(balance: Balance): void {
    this.fetchedAt = this.now();
    this.item.text = `$(credit-card) ${balanceText(balance, vscode.env.language)}`;
    this.item.tooltip =
      balance.balance === undefined
        ? vscode.l10n.t('Fax.Plus answered without an amount we recognise: {0}. Click to check it now.', balanceAnswerText(balance))
        : vscode.l10n.t('Fax.Plus balance. Click to check it now.');
  }

  private permitted(): boolean {
    const facts = this.session.facts;
    return Boolean(facts) && this.permissions.verdict(COMMAND, facts?.scopes ?? []).allowed;
  }

  private apply(): void {
    if (!this.permitted()) {
      this.stop();
      this.item.hide();
      return;
    }
    if (!this.timer) {
      this.item.text = '$(credit-card) …';
      this.item.show();
      this.timer = setInterval(() => void this.refresh(), BALANCE_REFRESH_MS);
    }
    void this.refresh();
  }

  private refresh(): Promise<void> {
    if (this.fetchedAt !== undefined && this.now() - this.fetchedAt < BALANCE_REFRESH_MS) {
      return Promise.resolve();
    }
    this.inFlight ??= this.fetch().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async fetch(): Promise<void> {
    try {
      const balance = await this.clients.get().getBalance();
      if (this.permitted()) {
        this.update(balance);
      }
    } catch (e) {
      // Counted as a fetch too, so a failing API is not asked again before the next interval.
      this.fetchedAt = this.now();
      this.logger.warn(`Balance not refreshed: ${e instanceof Error ? e.message : String(e)}`);
      this.item.tooltip = vscode.l10n.t('The balance could not be checked. Click to try again.');
    }
  }

  private stop(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    this.fetchedAt = undefined;
  }
}
