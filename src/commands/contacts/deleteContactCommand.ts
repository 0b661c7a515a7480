import * as vscode from 'vscode';
import type { AddressBook } from '../../contacts/addressBook';
import type { Contact } from '../../contacts/contact';
import type { Notifier } from '../../util/notifier';
import { COMMANDS } from '../../manifest/commandIds';
import type { Command } from '../command';
import { plainArgs } from '../targets/commandArgs';
import { contactTarget } from './contactPrompts';

/** Deletes a contact: `{ name }` at once, or picked and confirmed in a modal. */
export class DeleteContactCommand implements Command {
  readonly id = COMMANDS.deleteContact;

  constructor(
    private readonly book: AddressBook,
    private readonly notifier: Notifier,
  ) {}

  async execute(arg?: unknown): Promise<boolean> {
    const contact = await contactTarget(this.book, this.notifier, arg, vscode.l10n.t('Delete Contact'));
    if (!contact) return false;
    return plainArgs(arg) ? this.delete(contact) : this.deleteAfterAsking(contact);
  }

  /** A modal confirmation first. */
  async deleteAfterAsking(contact: Contact): Promise<boolean> {
    const remove = vscode.l10n.t('Delete');
    const choice = await this.notifier.ask(
      vscode.l10n.t('Delete the contact "{0}"?', contact.name),
      { detail: vscode.l10n.t('Faxes to and from its numbers will show the bare numbers again.') },
      remove,
    );
    if (choice !== remove) return false;
    return this.delete(contact);
  }

  private async delete(contact: Contact): Promise<boolean> {
    const removed = await this.book.remove(contact.id);
    if (removed) void this.notifier.notify('info', vscode.l10n.t('Contact "{0}" deleted.', contact.name));
    return removed;
  }
}
