import * as vscode from 'vscode';
import type { OutboxFax } from '../../api/models';
import type { ClientProvider } from '../../client/clientProvider';
import type { ErrorPresenter } from '../../errors/errorPresenter';
import type { OutboxNode } from '../../views/treeNodes';
import { phoneDisplay } from '../../format/phoneDisplay';
import { apiQuickPick } from './apiQuickPick';
import { plainArgs, stringArg } from './commandArgs';

/** A pending fax: from an Outbox node or `{ faxId }` (the outbox fax id). */
export interface OutboxTarget {
  readonly faxId: string;
  readonly fax?: OutboxFax;
}

export function outboxTargetOf(arg: unknown): OutboxTarget | undefined {
  const node = arg as Partial<OutboxNode> | undefined;
  if (node?.kind === 'outbox' && typeof node.fax?.id === 'string') {
    return { faxId: node.fax.id, fax: node.fax };
  }
  const faxId = stringArg(plainArgs(arg), 'faxId');
  return faxId ? { faxId } : undefined;
}

export function pickOutboxFax(clients: ClientProvider, errors: ErrorPresenter, title: string): Promise<OutboxTarget | undefined> {
  return apiQuickPick<OutboxTarget>(errors, {
    title,
    placeholder: vscode.l10n.t('Choose a fax that has not been sent yet'),
    failureAction: vscode.l10n.t('Loading the outbox'),
    emptyText: vscode.l10n.t('The outbox is empty.'),
    load: async (signal) =>
      (await clients.get().listOutbox({ signal })).map((fax) => ({
        label: `$(clock) ${fax.to.map(phoneDisplay).join(', ')}`,
        description: [fax.status, fax.sendTime?.toLocaleString() ?? fax.submitTime?.toLocaleString()].filter(Boolean).join(' · '),
        detail: fax.comment?.text || undefined,
        value: { faxId: fax.id, fax },
      })),
  });
}
