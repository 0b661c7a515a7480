import * as assert from 'node:assert/strict';
import type { Fax, OutboxFax } from '../../../src/api/models';
import { faxDetailsText, faxListText, outboxListText, outboxStatusText, sentStatusText, utcTime } from '../../../src/chat/faxTexts';

const words = { fax: (s: string, d: string) => `<${s}/${d}>`, outbox: (s: string) => `<${s}>` };
const fax = (over: Partial<Fax>): Fax => ({ id: 'f1', status: 'success', comment: '', ...over });

describe('chat: result texts', () => {
  it('a list: one line per fax with time, other party, pages, status words, unread and id', () => {
    const text = faxListText(
      'inbox',
      [
        fax({ id: 'a', from: '+16175550199', pages: 2, submitTime: new Date('2026-12-02T09:14:00Z'), isRead: false }),
        fax({ id: 'b', from: undefined, pages: 1, isRead: true }),
      ],
      words,
      true,
    );
    assert.equal(
      text,
      [
        '2 fax(es) in Inbox, newest first:',
        '- 2026-12-02 09:14 UTC, from +1 617 555 0199, 2 pages, <success/received>, unread (id a)',
        '- time unknown, from unknown sender, 1 page, <success/received> (id b)',
        'More match; narrow with "since" or "number", or raise "limit".',
      ].join('\n'),
    );
    assert.equal(faxListText('sent', [], words, false), 'No faxes in Sent match.');
  });

  it('sent faxes name the destination and their sent status', () => {
    assert.match(
      faxListText('sent', [fax({ to: '+16175550199', pages: 3 })], words, false),
      /to \+1 617 555 0199, 3 pages, <success\/sent> \(id f1\)$/,
    );
  });

  it('details and statuses say what the status means', () => {
    const details = faxDetailsText(
      fax({ direction: 'incoming', from: '+16175550199', to: '+16175550100', pages: 1, isRead: false, comment: 'lab' }),
      words,
    );
    assert.match(details, /^Fax f1 \(received\)\nFrom: \+1 617 555 0199\nTo: \+1 617 555 0100\n/);
    assert.match(details, /Status: success — <success\/received>\nUnread\.\nComment: lab$/);
    const outbox: OutboxFax = {
      id: 'o1',
      status: 'sending',
      to: ['+16175550199'],
      files: [],
      pageCount: 2,
      sendTime: new Date('2026-12-02T10:00:00Z'),
    };
    assert.equal(
      outboxStatusText(outbox, words),
      'Fax o1 is still in the Outbox: <sending>\nTo: +1 617 555 0199\nFrom: unknown\nPages: 2\nScheduled for 2026-12-02 10:00 UTC.',
    );
    assert.match(
      outboxListText([outbox], words),
      /^1 fax\(es\) in the Outbox:\n- time unknown, to \+1 617 555 0199, 2 pages, <sending>, scheduled for 2026-12-02 10:00 UTC \(id o1\)$/,
    );
    assert.match(
      sentStatusText(fax({ id: 's1', to: '+16175550199', status: 'failed_user_busy' }), words, 'o1'),
      /^Fax o1 left the Outbox; its record in Sent is s1\.[\s\S]*Status: failed_user_busy — <failed_user_busy\/sent>$/,
    );
  });

  it('times are UTC to the minute', () => {
    assert.equal(utcTime(new Date('2026-12-02T23:59:59Z')), '2026-12-02 23:59 UTC');
  });
});
