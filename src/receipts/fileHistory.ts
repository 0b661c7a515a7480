import { leftWithoutRecord, type Receipt, type ReceiptDocument } from './receipt';

/** How a faxed file's latest fax stands, for its decoration. */
export type FaxedState = 'pending' | 'sent' | 'failed';

export interface FileFaxSummary {
  readonly state: FaxedState;
  /** The latest receipt that sent this file (cancelled faxes do not count). */
  readonly receipt: Receipt;
  /** This file's entry in that receipt. */
  readonly document: ReceiptDocument;
}

/** Whether a final status means delivered; supplied by the UI layer, which knows the status table. */
export type DeliveredCheck = (status: string) => 'delivered' | 'failed' | 'unknown';

/** The receipts that hold `sourceUri`, newest first. */
export function receiptsOfFile(receipts: Iterable<Receipt>, sourceUri: string): Receipt[] {
  return [...receipts]
    .filter((r) => r.documents.some((d) => d.sourceUri === sourceUri))
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.id.localeCompare(a.id));
}

/**
 * The state of the latest fax of a file: pending while any destination has no
 * final status, failed when any destination failed, otherwise sent. A fax
 * that left the outbox without a Sent record (cancelled, deleted) is skipped:
 * nothing shows the file was faxed by it.
 */
export function summarizeFile(receipts: Iterable<Receipt>, sourceUri: string, delivered: DeliveredCheck): FileFaxSummary | undefined {
  for (const receipt of receiptsOfFile(receipts, sourceUri)) {
    const live = receipt.destinations.filter((d) => !leftWithoutRecord(d));
    if (live.length === 0) continue;
    const document = receipt.documents.find((d) => d.sourceUri === sourceUri)!;
    const state: FaxedState = live.some((d) => d.status === undefined)
      ? 'pending'
      : live.some((d) => delivered(d.status!) === 'failed')
        ? 'failed'
        : 'sent';
    return { state, receipt, document };
  }
  return undefined;
}
