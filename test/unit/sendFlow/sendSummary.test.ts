import * as assert from 'node:assert/strict';
import { formatLocalTime, summaryLines } from '../../../src/sendFlow/sendSummary';

describe('sendFlow: the summary to confirm', () => {
  it('names files, recipients, sender, schedule, cover page, redial and enhancement', () => {
    const sendAt = new Date(2026, 10, 25, 9, 30);
    const lines = summaryLines({
      files: [
        { name: 'a.pdf', size: 2048 },
        { name: 'b.txt', size: 1024 * 1024 },
      ],
      recipients: Array.from({ length: 7 }, (_, i) => `+120155501${20 + i}`),
      from: 'no_number',
      options: {
        sendAt,
        retry: { count: 2, delay: 15 },
        enhancement: true,
        coverPage: { subject: 'Invoice', to: 'Ann', flags: ['urgent'] },
      },
    });
    assert.deepEqual(
      lines.map((l) => l.label),
      [
        '2 files (1.0 MB)',
        'To 7 recipients',
        'From: without a number (no_number)',
        `Send at ${formatLocalTime(sendAt)}`,
        'Cover page: Invoice',
        'Redial up to 2 times, delay 15',
        'Enhance for text: on',
      ],
    );
    assert.equal(lines[0].detail, 'a.pdf, b.txt');
    assert.match(lines[1].detail ?? '', /^\+12015550120, .* and 2 more$/);
    assert.equal(lines[4].detail, 'to Ann · urgent');
  });

  it('writes the schedule in local time with its UTC offset', () => {
    assert.match(formatLocalTime(new Date(2026, 0, 5, 7, 5)), /^2026-01-05 07:05 \(UTC[+-]\d{2}:\d{2}\)$/);
  });
});
