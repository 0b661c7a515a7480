import * as vscode from 'vscode';
import type { Command } from './command';
import type { ActionServices } from './targets/actionServices';
import { memberTargetOf, pickMember } from './targets/memberTarget';
import { personLabel } from '../format/personName';
import { numberTargetOf, pickNumber } from './targets/numberTarget';
import { phoneDisplay } from '../format/phoneDisplay';
import { COMMANDS } from '../manifest/commandIds';

/**
 * Gives a member the use of one of the account's numbers (admins only).
 * Argument: a Numbers node (then a member is picked), `{ number, memberId }`,
 * or nothing (both picked).
 */
export class AssignNumberCommand implements Command {
  readonly id = COMMANDS.assignNumber;

  constructor(private readonly services: ActionServices) {}

  async execute(arg?: unknown): Promise<boolean> {
    const { gate, clients, errors, events } = this.services;
    gate.ensure(this.id);
    const number = numberTargetOf(arg) ?? (await pickNumber(clients, errors, vscode.l10n.t('Assign Number'), (n) => n.status === 'active'));
    if (!number) {
      return false;
    }
    const member = memberTargetOf(arg) ?? (await pickMember(clients, errors, vscode.l10n.t('Assign {0} to…', phoneDisplay(number.number))));
    if (!member) {
      return false;
    }
    try {
      await clients.get().assignNumber(number.number, member.uid);
    } catch (e) {
      throw errors.show(e, vscode.l10n.t('Assigning the number'));
    }
    events.fireChanged('numbers');
    events.fireChanged('members');
    void this.services.notifier.notify(
      'info',
      vscode.l10n.t('{0} can now send and receive faxes with {1}.', personLabel(member.account, member.uid), phoneDisplay(number.number)),
    );
    return true;
  }
}
