import * as vscode from 'vscode';
import type { Command } from './command';
import type { ActionServices } from './targets/actionServices';
import { categoryOf, counterpartOf, faxTargetOf, isFaxNode } from './targets/faxTarget';
import { numberTargetOf, pickNumber } from './targets/numberTarget';
import { phoneDisplay } from '../format/phoneDisplay';
import { COMMANDS } from '../manifest/commandIds';

/**
 * Copies a number in E.164 form (what other tools accept) to the clipboard.
 * Argument: a Numbers node, a fax node (the other party's number),
 * `{ number }`, or nothing (quick pick of the account's numbers).
 */
export class CopyNumberCommand implements Command {
  readonly id = COMMANDS.copyNumber;

  constructor(private readonly services: ActionServices) {}

  async execute(arg?: unknown): Promise<string | undefined> {
    const number = this.numberIn(arg) ?? (await this.pick());
    if (!number) {
      return undefined;
    }
    await vscode.env.clipboard.writeText(number);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('$(copy) Copied {0}', phoneDisplay(number)), 4000);
    return number;
  }

  private numberIn(arg: unknown): string | undefined {
    if (isFaxNode(arg)) {
      const target = faxTargetOf(arg);
      return target?.fax && counterpartOf(target.fax, categoryOf(target, target.fax));
    }
    return numberTargetOf(arg)?.number;
  }

  /** Only the palette calls the API here, so only it needs the scope check. */
  private async pick(): Promise<string | undefined> {
    const { gate, clients, errors } = this.services;
    gate.ensure(this.id);
    return (await pickNumber(clients, errors, vscode.l10n.t('Copy Fax Number')))?.number;
  }
}
