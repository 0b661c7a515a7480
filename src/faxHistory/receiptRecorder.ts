import * as vscode from 'vscode';
import type { Logger } from '../api/logger';
import type { ClientProvider } from '../client/clientProvider';
import type { FaxEvents, SentFax } from '../events/faxEvents';
import { NOT_IN_SENT_STATUS, RECEIPT_FORMAT, withDestination, type Receipt } from '../receipts/receipt';
import { ReceiptStore } from '../receipts/receiptStore';
import type { TrackedOutcome } from '../views/sentFaxTracker';
import { Disposable } from '../util/disposable';
import type { ReceiptBook, StoredReceipt } from './receiptBook';
import type { ReceiptFolders } from './receiptFolders';

/** Tries to fetch a confirmation report at most this often; then the receipt stays without one. */
export const MAX_REPORT_ATTEMPTS = 5;
/** Each retry waits this many times longer than the one before. */
const REPORT_BACKOFF = 4;

/**
 * Writes a receipt for each fax this window sent (FaxEvents.onDidSendFax
 * carries the hashes of the uploaded bytes), records each destination's final
 * status when the tracker settles it, and then fetches the confirmation report:
 * again later, a bounded number of times, when Fax.Plus does not have it yet.
 */
export class ReceiptRecorder extends Disposable {
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly book: ReceiptBook,
    private readonly folders: ReceiptFolders,
    private readonly clients: ClientProvider,
    private readonly logger: Logger,
    events: FaxEvents,
    settled: vscode.Event<TrackedOutcome>,
    /** The first retry's wait; later ones wait REPORT_BACKOFF times longer each. */
    private readonly firstRetryMs: () => number,
  ) {
    super();
    this.register(events.onDidSendFax((sent) => this.track(this.recordSent(sent))));
    this.register(settled((outcome) => this.track(this.recordOutcome(outcome))));
    this.register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
  }

  /**
   * Stops the report retries waiting for their time (signed out or another account: the
   * reports are asked for again only after the next fax settles). As SentFaxTracker.reset.
   */
  reset(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
  }

  /** Resolves once every write started so far has finished (tests; deactivation). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private track(work: Promise<unknown>): void {
    const done = work.catch((e: unknown) => this.logger.warn(`Receipts: ${e instanceof Error ? e.message : String(e)}`));
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }

  private async recordSent(sent: SentFax): Promise<void> {
    const documents = sent.documents;
    // Only faxes whose uploads this window hashed get a receipt (not a Resend of a fax from the server).
    if (!documents || documents.length === 0) return;
    const store = this.folders.storeFor(documents.map((d) => d.sourceUri));
    if (!store) return;
    const submittedAt = sent.startedAt ?? new Date();
    const receipt: Receipt = {
      format: RECEIPT_FORMAT,
      id: ReceiptStore.newId(submittedAt),
      submittedAt: submittedAt.toISOString(),
      from: sent.from ?? '',
      documents,
      destinations: Object.entries(sent.ids).map(([to, outboxId]) => ({ to, outboxId, reportAttempts: 0 })),
    };
    const stored = await this.book.record(store, receipt);
    this.logger.info(`Receipts: wrote ${stored.store.fileOf(receipt.id)}`);
  }

  private async recordOutcome({ outboxId, fax }: TrackedOutcome): Promise<void> {
    const stored = await this.book.updateByOutboxId(outboxId, (receipt) =>
      withDestination(receipt, outboxId, (d) => ({
        ...d,
        status: fax ? fax.status : NOT_IN_SENT_STATUS,
        ...(fax ? { faxId: fax.id } : {}),
        ...(fax?.pages !== undefined ? { pages: fax.pages } : {}),
        settledAt: new Date().toISOString(),
      })),
    );
    if (stored && fax) await this.fetchReport(outboxId);
  }

  private async fetchReport(outboxId: string): Promise<void> {
    let failed = false;
    const stored = await this.book.updateByOutboxId(outboxId, async (receipt, store) => {
      const destination = receipt.destinations.find((d) => d.outboxId === outboxId);
      if (!destination?.faxId || destination.reportFile || destination.reportAttempts >= MAX_REPORT_ATTEMPTS) return receipt;
      const faxId = destination.faxId;
      try {
        const pdf = await this.clients.get().downloadReportBytes(faxId);
        const reportFile = await store.saveReport(receipt.id, faxId, pdf);
        return withDestination(receipt, outboxId, (d) => ({ ...d, reportFile }));
      } catch (e) {
        failed = true;
        this.logger.info(`Receipts: no confirmation report for fax ${faxId} yet (${e instanceof Error ? e.message : String(e)})`);
        return withDestination(receipt, outboxId, (d) => ({ ...d, reportAttempts: d.reportAttempts + 1 }));
      }
    });
    if (failed && stored) this.retryLater(stored, outboxId);
  }

  private retryLater(stored: StoredReceipt, outboxId: string): void {
    const attempts = stored.receipt.destinations.find((d) => d.outboxId === outboxId)?.reportAttempts ?? MAX_REPORT_ATTEMPTS;
    if (attempts >= MAX_REPORT_ATTEMPTS || this.isDisposed) return;
    const wait = this.firstRetryMs() * REPORT_BACKOFF ** (attempts - 1);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.track(this.fetchReport(outboxId));
    }, wait);
    this.timers.add(timer);
  }
}
