import * as vscode from 'vscode';
import type { Command } from './command';
import type { MemberDetails } from '../api/models';
import type { ActionServices } from './targets/actionServices';
import { plainArgs, stringArg } from './targets/commandArgs';
import { memberTargetOf, pickMember } from './targets/memberTarget';
import { personLabel } from '../format/personName';
import { COMMANDS } from '../manifest/commandIds';

/**
 * Shows and changes a member's role and quota (admins only). Argument: a
 * Members node or `{ memberId }` (then asks), `{ memberId, role?, quota? }`
 * with a value (no prompt), or nothing (quick pick). Returns the details
 * now in force.
 */
export class EditMemberCommand implements Command {
  readonly id = COMMANDS.editMember;

  constructor(private readonly services: ActionServices) {}

  async execute(arg?: unknown): Promise<MemberDetails | undefined> {
    const { gate, clients, errors, events } = this.services;
    gate.ensure(this.id);
    const member = memberTargetOf(arg) ?? (await pickMember(clients, errors, vscode.l10n.t('Edit Member')));
    if (!member) {
      return undefined;
    }
    const args = plainArgs(arg);
    const client = clients.get();
    try {
      const current = await client.getMemberDetails(member.uid);
      const given = { role: stringArg(args, 'role'), quota: typeof args?.quota === 'number' ? args.quota : undefined };
      const wanted =
        given.role !== undefined || given.quota !== undefined
          ? { role: given.role ?? current.role, quota: given.quota ?? current.quota }
          : await this.ask(personLabel(member.account, member.uid), current);
      if (!wanted || (wanted.role === current.role && wanted.quota === current.quota)) {
        return current;
      }
      await client.updateMemberDetails(member.uid, wanted);
      events.fireChanged('members');
      return wanted;
    } catch (e) {
      throw errors.show(e, vscode.l10n.t('Changing the member'));
    }
  }

  private async ask(who: string, current: MemberDetails): Promise<MemberDetails | undefined> {
    const role = await vscode.window.showInputBox({
      title: vscode.l10n.t('Edit Member: {0} (1/2)', who),
      prompt: vscode.l10n.t('Role of {0} in the account', who),
      value: current.role ?? '',
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A role is needed.')),
    });
    if (role === undefined) {
      return undefined;
    }
    const quota = await vscode.window.showInputBox({
      title: vscode.l10n.t('Edit Member: {0} (2/2)', who),
      prompt: vscode.l10n.t('Quota of {0}: a whole number, 0 or more', who),
      value: current.quota === undefined ? '' : String(current.quota),
      validateInput: (v) => (/^\d+$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter a whole number, 0 or more.')),
    });
    if (quota === undefined) {
      return undefined;
    }
    return { role: role.trim(), quota: Number(quota.trim()) };
  }
}
