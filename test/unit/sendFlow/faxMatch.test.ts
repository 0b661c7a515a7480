import * as assert from 'node:assert/strict';
import type { Fax, OutboxFax } from '../../../src/api/models';
import { attemptStartOnServerClock, CLOCK_TOLERANCE_MS, findAttemptOnServer, type SendAttempt } from '../../../src/sendFlow/faxMatch';

const started = new Date('2026-03-02T10:00:00Z');
const attempt: SendAttempt = {
  destinations: ['+12015550123', '+442079460958'],
  from: '+12015550100',
  filePaths: ['/transient-a', '/transient-b'],
  startedAt: started,
};

function outbox(fields: Partial<OutboxFax> & { id: string }): OutboxFax {
  return { status: 'submitted', to: ['+12015550123'], files: [], ...fields };
}

function sent(fields: Partial<Fax> & { id: string }): Fax {
  return { status: 'success', comment: '', to: '+12015550123', from: '+12015550100', ...fields };
}

describe('sendFlow: finding a fax whose creation answer was lost', () => {
  it("matches outbox records that carry exactly this attempt's upload paths, in any order, whatever their time", () => {
    const found = findAttemptOnServer(
      attempt,
      [
        outbox({ id: 'o1', to: ['+12015550123'], files: ['/transient-b', '/transient-a'], submitTime: new Date(0) }),
        outbox({ id: 'o2', to: ['+442079460958'], files: ['/transient-a', '/transient-b'] }),
      ],
      [],
    );
    assert.deepEqual(Object.fromEntries(found), { '+12015550123': 'o1', '+442079460958': 'o2' });
  });

  it('never matches a record listing other files, even to the same number just now', () => {
    const found = findAttemptOnServer(
      attempt,
      [outbox({ id: 'old', files: ['/transient-a'], submitTime: started, from: attempt.from })],
      [],
    );
    assert.equal(found.size, 0);
  });

  it('ignores destinations that are not ours', () => {
    const found = findAttemptOnServer(attempt, [outbox({ id: 'x', to: ['+33142685300'], files: ['/transient-a', '/transient-b'] })], []);
    assert.equal(found.size, 0);
  });

  it('without file paths, needs a submit time after the start (less the clock tolerance) and our sender', () => {
    const inTime = new Date(started.getTime() - CLOCK_TOLERANCE_MS);
    const tooEarly = new Date(started.getTime() - CLOCK_TOLERANCE_MS - 1000);
    assert.equal(findAttemptOnServer(attempt, [outbox({ id: 'a', submitTime: inTime, from: attempt.from })], []).get('+12015550123'), 'a');
    assert.equal(findAttemptOnServer(attempt, [outbox({ id: 'b', submitTime: tooEarly, from: attempt.from })], []).size, 0);
    assert.equal(findAttemptOnServer(attempt, [outbox({ id: 'c', submitTime: started, from: '+19999999999' })], []).size, 0);
    assert.equal(findAttemptOnServer(attempt, [outbox({ id: 'd' })], []).size, 0, 'no submit time: cannot be shown to be ours');
  });

  it('finds a fax that already moved to Sent by destination, time and sender', () => {
    const found = findAttemptOnServer(
      attempt,
      [],
      [
        sent({ id: 's1', submitTime: new Date(started.getTime() + 5000) }),
        sent({ id: 's0', to: '+442079460958', submitTime: new Date(started.getTime() - 10 * 60_000) }),
      ],
    );
    assert.deepEqual(Object.fromEntries(found), { '+12015550123': 's1' });
  });

  it("places the attempt on the server's clock when the uploads' answers showed it ten minutes behind ours", () => {
    const behind = -10 * 60_000;
    // The server stamps the fax with its own clock: ten minutes before what this computer called "now".
    const onServer = new Date(started.getTime() + behind + 3000);
    const records = [sent({ id: 's1', submitTime: onServer })];
    const outboxRecords = [outbox({ id: 'o1', submitTime: onServer, from: attempt.from })];
    assert.equal(findAttemptOnServer(attempt, [], records).size, 0, 'on our clock alone the fax looks ten minutes too old');
    assert.equal(findAttemptOnServer(attempt, outboxRecords, []).size, 0);
    const placed = { ...attempt, serverClockOffsetMs: behind };
    assert.equal(findAttemptOnServer(placed, [], records).get('+12015550123'), 's1');
    assert.equal(findAttemptOnServer(placed, outboxRecords, []).get('+12015550123'), 'o1');
    assert.equal(attemptStartOnServerClock(placed).getTime(), started.getTime() + behind);
    // An older fax to the same number, on the server's clock, is still not ours.
    const older = sent({ id: 'old', submitTime: new Date(started.getTime() + behind - CLOCK_TOLERANCE_MS - 1000) });
    assert.equal(findAttemptOnServer(placed, [], [older]).size, 0);
  });

  it('accepts any sender for no_number and any of a comma-separated list of senders', () => {
    const noNumber = { ...attempt, from: 'no_number' };
    assert.equal(findAttemptOnServer(noNumber, [], [sent({ id: 's', from: '+15550000000', submitTime: started })]).size, 1);
    const list = { ...attempt, from: '+12015550100, +12015550101' };
    assert.equal(findAttemptOnServer(list, [], [sent({ id: 's', from: '+12015550101', submitTime: started })]).size, 1);
  });
});
