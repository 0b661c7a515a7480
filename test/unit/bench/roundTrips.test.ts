import * as assert from 'node:assert/strict';
import { roundTripsTo } from '../../bench/lib/report';

/** The sign-in verdict counts round trips from the emulator's log: arrivals and answers in one sequence. */
describe('bench: round trips one after another, from the request log', () => {
  const request = (operationId: string, seq: number, answeredSeq: number, at: number, answeredAt: number) => ({
    operationId,
    seq,
    answeredSeq,
    at,
    answeredAt,
  });

  it('counts requests sent together once, and one sent after an answer as the next round trip', () => {
    const log = [request('getTokenInfo', 1, 3, 0, 105), request('getUser', 2, 4, 1, 106), request('listFaxes', 5, 6, 120, 232)];
    assert.deepEqual(roundTripsTo(log, 'listFaxes'), { roundTrips: 2, serverChainMs: 105 + 112 });
  });

  it('counts three when the list waited on a request that itself waited on the checks', () => {
    const log = [request('getTokenInfo', 1, 2, 0, 100), request('getUser', 3, 4, 110, 210), request('listFaxes', 5, 6, 220, 330)];
    assert.equal(roundTripsTo(log, 'listFaxes')?.roundTrips, 3);
  });

  it('counts one for a list sent alongside the checks', () => {
    const log = [request('getTokenInfo', 1, 4, 0, 100), request('listFaxes', 2, 5, 1, 110), request('getUser', 3, 6, 1, 111)];
    assert.deepEqual(roundTripsTo(log, 'listFaxes'), { roundTrips: 1, serverChainMs: 109 });
  });

  it('gives nothing without the list, or from an emulator that does not order answers', () => {
    assert.equal(roundTripsTo([request('getTokenInfo', 1, 2, 0, 100)], 'listFaxes'), undefined);
    assert.equal(roundTripsTo([{ operationId: 'listFaxes', at: 0 }], 'listFaxes'), undefined);
  });
});
