import * as vscode from 'vscode';
import type { Command } from './command';
import type { ActionServices } from './targets/actionServices';
import { plainArgs } from './targets/commandArgs';
import { confirmed } from './targets/confirmation';
import { memberTargetOf, pickMember, type MemberTarget } from './targets/memberTarget';
import { personLabel } from '../format/personName';
import { numberTargetOf, pickNumber, type NumberTarget } from './targets/numberTarget';
import { phoneDisplay } from '../format/phoneDisplay';
import { COMMANDS } from '../manifest/commandIds';

/**
 * Takes a number away from a member (admins only), after a modal
 * confirmation (skipped only by `confirm: false`). Argument: a Numbers node,
 * `{ number, memberId?, confirm? }`, or nothing. Without a member the one
 * the number is assigned to is used, or picked among several.
 */
export class RevokeNumberCommand implements Command {
  readonly id = COMMANDS.revokeNumber;

  constructor(private readonly services: ActionServices) {}

  async execute(arg?: unknown): Promise<boolean> {
    const { gate, clients, errors, events } = this.services;
    gate.ensure(this.id);
    const number =
      numberTargetOf(arg) ?? (await pickNumber(clients, errors, vscode.l10n.t('Revoke Number'), (n) => n.assignedTo.length > 0));
    if (!number) {
      return false;
    }
    const member = memberTargetOf(arg) ?? (await this.holderOf(number));
    if (!member) {
      return false;
    }
    const who = personLabel(member.account, member.uid);
    const ok = await confirmed(
      this.services.notifier,
      plainArgs(arg),
      vscode.l10n.t('Revoke {0} from {1}?', phoneDisplay(number.number), who),
      vscode.l10n.t('{0} can no longer send or receive faxes with this number. Faxes already received stay in their inbox.', who),
      vscode.l10n.t('Revoke'),
    );
    if (!ok) {
      return false;
    }
    try {
      await clients.get().revokeNumber(number.number, member.uid);
    } catch (e) {
      throw errors.show(e, vscode.l10n.t('Revoking the number'));
    }
    events.fireChanged('numbers');
    events.fireChanged('members');
    return true;
  }

  private async holderOf(number: NumberTarget): Promise<MemberTarget | undefined> {
    const { clients, errors } = this.services;
    let assigned: readonly string[];
    try {
      assigned = (number.record ?? (await clients.get().getNumber(number.number))).assignedTo;
    } catch (e) {
      throw errors.show(e, vscode.l10n.t('Revoking the number'));
    }
    return pickMember(clients, errors, vscode.l10n.t('Revoke {0} from…', phoneDisplay(number.number)), assigned);
  }
}
