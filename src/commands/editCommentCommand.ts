import * as vscode from 'vscode';
import type { Command } from './command';
import type { ActionServices } from './targets/actionServices';
import { plainArgs } from './targets/commandArgs';
import { categoryOf, faxRecordOf, faxTargetOf } from './targets/faxTarget';
import { pickFax } from './targets/pickFax';
import { COMMANDS } from '../manifest/commandIds';

/** Longer comments are refused by nobody, but nobody can read them in a tree either. */
const MAX_COMMENT = 500;

/**
 * Changes a fax's comment (the note shown beside it). Argument: a fax node,
 * `{ faxId, category?, comment }` (no prompt), or nothing (quick pick).
 * Returns the new comment, or undefined when nothing changed.
 */
export class EditCommentCommand implements Command {
  readonly id = COMMANDS.editComment;

  constructor(private readonly services: ActionServices) {}

  async execute(arg?: unknown): Promise<string | undefined> {
    const { gate, clients, errors, events } = this.services;
    gate.ensure(this.id);
    const target =
      faxTargetOf(arg) ??
      (await pickFax(clients, errors, { title: vscode.l10n.t('Edit Fax Comment'), categories: ['inbox', 'sent', 'spam'] }));
    if (!target) {
      return undefined;
    }
    const client = clients.get();
    try {
      const fax = await faxRecordOf(target, client);
      const given = plainArgs(arg)?.comment;
      const comment =
        typeof given === 'string'
          ? given
          : await vscode.window.showInputBox({
              title: vscode.l10n.t('Edit Fax Comment'),
              prompt: vscode.l10n.t('A note for this fax, visible to everyone on the account. Leave empty to remove it.'),
              value: fax.comment,
              validateInput: (v) => (v.length > MAX_COMMENT ? vscode.l10n.t('At most {0} characters.', MAX_COMMENT) : undefined),
            });
      if (comment === undefined || comment === fax.comment) {
        return undefined;
      }
      // The API sets both fields: keep the read state as it is.
      await client.updateFax(target.faxId, { comment, isRead: fax.isRead ?? true });
      events.fireChanged(categoryOf(target, fax));
      return comment;
    } catch (e) {
      throw errors.show(e, vscode.l10n.t('Changing the comment'));
    }
  }
}
