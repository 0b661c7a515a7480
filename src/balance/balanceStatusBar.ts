import * as vscode from 'vscode';
import type { Balance } from '../api/models';
import type { AuthSession } from '../auth/authSession';
import type { CommandPermissions } from '../auth/commandPermissions';
import type { ClientProvider } from '../client/clientProvider';
import type { Logger } from '../api/logger';
import { Disposable } from '../util/disposable';
import type { BackgroundActivity } from '../events/backgroundActivity';
import { balanceAnswerText, balanceText } from './balanceText';
import { COMMANDS } from '../manifest/commandIds';

const COMMAND = COMMANDS.showBalance;
/** Fax.Plus watches for aggressive polling; the balance changes slowly. */
export const BALANCE_REFRESH_SECONDS = 10 * 60;

/**
 * The account balance in the status bar, only while signed in with a token
 * that may read it. Fetched when a Fax.Plus view becomes visible (at most once
 * per `faxplus.polling.balanceSeconds`, and on that interval while one stays
 * visible), after a fax is sent, and on click; never while the views are
 * hidden. A failed background fetch changes the tooltip, never pops a notification.
 */
export class BalanceStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('faxplus.balance', vscode.StatusBarAlignment.Left, 9));
  private timer: ReturnType<typeof setInterval> | undefined;
  private fetchedAt: number | undefined;
  private inFlight: Promise<void> | undefined;
  private itemShown = false;

  constructor(
    private readonly session: AuthSession,
    private readonly permissions: CommandPermissions,
    private readonly clients: ClientProvider,
    private readonly logger: Logger,
    private readonly activity: BackgroundActivity,
    onDidSendFax: vscode.Event<unknown>,
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.item.name = vscode.l10n.t('Fax.Plus Balance');
    this.item.command = COMMAND;
    this.item.text = '$(credit-card) …';
    this.item.tooltip = vscode.l10n.t('Fax.Plus balance. Click to check it now.');
    this.register(session.onDidChange(() => this.apply()));
    this.register(activity.onDidChange(() => this.apply()));
    // A fax costs money: show what is left as soon as it is sent.
    this.register(
      onDidSendFax(() => {
        if (this.permitted()) void this.refresh(true);
      }),
    );
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('faxplus.polling.balanceSeconds')) {
          this.stopTimer();
          this.apply();
        }
      }),
    );
    this.register({ dispose: () => this.stopTimer() });
    this.apply();
  }

  /** For tests: what a person sees, and whether it is shown. */
  get text(): string {
    return this.item.text;
  }

  get shown(): boolean {
    return this.itemShown;
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

  private intervalMs(): number {
    const seconds = vscode.workspace.getConfiguration('faxplus').get<number>('polling.balanceSeconds', BALANCE_REFRESH_SECONDS);
    // A floor of one second keeps a typo from turning into a request storm.
    return (Number.isFinite(seconds) && seconds >= 1 ? seconds : BALANCE_REFRESH_SECONDS) * 1000;
  }

  /** Fetches now, whatever the interval says (after a purchase the balance is known to have changed). */
  async refreshNow(): Promise<void> {
    if (!this.permitted()) {
      return;
    }
    await this.inFlight; // an older fetch may still be running: its answer is from before
    await this.refresh(true);
  }

  private permitted(): boolean {
    const facts = this.session.facts;
    return Boolean(facts) && this.permissions.verdict(COMMAND, facts?.scopes ?? []).allowed;
  }

  private apply(): void {
    if (!this.permitted()) {
      this.stopTimer();
      this.fetchedAt = undefined;
      this.item.text = '$(credit-card) …';
      this.item.hide();
      this.itemShown = false;
      return;
    }
    if (!this.itemShown) {
      this.item.show();
      this.itemShown = true;
    }
    if (!this.activity.active) {
      this.stopTimer();
      return;
    }
    this.timer ??= setInterval(() => void this.refresh(true), this.intervalMs());
    void this.refresh();
  }

  private refresh(force = false): Promise<void> {
    if (!force && this.fetchedAt !== undefined && this.now() - this.fetchedAt < this.intervalMs()) {
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

  private stopTimer(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
