import * as assert from 'node:assert/strict';
import { OutboxDepartures } from '../../../src/views/outboxDepartures';

describe('views: OutboxDepartures', () => {
  it('reports ids that left the outbox once, and keeps watching the rest', () => {
    const departures = new OutboxDepartures();
    assert.deepEqual(departures.observe(['a', 'b']), []);
    assert.ok(departures.pending);
    assert.deepEqual(departures.observe(['b']), ['a']);
    assert.deepEqual(departures.observe(['b']), []);
    assert.deepEqual(departures.observe([]), ['b']);
    assert.equal(departures.pending, false);
  });

  it('counts faxes announced by the send command even if the outbox never listed them', () => {
    const departures = new OutboxDepartures();
    departures.watch(['sent-here']);
    assert.deepEqual(departures.observe([]), ['sent-here']);
  });

  it('forgets everything on clear (sign-out)', () => {
    const departures = new OutboxDepartures();
    departures.observe(['a']);
    departures.clear();
    assert.deepEqual(departures.observe([]), []);
  });
});
