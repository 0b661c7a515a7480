import * as vscode from 'vscode';
import { summarizeFile, type DeliveredCheck, type FileFaxSummary } from '../receipts/fileHistory';
import { statusOutcome } from '../views/faxStatusOutcome';
import { phoneDisplay } from '../format/phoneDisplay';
import { Disposable } from '../util/disposable';
import type { ReceiptBook } from './receiptBook';
import type { FileFingerprints } from './fileFingerprints';

/** What a faxed file's decoration says; kept for the integration tests, which cannot read the explorer. */
export interface FaxedDecoration {
  readonly badge: string;
  readonly tooltip: string;
  readonly changed: boolean;
  readonly state: FileFaxSummary['state'];
}

export const deliveredCheck: DeliveredCheck = (status) => {
  const outcome = statusOutcome(status);
  return outcome === 'success' ? 'delivered' : outcome === 'failure' || outcome === 'partial' ? 'failed' : 'unknown';
};

/**
 * Marks files that were faxed from this editor: sent, failed (or still
 * pending), and "changed since faxed" when the file no longer has the content
 * the receipt proves was sent. Hashing is asynchronous and cached
 * (FileFingerprints), so the explorer never waits on a large file.
 * Activation registers it with VS Code (activation/activationShell.ts).
 */
export class FaxedFileDecorations extends Disposable implements vscode.FileDecorationProvider {
  private readonly changedEmitter = this.register(new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>());
  readonly onDidChangeFileDecorations = this.changedEmitter.event;
  private readonly decoratedEmitter = this.register(
    new vscode.EventEmitter<{ readonly uri: vscode.Uri; readonly decoration: FaxedDecoration | undefined }>(),
  );
  /** Fires each time a decoration was worked out (tests wait on it). */
  readonly onDidDecorate = this.decoratedEmitter.event;
  private readonly faxed = new Set<string>();
  private watching = false;

  constructor(
    private readonly book: ReceiptBook,
    private readonly fingerprints: FileFingerprints,
  ) {
    super();
    this.register(
      book.onDidChange((stored) => {
        this.changedEmitter.fire(stored ? stored.receipt.documents.flatMap((d) => uriOf(d.sourceUri) ?? []) : undefined);
      }),
    );
    this.register(vscode.workspace.onDidSaveTextDocument((d) => this.fileChanged(d.uri)));
  }

  /** Only files a receipt names are looked at again when they change. */
  private fileChanged(uri: vscode.Uri): void {
    if (!this.faxed.has(uri.toString())) return;
    this.fingerprints.forget(uri);
    this.changedEmitter.fire(uri);
  }

  /**
   * Files changed outside the editor (another program, git) are noticed by a watcher, started
   * when the first faxed file is decorated: a window that never faxed a file watches nothing.
   */
  private watchFaxedFiles(): void {
    if (this.watching) return;
    this.watching = true;
    const watcher = this.register(vscode.workspace.createFileSystemWatcher('**/*', true, false, false));
    this.register(watcher.onDidChange((uri) => this.fileChanged(uri)));
    this.register(watcher.onDidDelete((uri) => this.fileChanged(uri)));
  }

  async provideFileDecoration(uri: vscode.Uri): Promise<vscode.FileDecoration | undefined> {
    const decoration = await this.decorationOf(uri);
    this.decoratedEmitter.fire({ uri, decoration });
    if (!decoration) return undefined;
    const color = decoration.changed
      ? new vscode.ThemeColor('list.warningForeground')
      : decoration.state === 'failed'
        ? new vscode.ThemeColor('list.errorForeground')
        : undefined;
    return { badge: decoration.badge, tooltip: decoration.tooltip, color, propagate: false };
  }

  /** The decoration of a file, or undefined when no receipt names it. */
  async decorationOf(uri: vscode.Uri): Promise<FaxedDecoration | undefined> {
    if (uri.scheme !== 'file') return undefined;
    const summary = summarizeFile(await this.book.naming(uri.toString()), uri.toString(), deliveredCheck);
    if (!summary) return undefined;
    this.faxed.add(uri.toString());
    this.watchFaxedFiles();
    const { fingerprint } = summary.document;
    const changed = fingerprint !== undefined && (await this.fingerprints.current(uri, fingerprint.kind)) !== fingerprint.sha256;
    const to = summary.receipt.destinations.map((d) => phoneDisplay(d.to)).join(', ');
    const when = new Date(summary.receipt.submittedAt).toLocaleString(vscode.env.language);
    const said =
      summary.state === 'pending'
        ? vscode.l10n.t('Faxed to {0} on {1}; not delivered yet.', to, when)
        : summary.state === 'failed'
          ? vscode.l10n.t('Fax to {0} on {1} failed.', to, when)
          : vscode.l10n.t('Faxed to {0} on {1}.', to, when);
    const tooltip = changed ? `${said} ${vscode.l10n.t('Changed since it was faxed.')}` : said;
    const badge = changed ? 'F*' : summary.state === 'failed' ? 'F!' : summary.state === 'pending' ? 'F…' : 'F';
    return { badge, tooltip, changed, state: summary.state };
  }
}

function uriOf(text: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}
