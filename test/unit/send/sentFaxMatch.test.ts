import * as assert from 'node:assert/strict';
import type { Fax } from '../../../src/api/models';
import { earliestSentTime, isSameFax, matchSentRecord, sentTimeWindow, type OutgoingFax } from '../../../src/send/sentFaxMatch';
import { findAttemptOnServer } from '../../../src/sendFlow/faxMatch';

const T0 = new Date('2026-12-02T10:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const OUTBOX_ID = '13a4afb0585345639733857e8f36df8d';

function sentFax(id: string, over: Partial<Fax> = {}): Fax {
  return {
    id,
    status: 'success',
    direction: 'outgoing',
    from: '+15550001111',
    to: '+12015550123',
    submitTime: at(1),
    startTime: at(20),
    comment: '',
    ...over,
  };
}

const ours: OutgoingFax = { outboxId: OUTBOX_ID, to: '+12015550123', from: '+15550001111', submitTime: at(1), startedAt: at(0) };

describe('send: finding a fax in Sent after it left the outbox (its id changes)', () => {
  it('finds the record with a NEW id by destination, sender and time', () => {
    const found = matchSentRecord(ours, [sentFax('5e7de3ad54cfd54eb568cc76')]);
    assert.equal(found?.id, '5e7de3ad54cfd54eb568cc76');
  });

  it('prefers the record that kept the outbox id, when the server keeps ids', () => {
    const found = matchSentRecord(ours, [
      sentFax('5e7de3ad54cfd54eb568cc76', { submitTime: at(1) }),
      sentFax(OUTBOX_ID, { submitTime: at(3) }),
    ]);
    assert.equal(found?.id, OUTBOX_ID);
  });

  it('compares numbers as digits (formatting does not matter), and the sender too', () => {
    assert.equal(matchSentRecord(ours, [sentFax('a', { to: '+1 (201) 555-0123', from: '+1 555 000 1111' })])?.id, 'a');
  });

  it('never takes a record to another number, from another sender, incoming, or submitted before the fax', () => {
    const others = [
      sentFax('other-number', { to: '+12015550124' }),
      sentFax('other-sender', { from: '+15550002222' }),
      sentFax('incoming', { direction: 'incoming' }),
      sentFax('older', { submitTime: at(-60), startTime: at(-40) }),
    ];
    assert.equal(matchSentRecord(ours, others), undefined);
  });

  it('takes the record submitted closest to ours when several fit', () => {
    const local: OutgoingFax = { ...ours, submitTime: undefined };
    const found = matchSentRecord(local, [
      sentFax('later', { submitTime: at(40) }),
      sentFax('closest', { submitTime: at(2) }),
      sentFax('late', { submitTime: at(300) }),
    ]);
    assert.equal(found?.id, 'closest');
  });

  it('a later fax to the same number is not ours when the outbox submit time is known (ours was cancelled)', () => {
    assert.equal(matchSentRecord(ours, [sentFax('next-one', { submitTime: at(90), startTime: at(100) })]), undefined);
    assert.equal(matchSentRecord(ours, [sentFax('same-second', { submitTime: at(2) })])?.id, 'same-second');
  });

  it('skips records already claimed by another followed fax to the same number', () => {
    const records = [sentFax('first', { submitTime: at(1) }), sentFax('second', { submitTime: at(2) })];
    assert.equal(matchSentRecord(ours, records, new Set(['first']))?.id, 'second');
  });

  it('with only our clock (submit time unknown), allows a minute of clock skew; with the server time, a few seconds', () => {
    const local: OutgoingFax = { outboxId: OUTBOX_ID, to: ours.to, startedAt: at(0) };
    assert.equal(earliestSentTime(local).getTime(), at(-60).getTime());
    assert.equal(earliestSentTime(ours).getTime(), at(-4).getTime());
    assert.equal(
      matchSentRecord(local, [sentFax('skewed', { submitTime: at(-45), from: '+19999999999' })])?.id,
      'skewed',
      'an unknown sender matches any',
    );
    assert.equal(matchSentRecord(ours, [sentFax('skewed', { submitTime: at(-45) })]), undefined);
  });

  it("with the server's Date header of the sendFax answer, finds the record however far this machine's clock is off", () => {
    // This machine is 10 minutes fast: the server stamped the fax at 09:50:01 while we read 10:00:00–10:00:01.
    const skewed: OutgoingFax = { outboxId: OUTBOX_ID, to: ours.to, startedAt: at(0), answeredAt: at(1), serverTime: at(-599) };
    const window = sentTimeWindow(skewed);
    assert.ok(
      window.earliest.getTime() <= at(-600).getTime() && window.latest!.getTime() >= at(-599).getTime(),
      'the window is on the server clock',
    );
    assert.equal(window.latest!.getTime() - window.earliest.getTime() <= 6_000, true, 'a few seconds wide, not a minute');
    assert.equal(matchSentRecord(skewed, [sentFax('ours', { submitTime: at(-599), startTime: at(-590) })])?.id, 'ours');
    const local: OutgoingFax = { outboxId: OUTBOX_ID, to: ours.to, startedAt: at(0), answeredAt: at(1) };
    assert.equal(matchSentRecord(local, [sentFax('ours', { submitTime: at(-599) })]), undefined, 'our clock alone cannot place it');
  });

  it("without the sendFax answer's Date, the uploads' clock offset moves our window onto the server's clock", () => {
    // The answer that created the fax was lost (no serverTime), but the uploads just before showed the server 10 minutes behind.
    const lost: OutgoingFax = { outboxId: OUTBOX_ID, to: ours.to, startedAt: at(0), serverClockOffsetMs: -600_000 };
    const window = sentTimeWindow(lost);
    assert.equal(window.reference.getTime(), at(-600).getTime());
    assert.ok(window.earliest.getTime() <= at(-600).getTime() && window.earliest.getTime() >= at(-660).getTime());
    assert.equal(matchSentRecord(lost, [sentFax('ours', { submitTime: at(-599), startTime: at(-590) })])?.id, 'ours');
    const unplaced: OutgoingFax = { outboxId: OUTBOX_ID, to: ours.to, startedAt: at(0) };
    assert.equal(matchSentRecord(unplaced, [sentFax('ours', { submitTime: at(-599) })]), undefined, 'our clock alone cannot place it');
    // The creating answer's own Date, when there is one, is the better proof and wins.
    const answered: OutgoingFax = { ...lost, answeredAt: at(1), serverTime: at(-300) };
    assert.equal(sentTimeWindow(answered).reference.getTime(), at(-300).getTime());
  });

  it('a later fax to the same number is not ours: the window closes when the server answered', () => {
    const known: OutgoingFax = { outboxId: OUTBOX_ID, to: ours.to, startedAt: at(0), answeredAt: at(1), serverTime: at(1) };
    assert.equal(
      matchSentRecord(known, [sentFax('next', { submitTime: at(30) })]),
      undefined,
      'server clock: seconds later is another fax',
    );
    const local: OutgoingFax = { outboxId: OUTBOX_ID, to: ours.to, startedAt: at(0), answeredAt: at(1) };
    assert.equal(
      matchSentRecord(local, [sentFax('much-later', { submitTime: at(120) })]),
      undefined,
      'our clock: two minutes later is another fax',
    );
    assert.equal(
      matchSentRecord(local, [sentFax('scheduled', { submitTime: undefined, startTime: at(3_600) })])?.id,
      'scheduled',
      'a record with only a start time may start hours later (scheduled)',
    );
  });

  it('a fax deleted before anyone looked does not take the record of the next fax to the same number', () => {
    // Both known only by our clock, 20 s apart: the record at 20 s fits both windows, and the second fax more closely.
    const deleted: OutgoingFax = { outboxId: 'a'.repeat(32), to: ours.to, startedAt: at(0), answeredAt: at(1) };
    const next: OutgoingFax = { outboxId: 'b'.repeat(32), to: ours.to, startedAt: at(20), answeredAt: at(21) };
    const records = [sentFax('record-of-next', { submitTime: at(20) })];
    assert.equal(matchSentRecord(deleted, records), records[0], 'alone, the record fits the deleted fax');
    assert.equal(matchSentRecord(deleted, records, new Set(), [deleted, next]), undefined, 'with its rival followed, it is not taken');
    assert.equal(matchSentRecord(next, records, new Set(), [deleted, next])?.id, 'record-of-next');
  });

  it('falls back to start_time when the record has no submit_time; no time at all never matches', () => {
    assert.equal(matchSentRecord(ours, [sentFax('start', { submitTime: undefined, startTime: at(10) })])?.id, 'start');
    assert.equal(matchSentRecord(ours, [sentFax('none', { submitTime: undefined, startTime: undefined })]), undefined);
  });

  it('no_number and comma-separated sender lists', () => {
    assert.equal(matchSentRecord({ ...ours, from: 'no_number' }, [sentFax('x', { from: '+15557777777' })])?.id, 'x');
    assert.equal(matchSentRecord({ ...ours, from: '+15550009999, +15550001111' }, [sentFax('y')])?.id, 'y');
  });

  it('isSameFax: a record fetched by the outbox id must still go to our number', () => {
    assert.equal(isSameFax(ours, sentFax(OUTBOX_ID)), true);
    assert.equal(isSameFax(ours, sentFax(OUTBOX_ID, { to: '+4420794609' })), false);
  });

  it('the creation check finds an attempt in Sent under a new id', () => {
    const attempt = { destinations: ['+12015550123', '+12015550199'], from: '+15550001111', filePaths: ['/transient-1'], startedAt: at(0) };
    const found = findAttemptOnServer(
      attempt,
      [],
      [sentFax('new-id-1'), sentFax('old', { to: '+12015550199', submitTime: at(-120), startTime: at(-100) })],
    );
    assert.deepEqual([...found], [['+12015550123', 'new-id-1']]);
  });
});
