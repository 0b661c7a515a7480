import * as vscode from 'vscode';
import type { AddressBook } from '../../contacts/addressBook';
import { partyDisplay } from '../../format/phoneDisplay';
import type { Notifier } from '../../util/notifier';
import { COMMANDS } from '../../manifest/commandIds';
import type { OutboxNode } from '../../views/treeNodes';
import { categoryOf, counterpartOf, faxTargetOf, isFaxNode } from '../targets/faxTarget';
import { plainArgs, stringArg } from '../targets/commandArgs';
import { AddContactCommand } from './addContactCommand';
import { draftOf, refuse } from './contactPrompts';

/**
 * Save as Contact on an Inbox, Sent, Spam or Outbox item: the other party's
 * number, with the name asked. `{ number, name, … }` saves without asking.
 * A number already in the address book is not saved twice.
 */
export class SaveAsContactCommand extends AddContactCommand {
  override readonly id = COMMANDS.saveAsContact;

  constructor(book: AddressBook, notifier: Notifier) {
    super(book, notifier);
  }

  override async execute(arg?: unknown): Promise<string | undefined> {
    await this.book.load();
    const args = plainArgs(arg);
    const number = args ? stringArg(args, 'number') : numberOf(arg);
    if (!number) {
      if (args) throw refuse(this.notifier, vscode.l10n.t('Say which number to save: "number" is missing.'));
      return this.ask({});
    }
    const known = this.book.ownerOf(number);
    if (known) {
      const message = vscode.l10n.t(
        '{0} is already in your contacts.',
        partyDisplay(number, () => known.name),
      );
      if (args) throw refuse(this.notifier, message);
      void this.notifier.notify('info', message);
      return known.id;
    }
    return args ? this.save({ ...draftOf(args), faxNumbers: [number] }) : this.ask({ faxNumbers: [number] });
  }
}

function numberOf(arg: unknown): string | undefined {
  if (isFaxNode(arg)) {
    const target = faxTargetOf(arg);
    return target?.fax && counterpartOf(target.fax, categoryOf(target, target.fax));
  }
  const outbox = arg as Partial<OutboxNode> | undefined;
  return outbox?.kind === 'outbox' ? outbox.fax?.to[0] : undefined;
}
