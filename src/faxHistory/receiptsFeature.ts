import * as vscode from 'vscode';
import type { Logger } from '../api/logger';
import type { ClientProvider } from '../client/clientProvider';
import type { AuthSession } from '../auth/authSession';
import type { FaxEvents } from '../events/faxEvents';
import type { TrackedOutcome } from '../views/sentFaxTracker';
import { Disposable } from '../util/disposable';
import { FaxedFileDecorations } from './faxedFileDecorations';
import { FileFingerprints } from './fileFingerprints';
import { ReceiptBook } from './receiptBook';
import { ReceiptFolders } from './receiptFolders';
import { ReceiptRecorder } from './receiptRecorder';

export interface ReceiptsFeatureDependencies {
  readonly clients: ClientProvider;
  readonly session: AuthSession;
  readonly events: FaxEvents;
  readonly logger: Logger;
  /** When the tracker learnt a sent fax's final status. */
  readonly settled: vscode.Event<TrackedOutcome>;
  readonly globalStorage: vscode.Uri;
}

/** Receipts of sent faxes and what the explorer shows from them; built here so extensionMain.ts stays wiring only. */
export class ReceiptsFeature extends Disposable {
  readonly folders: ReceiptFolders;
  readonly book: ReceiptBook;
  readonly recorder: ReceiptRecorder;
  readonly decorations: FaxedFileDecorations;

  constructor(deps: ReceiptsFeatureDependencies) {
    super();
    this.folders = new ReceiptFolders(deps.globalStorage);
    this.book = this.register(new ReceiptBook(this.folders, deps.logger));
    this.recorder = this.register(
      new ReceiptRecorder(this.book, this.folders, deps.clients, deps.logger, deps.events, deps.settled, firstReportRetryMs),
    );
    this.decorations = this.register(new FaxedFileDecorations(this.book, new FileFingerprints()));
    // Signed out: a report retry would fail for want of a token and use up its attempts.
    this.register(
      deps.session.onDidChange(() => {
        if (deps.session.state.status !== 'signedIn') this.recorder.reset();
      }),
    );
  }
}

/** As gentle as following the fax itself: the Outbox polling interval (same floor), then 4×, 16×… */
function firstReportRetryMs(): number {
  const seconds = vscode.workspace.getConfiguration('faxplus').get<number>('polling.outboxSeconds', 15);
  return (Number.isFinite(seconds) && seconds >= 1 ? seconds : 15) * 1000;
}
