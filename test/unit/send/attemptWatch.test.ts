import * as assert from 'node:assert/strict';
import { DEFAULT_WATCH_TOTAL_MS, watchForAttempt } from '../../../src/send/attemptWatch';

/** A fake clock: sleep() moves it, so the watch runs in no real time. */
function fakeTime() {
  let now = 0;
  const waits: number[] = [];
  return {
    now: () => now,
    waits,
    sleep: async (ms: number, signal: AbortSignal) => {
      if (signal.aborted) throw new Error('aborted');
      waits.push(ms);
      now += ms;
    },
  };
}

describe('send: watching for a fax whose creation was not confirmed', () => {
  it('looks with back-off until the fax appears, then stops', async () => {
    const time = fakeTime();
    let looks = 0;
    const result = await watchForAttempt({
      ...time,
      signal: new AbortController().signal,
      look: async () => (++looks === 4 ? 'found-id' : undefined),
    });
    assert.deepEqual(result, { kind: 'found', found: 'found-id', looks: 4 });
    assert.deepEqual(time.waits, [5_000, 10_000, 20_000, 40_000], 'gentle: the waits double');
  });

  it('gives up after about 10 minutes, never looking more often than once a minute at the end', async () => {
    const time = fakeTime();
    const result = await watchForAttempt({ ...time, signal: new AbortController().signal, look: async () => undefined });
    assert.equal(result.kind, 'notFound');
    assert.equal(time.now(), DEFAULT_WATCH_TOTAL_MS, 'stops at the end of the watch');
    assert.ok(
      time.waits.slice(4, -1).every((w) => w === 60_000),
      JSON.stringify(time.waits),
    );
    assert.ok(time.waits.length < 15, `few looks: ${time.waits.length}`);
  });

  it('a look that fails does not end the watch', async () => {
    const time = fakeTime();
    let looks = 0;
    const result = await watchForAttempt({
      ...time,
      signal: new AbortController().signal,
      look: async () => {
        looks += 1;
        if (looks < 3) throw new Error('503');
        return 'id';
      },
    });
    assert.deepEqual(result, { kind: 'found', found: 'id', looks: 3 });
    const none = await watchForAttempt({
      ...fakeTime(),
      signal: new AbortController().signal,
      look: async () => {
        throw new Error('down');
      },
    });
    assert.equal(none.kind, 'notFound');
    assert.ok(none.kind === 'notFound' && none.failedLooks === none.looks && none.looks > 0);
  });

  it('stops quietly when aborted (deactivation, sign-out)', async () => {
    const time = fakeTime();
    const controller = new AbortController();
    let looks = 0;
    const result = await watchForAttempt({
      ...time,
      signal: controller.signal,
      look: async () => {
        if (++looks === 2) controller.abort();
        return undefined;
      },
    });
    assert.deepEqual(result, { kind: 'stopped' });
    assert.equal(looks, 2);
  });
});
