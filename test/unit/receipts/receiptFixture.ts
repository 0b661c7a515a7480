import { RECEIPT_FORMAT, type Receipt } from '../../../src/receipts/receipt';

const SHA = 'a'.repeat(64);

/** A receipt of one Markdown file to one number, not settled yet. */
export function aReceipt(over: Partial<Receipt> = {}): Receipt {
  return {
    format: RECEIPT_FORMAT,
    id: '20261202T050000Z-0a1b2c3d',
    submittedAt: '2026-12-02T05:00:00.000Z',
    from: '+12015550100',
    documents: [
      {
        name: 'letter.md.pdf',
        sourceUri: 'file:///w/letter.md',
        size: 1200,
        sha256: SHA,
        pageCount: 2,
        fingerprint: { kind: 'text', sha256: 'b'.repeat(64) },
      },
    ],
    destinations: [{ to: '+12015550123', outboxId: 'o1', reportAttempts: 0 }],
    ...over,
  };
}
