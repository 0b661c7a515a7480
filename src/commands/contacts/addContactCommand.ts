import * as vscode from 'vscode';
import type { AddressBook } from '../../contacts/addressBook';
import type { ContactDraft } from '../../contacts/contact';
import type { Notifier } from '../../util/notifier';
import { COMMANDS } from '../../manifest/commandIds';
import type { Command } from '../command';
import { plainArgs } from '../targets/commandArgs';
import { askContact, draftOf, refuse } from './contactPrompts';

/**
 * Adds a contact. Argument `{ name, faxNumbers, organisation?, note? }` adds it
 * without a question (refused with the reason when it cannot be saved);
 * without one, input boxes ask, checking as the person types.
 */
export class AddContactCommand implements Command {
  readonly id: typeof COMMANDS.addContact | typeof COMMANDS.saveAsContact = COMMANDS.addContact;

  constructor(
    protected readonly book: AddressBook,
    protected readonly notifier: Notifier,
  ) {}

  async execute(arg?: unknown): Promise<string | undefined> {
    const args = plainArgs(arg);
    return args ? this.save(draftOf(args)) : this.ask({});
  }

  protected async ask(initial: ContactDraft): Promise<string | undefined> {
    await this.book.load();
    const draft = await askContact(vscode.l10n.t('Add Contact'), initial, (d) => this.book.draftProblem(d));
    return draft && this.save(draft);
  }

  protected async save(draft: ContactDraft): Promise<string | undefined> {
    const added = await this.book.add(draft);
    if (!added.ok) throw refuse(this.notifier, added.message);
    void this.notifier.notify('info', vscode.l10n.t('Contact "{0}" saved.', added.contact.name));
    return added.id;
  }
}
