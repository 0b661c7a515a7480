import * as vscode from 'vscode';
import type { Command } from './command';
import type { Balance } from '../api/models';
import type { ActionServices } from './targets/actionServices';
import type { BalanceStatusBar } from '../balance/balanceStatusBar';
import { balanceAnswerText, balanceText } from '../balance/balanceText';
import { COMMANDS } from '../manifest/commandIds';

/** Checks the account balance now and shows it (and updates the status bar). */
export class ShowBalanceCommand implements Command {
  readonly id = COMMANDS.showBalance;

  constructor(
    private readonly services: ActionServices,
    private readonly statusBar: BalanceStatusBar,
  ) {}

  async execute(): Promise<Balance> {
    const { gate, clients, errors } = this.services;
    gate.ensure(this.id);
    let balance: Balance;
    try {
      balance = await clients.get().getBalance();
    } catch (e) {
      throw errors.show(e, vscode.l10n.t('Checking the balance'));
    }
    this.statusBar.update(balance);
    void this.services.notifier.notify(
      'info',
      balance.balance === undefined
        ? vscode.l10n.t('Fax.Plus answered the balance request without an amount we recognise: {0}', balanceAnswerText(balance))
        : vscode.l10n.t('Fax.Plus balance: {0}', balanceText(balance, vscode.env.language)),
    );
    return balance;
  }
}
