import * as vscode from 'vscode';
import type { Command } from './command';
import type { FaxCategory } from '../api/models';
import type { ActionServices } from './targets/actionServices';
import { plainArgs } from './targets/commandArgs';
import { confirmed } from './targets/confirmation';
import { faxTitle } from '../views/faxTitle';
import { pickFax } from './targets/pickFax';
import { selectedTargets } from './targets/readState';
import { COMMANDS } from '../manifest/commandIds';

const ALL_LISTS: readonly FaxCategory[] = ['inbox', 'sent', 'spam'];

/**
 * Deletes faxes from Fax.Plus after a modal confirmation (skipped only by
 * `confirm: false`). Argument: fax node(s), `{ faxId, category?, confirm? }`,
 * or nothing (quick pick). Returns how many were deleted.
 */
export class DeleteFaxCommand implements Command {
  readonly id = COMMANDS.deleteFax;

  constructor(private readonly services: ActionServices) {}

  async execute(arg?: unknown, selection?: unknown): Promise<number> {
    const { gate, clients, errors, events } = this.services;
    gate.ensure(this.id);
    const targets = selectedTargets(arg, selection);
    if (targets.length === 0) {
      const picked = await pickFax(clients, errors, { title: vscode.l10n.t('Delete Fax'), categories: ALL_LISTS });
      if (!picked) {
        return 0;
      }
      targets.push(picked);
    }
    const question =
      targets.length === 1
        ? vscode.l10n.t('Delete “{0}” from Fax.Plus?', faxTitle(targets[0].fax, targets[0].category, targets[0].faxId))
        : vscode.l10n.t('Delete {0} faxes from Fax.Plus?', targets.length);
    const ok = await confirmed(
      this.services.notifier,
      plainArgs(arg),
      question,
      vscode.l10n.t('The fax and its document are removed for good. This cannot be undone.'),
      vscode.l10n.t('Delete'),
    );
    if (!ok) {
      return 0;
    }
    const client = clients.get();
    let deleted = 0;
    try {
      for (const target of targets) {
        await client.deleteFax(target.faxId);
        deleted++;
      }
    } catch (e) {
      throw errors.show(e, vscode.l10n.t('Deleting the fax'));
    } finally {
      // Without a node the list is unknown; refreshing the three fax lists is cheap and correct.
      const lists = new Set(targets.slice(0, Math.max(deleted, 1)).flatMap((t) => (t.category ? [t.category] : ALL_LISTS)));
      lists.forEach((list) => events.fireChanged(list));
    }
    return deleted;
  }
}
