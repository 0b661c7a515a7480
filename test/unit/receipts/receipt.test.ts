import * as assert from 'node:assert/strict';
import { parseReceipt, serializeReceipt, withDestination } from '../../../src/receipts/receipt';
import { aReceipt } from './receiptFixture';
import { summarizeFile, receiptsOfFile, type DeliveredCheck } from '../../../src/receipts/fileHistory';

const delivered: DeliveredCheck = (s) => (s === 'success' ? 'delivered' : s.startsWith('failed') ? 'failed' : 'unknown');

describe('receipts: the receipt model', () => {
  it('round-trips through its JSON file', () => {
    const receipt = withDestination(aReceipt(), 'o1', (d) => ({
      ...d,
      faxId: 'f1',
      status: 'success',
      pages: 2,
      settledAt: '2026-12-02T05:01:00.000Z',
      reportFile: 'x.report.pdf',
    }));
    const parsed = parseReceipt(serializeReceipt(receipt));
    assert.deepEqual(parsed, { ok: true, receipt });
  });

  it('reports a damaged or foreign file instead of throwing', () => {
    assert.match((parseReceipt('{') as { problem: string }).problem, /^not JSON/);
    assert.match((parseReceipt('[]') as { problem: string }).problem, /not an object/);
    assert.match((parseReceipt(JSON.stringify({ ...aReceipt(), format: 2 })) as { problem: string }).problem, /unknown format 2/);
    assert.match((parseReceipt(JSON.stringify({ ...aReceipt(), id: '../../etc/passwd' })) as { problem: string }).problem, /bad id/);
    const badHash = aReceipt({ documents: [{ ...aReceipt().documents[0], sha256: 'xyz' }] });
    assert.match((parseReceipt(JSON.stringify(badHash)) as { problem: string }).problem, /bad documents/);
    const badDestination = { ...aReceipt(), destinations: [{ to: '+1', outboxId: 'o1' }] };
    assert.match((parseReceipt(JSON.stringify(badDestination)) as { problem: string }).problem, /bad destinations/);
  });

  it('withDestination changes only the destination with that outbox id, and nothing for an unknown one', () => {
    const two = aReceipt({
      destinations: [
        { to: '+1201', outboxId: 'o1', reportAttempts: 0 },
        { to: '+1202', outboxId: 'o2', reportAttempts: 0 },
      ],
    });
    const changed = withDestination(two, 'o2', (d) => ({ ...d, status: 'failed' }));
    assert.deepEqual(
      changed.destinations.map((d) => d.status),
      [undefined, 'failed'],
    );
    assert.equal(
      withDestination(two, 'nope', (d) => ({ ...d, status: 'x' })),
      two,
    );
  });
});

describe('receipts: the history of one file', () => {
  const older = aReceipt({
    id: 'a',
    submittedAt: '2026-12-01T10:00:00.000Z',
    destinations: [{ to: '+1', outboxId: 'o0', status: 'success', reportAttempts: 0 }],
  });
  const newer = aReceipt({
    id: 'b',
    submittedAt: '2026-12-02T10:00:00.000Z',
    destinations: [{ to: '+1', outboxId: 'o1', reportAttempts: 0 }],
  });
  const other = aReceipt({ id: 'c', documents: [{ ...aReceipt().documents[0], sourceUri: 'file:///w/other.pdf' }] });

  it('lists the receipts naming the file, newest first', () => {
    assert.deepEqual(
      receiptsOfFile([older, other, newer], 'file:///w/letter.md').map((r) => r.id),
      ['b', 'a'],
    );
    assert.deepEqual(receiptsOfFile([older, newer], 'file:///w/nothing.md'), []);
  });

  it('is pending while a destination has no final status, failed when one failed, sent when all were delivered', () => {
    assert.equal(summarizeFile([older, newer], 'file:///w/letter.md', delivered)?.state, 'pending');
    const failed = withDestination(newer, 'o1', (d) => ({ ...d, status: 'failed_no_answer' }));
    assert.equal(summarizeFile([older, failed], 'file:///w/letter.md', delivered)?.state, 'failed');
    const sent = withDestination(newer, 'o1', (d) => ({ ...d, status: 'success' }));
    assert.equal(summarizeFile([older, sent], 'file:///w/letter.md', delivered)?.receipt.id, 'b');
    assert.equal(summarizeFile([older, sent], 'file:///w/letter.md', delivered)?.state, 'sent');
    // A status nobody knows yet does not alarm: it counts as sent, the tooltip names it.
    const unknown = withDestination(newer, 'o1', (d) => ({ ...d, status: 'queued_on_mars' }));
    assert.equal(summarizeFile([unknown], 'file:///w/letter.md', delivered)?.state, 'sent');
  });

  it('skips a fax that was cancelled before it left', () => {
    const cancelled = withDestination(newer, 'o1', (d) => ({ ...d, status: 'cancelled' }));
    assert.equal(summarizeFile([older, cancelled], 'file:///w/letter.md', delivered)?.receipt.id, 'a');
    assert.equal(summarizeFile([cancelled], 'file:///w/letter.md', delivered), undefined);
  });
});
