import type { CommandId } from '../../manifest/commandIds';
import * as vscode from 'vscode';
import type { ActionServices } from './actionServices';
import { categoryOf, faxRecordOf, faxTargetOf, isFaxNode, type FaxTarget } from './faxTarget';
import { pickFax } from './pickFax';

/**
 * Marks received faxes read or unread. The API wants the comment too, so the
 * current one is sent back unchanged (fetched when only the id is known).
 * Acts on every selected tree item when several are selected.
 */
export async function setReadState(
  services: ActionServices,
  commandId: CommandId,
  isRead: boolean,
  arg: unknown,
  selection: unknown,
): Promise<number> {
  const { gate, clients, errors, events } = services;
  gate.ensure(commandId);
  const targets = selectedTargets(arg, selection);
  if (targets.length === 0) {
    const picked = await pickFax(clients, errors, {
      title: isRead ? vscode.l10n.t('Mark Fax as Read') : vscode.l10n.t('Mark Fax as Unread'),
      categories: ['inbox'],
      filter: (fax) => fax.isRead !== isRead,
    });
    if (!picked) {
      return 0;
    }
    targets.push(picked);
  }
  const client = clients.get();
  const changed = new Set<ReturnType<typeof categoryOf>>();
  try {
    for (const target of targets) {
      const fax = await faxRecordOf(target, client);
      await client.updateFax(target.faxId, { comment: fax.comment, isRead });
      changed.add(categoryOf(target, fax));
    }
  } catch (e) {
    throw errors.show(e, isRead ? vscode.l10n.t('Marking the fax as read') : vscode.l10n.t('Marking the fax as unread'));
  } finally {
    changed.forEach((list) => events.fireChanged(list));
  }
  return targets.length;
}

/** The clicked item, or all selected items when it is part of a multi-selection. */
export function selectedTargets(arg: unknown, selection: unknown): FaxTarget[] {
  const single = faxTargetOf(arg);
  if (Array.isArray(selection) && selection.length > 1 && selection.every(isFaxNode)) {
    return selection.map((node) => faxTargetOf(node) as FaxTarget);
  }
  return single ? [single] : [];
}
