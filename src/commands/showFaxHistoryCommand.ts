import * as vscode from 'vscode';
import { basename, isAbsolute, join } from 'node:path';
import type { Command } from './command';
import { plainArgs, stringArg } from './targets/commandArgs';
import type { Notifier } from '../util/notifier';
import { COMMANDS } from '../manifest/commandIds';
import { receiptsOfFile } from '../receipts/fileHistory';
import { leftWithoutRecord, type Receipt } from '../receipts/receipt';
import type { ReceiptBook, StoredReceipt } from '../faxHistory/receiptBook';
import { phoneDisplay } from '../format/phoneDisplay';
import { faxStatusMeaning } from '../views/faxStatusMeaning';
import { UserNotifiedError } from '../util/userNotifiedError';

/** One receipt of a file, as the plain-object form returns it. */
export interface FaxHistoryEntry {
  readonly receipt: Receipt;
  /** The receipt's JSON file. */
  readonly receiptFile: string;
  /** The confirmation reports next to it, one per destination that has one. */
  readonly reportFiles: readonly string[];
}

interface HistoryItem extends vscode.QuickPickItem {
  readonly entry: FaxHistoryEntry;
}

/**
 * Fax.Plus: Show Fax History — the receipts of one file (explorer, editor
 * title, palette for the active editor), newest first. Choosing one opens its
 * confirmation report (or the receipt when there is no report yet); the
 * buttons open either. `{ file }` returns the entries without asking anything.
 */
export class ShowFaxHistoryCommand implements Command {
  readonly id = COMMANDS.showFaxHistory;

  constructor(
    private readonly book: ReceiptBook,
    private readonly notifier: Notifier,
  ) {}

  async execute(first?: unknown): Promise<FaxHistoryEntry[] | undefined> {
    const args = plainArgs(first);
    const given = first instanceof vscode.Uri ? first : stringArg(args, 'file');
    const uri =
      given instanceof vscode.Uri ? given : given !== undefined ? uriOfArgument(given) : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      const text = vscode.l10n.t('Open or select the file whose fax history you want to see.');
      void this.notifier.notify('info', text);
      throw new UserNotifiedError(text);
    }
    const entries = await this.entriesOf(uri);
    if (args) return entries;
    if (entries.length === 0) {
      void this.notifier.notify(
        'info',
        vscode.l10n.t('{0} has not been faxed from this editor (or its receipts were not kept).', labelOf(uri)),
      );
      return entries;
    }
    await this.pick(uri, entries);
    return entries;
  }

  private async entriesOf(uri: vscode.Uri): Promise<FaxHistoryEntry[]> {
    const stored = new Map<string, StoredReceipt>((await this.book.all()).map((s) => [s.receipt.id, s]));
    return receiptsOfFile(
      [...stored.values()].map((s) => s.receipt),
      uri.toString(),
    ).map((receipt) => {
      const { store } = stored.get(receipt.id)!;
      return {
        receipt,
        receiptFile: store.fileOf(receipt.id),
        reportFiles: receipt.destinations.flatMap((d) => (d.reportFile ? [join(store.folder, d.reportFile)] : [])),
      };
    });
  }

  private async pick(uri: vscode.Uri, entries: readonly FaxHistoryEntry[]): Promise<void> {
    const openReport: vscode.QuickInputButton = {
      iconPath: new vscode.ThemeIcon('file-pdf'),
      tooltip: vscode.l10n.t('Open Confirmation Report'),
    };
    const openReceipt: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('json'), tooltip: vscode.l10n.t('Open Receipt') };
    const items: HistoryItem[] = entries.map((entry) => ({
      entry,
      label: `$(${iconOf(entry.receipt)}) ${new Date(entry.receipt.submittedAt).toLocaleString(vscode.env.language)}`,
      description: entry.receipt.destinations.map((d) => phoneDisplay(d.to)).join(', '),
      detail: entry.receipt.destinations
        .map(
          (d) =>
            `${phoneDisplay(d.to)}: ${d.status === undefined ? vscode.l10n.t('not delivered yet') : leftWithoutRecord(d) ? vscode.l10n.t('left the Outbox without a record in Sent (cancelled or deleted?)') : faxStatusMeaning(d.status)}`,
        )
        .join(' · '),
      buttons: entry.reportFiles.length > 0 ? [openReport, openReceipt] : [openReceipt],
    }));
    const quickPick = vscode.window.createQuickPick<HistoryItem>();
    quickPick.title = vscode.l10n.t('Fax History of {0}', labelOf(uri));
    quickPick.placeholder = vscode.l10n.t('Choose a fax to open its confirmation report (or its receipt)');
    quickPick.items = items;
    await new Promise<void>((resolve) => {
      quickPick.onDidTriggerItemButton((e) => {
        void (e.button === openReport ? openReports(e.item.entry) : openReceiptFile(e.item.entry));
      });
      quickPick.onDidAccept(() => {
        const chosen = quickPick.selectedItems[0];
        quickPick.hide();
        if (chosen) void (chosen.entry.reportFiles.length > 0 ? openReports(chosen.entry) : openReceiptFile(chosen.entry));
      });
      quickPick.onDidHide(() => {
        quickPick.dispose();
        resolve();
      });
      quickPick.show();
    });
  }
}

function iconOf(receipt: Receipt): string {
  if (receipt.destinations.some((d) => d.status === undefined)) return 'clock';
  return receipt.destinations.every((d) => d.status === 'success') ? 'pass' : 'error';
}

async function openReports(entry: FaxHistoryEntry): Promise<void> {
  // The editor does not render PDF; the system viewer does (as Open Confirmation Report).
  for (const file of entry.reportFiles) await vscode.env.openExternal(vscode.Uri.file(file));
}

async function openReceiptFile(entry: FaxHistoryEntry): Promise<void> {
  await vscode.window.showTextDocument(vscode.Uri.file(entry.receiptFile), { preview: true });
}

function uriOfArgument(text: string): vscode.Uri {
  return isAbsolute(text) ? vscode.Uri.file(text) : vscode.Uri.parse(text, true);
}

function labelOf(uri: vscode.Uri): string {
  return basename(uri.path);
}
