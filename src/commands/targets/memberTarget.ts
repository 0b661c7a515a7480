import * as vscode from 'vscode';
import type { Account } from '../../api/models';
import type { ClientProvider } from '../../client/clientProvider';
import type { ErrorPresenter } from '../../errors/errorPresenter';
import type { MemberNode } from '../../views/treeNodes';
import { apiQuickPick } from './apiQuickPick';
import { personLabel } from '../../format/personName';
import { plainArgs, stringArg } from './commandArgs';

/** A member of the corporate account: from a Members node or `{ memberId }` (their user id). */
export interface MemberTarget {
  readonly uid: string;
  readonly account?: Account;
}

export function memberTargetOf(arg: unknown): MemberTarget | undefined {
  const node = arg as Partial<MemberNode> | undefined;
  if (node?.kind === 'member' && typeof node.account?.uid === 'string') {
    return { uid: node.account.uid, account: node.account };
  }
  const uid = stringArg(plainArgs(arg), 'memberId');
  return uid ? { uid } : undefined;
}

/** Members only: the corporate admin cannot be given or lose numbers this way. */
export function pickMember(
  clients: ClientProvider,
  errors: ErrorPresenter,
  title: string,
  only?: readonly string[],
): Promise<MemberTarget | undefined> {
  return apiQuickPick<MemberTarget>(errors, {
    title,
    placeholder: vscode.l10n.t('Choose a member'),
    failureAction: vscode.l10n.t('Loading members'),
    emptyText: vscode.l10n.t('No members to choose from.'),
    load: async (signal) =>
      (await clients.get().listMembers({ signal }))
        .filter((a) => a.accountType !== 'corporate_admin' && (!only || only.includes(a.uid)))
        .map((a) => ({
          label: `$(person) ${personLabel(a, a.uid)}`,
          description: [a.email, a.role].filter(Boolean).join(' · '),
          value: { uid: a.uid, account: a },
        })),
  });
}
