import * as vscode from 'vscode';
import type { AddressBook } from '../../contacts/addressBook';
import { parseContactsCsv } from '../../contacts/csvContacts';
import { parseVCards } from '../../contacts/vcard';
import type { Notifier } from '../../util/notifier';
import { COMMANDS } from '../../manifest/commandIds';
import type { Command } from '../command';
import { plainArgs, stringArg } from '../targets/commandArgs';
import { refuse } from './contactPrompts';

/** Files larger than this are not an address book export; reading them whole would stall the window. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * Imports contacts from a vCard (.vcf, .vcard) or CSV (.csv, .tsv) file: `{ uri }`
 * or an open dialog. Names already in the book gain the new numbers; what
 * could not be read is listed in the result.
 */
export class ImportContactsCommand implements Command {
  readonly id = COMMANDS.importContacts;

  constructor(
    private readonly book: AddressBook,
    private readonly notifier: Notifier,
  ) {}

  async execute(arg?: unknown): Promise<{ added: number; merged: number; skipped: readonly string[] } | undefined> {
    const args = plainArgs(arg);
    const given = stringArg(args, 'uri');
    const uri = given
      ? vscode.Uri.parse(given)
      : (
          await vscode.window.showOpenDialog({
            title: vscode.l10n.t('Import Contacts'),
            openLabel: vscode.l10n.t('Import'),
            filters: { [vscode.l10n.t('vCard or CSV')]: ['vcf', 'vcard', 'csv', 'tsv'] },
          })
        )?.[0];
    if (!uri) {
      if (args) throw refuse(this.notifier, vscode.l10n.t('Say which file to import: "uri" is missing.'));
      return undefined;
    }
    const kind = /\.(vcf|vcard)$/i.test(uri.path) ? 'vcard' : /\.(csv|tsv)$/i.test(uri.path) ? 'csv' : undefined;
    if (!kind) throw refuse(this.notifier, vscode.l10n.t('{0} is neither a vCard (.vcf) nor a CSV (.csv) file.', uri.fsPath));
    let text: string;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_IMPORT_BYTES) {
        throw refuse(
          this.notifier,
          vscode.l10n.t('{0} is too large to be an address book ({1} MB at most).', uri.fsPath, MAX_IMPORT_BYTES / 1024 / 1024),
        );
      }
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      if (e instanceof Error && e.name === 'UserNotifiedError') throw e;
      throw refuse(this.notifier, vscode.l10n.t('Could not read {0}: {1}', uri.fsPath, e instanceof Error ? e.message : String(e)));
    }
    const drafts = kind === 'vcard' ? parseVCards(text) : parseContactsCsv(text);
    if (drafts.length === 0) throw refuse(this.notifier, vscode.l10n.t('{0} holds no contacts.', uri.fsPath));
    const result = await this.book.import(drafts);
    const summary = vscode.l10n.t(
      'Imported from {0}: {1} new, {2} merged into contacts of the same name, {3} skipped.',
      uri.fsPath,
      result.added,
      result.merged,
      result.skipped.length,
    );
    if (result.skipped.length > 0) {
      // The first few skipped entries say why; the counts say how many.
      void this.notifier.notify('warning', [summary, ...result.skipped.slice(0, 3)].join(' '));
    } else {
      void this.notifier.notify('info', summary);
    }
    return result;
  }
}
