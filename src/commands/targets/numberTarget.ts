import * as vscode from 'vscode';
import type { FaxNumber } from '../../api/models';
import type { ClientProvider } from '../../client/clientProvider';
import type { ErrorPresenter } from '../../errors/errorPresenter';
import type { NumberNode } from '../../views/treeNodes';
import { phoneDisplay } from '../../format/phoneDisplay';
import { apiQuickPick } from './apiQuickPick';
import { plainArgs, stringArg } from './commandArgs';

/** A fax number: from a Numbers node or `{ number: '+1…' }`. */
export interface NumberTarget {
  readonly number: string;
  readonly record?: FaxNumber;
}

export function numberTargetOf(arg: unknown): NumberTarget | undefined {
  const node = arg as Partial<NumberNode> | undefined;
  if (node?.kind === 'number' && typeof node.number?.number === 'string') {
    return { number: node.number.number, record: node.number };
  }
  const number = stringArg(plainArgs(arg), 'number');
  return number ? { number } : undefined;
}

export function pickNumber(
  clients: ClientProvider,
  errors: ErrorPresenter,
  title: string,
  filter: (n: FaxNumber) => boolean = () => true,
): Promise<NumberTarget | undefined> {
  return apiQuickPick<NumberTarget>(errors, {
    title,
    placeholder: vscode.l10n.t('Choose a fax number'),
    failureAction: vscode.l10n.t('Loading fax numbers'),
    emptyText: vscode.l10n.t('No fax numbers to choose from.'),
    load: async (signal) =>
      (await clients.get().listNumbers(undefined, { signal })).filter(filter).map((n) => ({
        label: `$(device-mobile) ${phoneDisplay(n.number)}`,
        description: [
          n.status,
          n.assignedTo.length > 0 ? vscode.l10n.t('assigned to {0}', n.assignedTo.length) : vscode.l10n.t('unassigned'),
        ].join(' · '),
        value: { number: n.number, record: n },
      })),
  });
}
