import * as vscode from 'vscode';
import type { AddressBook } from '../../contacts/addressBook';
import type { Contact, ContactDraft } from '../../contacts/contact';
import type { Notifier } from '../../util/notifier';
import { COMMANDS } from '../../manifest/commandIds';
import type { Command } from '../command';
import { plainArgs, stringArg } from '../targets/commandArgs';
import { askContact, contactTarget, draftOf, refuse } from './contactPrompts';

/**
 * Edits a contact. `{ name, newName?, faxNumbers?, organisation?, note? }`
 * changes the parts given without a question; otherwise the person picks the
 * contact and edits each field in turn.
 */
export class EditContactCommand implements Command {
  readonly id = COMMANDS.editContact;

  constructor(
    private readonly book: AddressBook,
    private readonly notifier: Notifier,
  ) {}

  async execute(arg?: unknown): Promise<boolean> {
    const contact = await contactTarget(this.book, this.notifier, arg, vscode.l10n.t('Edit Contact'));
    if (!contact) return false;
    const args = plainArgs(arg);
    if (!args) return this.editInteractively(contact);
    const given = draftOf(args);
    return this.save(contact, {
      name: stringArg(args, 'newName') ?? contact.name,
      organisation: given.organisation ?? contact.organisation,
      faxNumbers: given.faxNumbers ?? contact.faxNumbers,
      note: given.note ?? contact.note,
    });
  }

  /** Each field in an input box, starting from what is saved. */
  async editInteractively(contact: Contact): Promise<boolean> {
    const draft = await askContact(vscode.l10n.t('Edit Contact'), contact, (d) => this.book.draftProblem(d, contact.id));
    return draft ? this.save(contact, draft) : false;
  }

  private async save(contact: Contact, draft: ContactDraft): Promise<boolean> {
    const updated = await this.book.update(contact.id, draft);
    if (!updated.ok) throw refuse(this.notifier, updated.message);
    void this.notifier.notify('info', vscode.l10n.t('Contact "{0}" saved.', updated.contact.name));
    return true;
  }
}
