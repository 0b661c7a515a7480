import * as vscode from 'vscode';
import type { AddressBook } from '../../contacts/addressBook';
import type { Contact } from '../../contacts/contact';
import type { DeleteContactCommand } from './deleteContactCommand';
import type { EditContactCommand } from './editContactCommand';
import type { Notifier } from '../../util/notifier';
import { COMMANDS } from '../../manifest/commandIds';
import type { Command } from '../command';
import { contactItem } from './contactPrompts';

type Row = vscode.QuickPickItem & { readonly run?: () => Thenable<unknown> };

/**
 * The address book in a quick pick: type to find a contact by name,
 * organisation or number, then edit or delete it; add, import and
 * export from the same list.
 */
export class ShowContactsCommand implements Command {
  readonly id = COMMANDS.showContacts;

  constructor(
    private readonly book: AddressBook,
    private readonly edit: EditContactCommand,
    private readonly remove: DeleteContactCommand,
    private readonly notifier: Notifier,
  ) {}

  async execute(): Promise<void> {
    await this.book.load();
    if (this.book.problem) {
      void this.notifier.notify(
        'error',
        vscode.l10n.t('The address book could not be read ({0}); it is left untouched.', this.book.problem),
      );
    }
    const run =
      (id: string, ...args: unknown[]) =>
      () =>
        vscode.commands.executeCommand(id, ...args);
    const rows: Row[] = [
      ...this.book.all().map((c) => ({ ...contactItem(c), run: () => this.actOn(c) })),
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: `$(add) ${vscode.l10n.t('Add Contact…')}`, run: run(COMMANDS.addContact) },
      { label: `$(cloud-download) ${vscode.l10n.t('Import Contacts (vCard, CSV)…')}`, run: run(COMMANDS.importContacts) },
      { label: `$(cloud-upload) ${vscode.l10n.t('Export Contacts…')}`, run: run(COMMANDS.exportContacts) },
    ];
    const picked = await vscode.window.showQuickPick(rows, {
      title: vscode.l10n.t('Fax.Plus Contacts ({0})', this.book.all().length),
      placeHolder: vscode.l10n.t('Type a name, organisation or number'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    await picked?.run?.();
  }

  private async actOn(contact: Contact): Promise<unknown> {
    const rows: Row[] = [
      { label: `$(edit) ${vscode.l10n.t('Edit…')}`, run: () => this.edit.editInteractively(contact) },
      { label: `$(trash) ${vscode.l10n.t('Delete…')}`, run: () => this.remove.deleteAfterAsking(contact) },
    ];
    const picked = await vscode.window.showQuickPick(rows, { title: contact.name });
    return picked?.run?.();
  }
}
