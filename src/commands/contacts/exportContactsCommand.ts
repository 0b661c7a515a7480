import * as vscode from 'vscode';
import type { AddressBook } from '../../contacts/addressBook';
import { writeContactsCsv } from '../../contacts/csvContacts';
import { writeVCards } from '../../contacts/vcard';
import type { Notifier } from '../../util/notifier';
import { COMMANDS } from '../../manifest/commandIds';
import type { Command } from '../command';
import { plainArgs, stringArg } from '../targets/commandArgs';
import { refuse } from './contactPrompts';

/** Writes the address book as vCard 3.0 (.vcf) or CSV (.csv): `{ uri }` or a save dialog. */
export class ExportContactsCommand implements Command {
  readonly id = COMMANDS.exportContacts;

  constructor(
    private readonly book: AddressBook,
    private readonly notifier: Notifier,
  ) {}

  async execute(arg?: unknown): Promise<number | undefined> {
    await this.book.load();
    const args = plainArgs(arg);
    const given = stringArg(args, 'uri');
    const uri = given
      ? vscode.Uri.parse(given)
      : await vscode.window.showSaveDialog({
          title: vscode.l10n.t('Export Contacts'),
          saveLabel: vscode.l10n.t('Export'),
          filters: { vCard: ['vcf'], CSV: ['csv'] },
        });
    if (!uri) {
      if (args) throw refuse(this.notifier, vscode.l10n.t('Say where to export: "uri" is missing.'));
      return undefined;
    }
    const contacts = this.book.all();
    const text = /\.csv$/i.test(uri.path) ? writeContactsCsv(contacts) : writeVCards(contacts);
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    } catch (e) {
      throw refuse(this.notifier, vscode.l10n.t('Could not write {0}: {1}', uri.fsPath, e instanceof Error ? e.message : String(e)));
    }
    void this.notifier.notify('info', vscode.l10n.t('{0} contacts exported to {1}.', contacts.length, uri.fsPath));
    return contacts.length;
  }
}
