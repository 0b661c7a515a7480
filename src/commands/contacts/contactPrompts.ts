import * as vscode from 'vscode';
import type { AddressBook } from '../../contacts/addressBook';
import type { Contact, ContactDraft } from '../../contacts/contact';
import { phoneDisplay } from '../../format/phoneDisplay';
import { UserNotifiedError } from '../../util/userNotifiedError';
import type { Notifier } from '../../util/notifier';
import { plainArgs, stringArg, type ArgObject } from '../targets/commandArgs';

type ContactItem = vscode.QuickPickItem & { readonly contact: Contact };

/** Shows an error without waiting for the person and returns what the command throws. */
export function refuse(notifier: Notifier, message: string): UserNotifiedError {
  void notifier.notify('error', message);
  return new UserNotifiedError(message);
}

/** A contact as a quick pick row: name, numbers, organisation and note (all searchable). */
export function contactItem(contact: Contact): ContactItem {
  return {
    label: `$(person) ${contact.name}`,
    description: contact.faxNumbers.map(phoneDisplay).join(', '),
    detail: [contact.organisation, contact.note].filter(Boolean).join(' · ') || undefined,
    contact,
  };
}

/** The contact a command acts on: `{ name }` (exact, refused when unknown or shared), else a quick pick. */
export async function contactTarget(book: AddressBook, notifier: Notifier, arg: unknown, title: string): Promise<Contact | undefined> {
  await book.load();
  const args = plainArgs(arg);
  const name = stringArg(args, 'name');
  if (args) {
    if (!name) throw refuse(notifier, vscode.l10n.t('Say which contact: "name" is missing.'));
    const found = book.named(name);
    if (found.length === 0) throw refuse(notifier, vscode.l10n.t('No contact is named "{0}".', name));
    if (found.length > 1) {
      throw refuse(notifier, vscode.l10n.t('"{0}" names {1} contacts; edit them from the Contacts list.', name, found.length));
    }
    return found[0];
  }
  if (book.all().length === 0) {
    void notifier.notify('info', vscode.l10n.t('The address book is empty. Add a contact or import some first.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(book.all().map(contactItem), {
    title,
    placeHolder: vscode.l10n.t('Type a name, organisation or number'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.contact;
}

/** A draft from an argument object: `{ name, organisation?, faxNumbers | numbers, note? }`. */
export function draftOf(args: ArgObject): ContactDraft {
  const list = args.faxNumbers ?? args.numbers;
  const numbers =
    typeof list === 'string' ? [list] : Array.isArray(list) ? list.filter((n): n is string => typeof n === 'string') : undefined;
  return {
    name: stringArg(args, 'name'),
    organisation:
      typeof args.organisation === 'string' ? args.organisation : typeof args.organization === 'string' ? args.organization : undefined,
    faxNumbers: numbers,
    note: typeof args.note === 'string' ? args.note : undefined,
  };
}

/**
 * Asks for a contact's fields one input box at a time, starting from `initial`;
 * the numbers box checks them as it would be saved. Undefined when the person stops.
 */
export async function askContact(
  title: string,
  initial: ContactDraft,
  check: (draft: ContactDraft) => string | undefined,
): Promise<ContactDraft | undefined> {
  // The name box judges the name alone: a stand-in number keeps "needs a number" out of it.
  const nameProblem = (name: string) => check({ name, faxNumbers: ['+12015550123'] });
  const name = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Name, as you will type it when sending (e.g. Dr. Chen)'),
    value: initial.name,
    ignoreFocusOut: true,
    validateInput: nameProblem,
  });
  if (name === undefined) return undefined;
  const numbers = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Fax numbers, separated by commas; the first is used when you send by name'),
    value: initial.faxNumbers?.join(', '),
    ignoreFocusOut: true,
    validateInput: (v) => check({ ...initial, name, faxNumbers: v.split(/[,;]/) }),
  });
  if (numbers === undefined) return undefined;
  const organisation = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Organisation (optional)'),
    value: initial.organisation,
    ignoreFocusOut: true,
  });
  if (organisation === undefined) return undefined;
  const note = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Note (optional)'),
    value: initial.note,
    ignoreFocusOut: true,
  });
  if (note === undefined) return undefined;
  return { name, organisation, faxNumbers: numbers.split(/[,;]/), note };
}
