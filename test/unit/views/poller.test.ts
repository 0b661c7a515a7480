import * as assert from 'node:assert/strict';
import { Poller, type PollTimers } from '../../../src/views/poller';

/** Timers the test fires by hand: no waiting, and every scheduled delay is visible. */
class ManualTimers implements PollTimers {
  readonly scheduled: { callback: () => void; ms: number; handle: number }[] = [];
  private next = 1;

  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.next++;
    this.scheduled.push({ callback, ms, handle });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    const index = this.scheduled.findIndex((t) => t.handle === handle);
    if (index >= 0) this.scheduled.splice(index, 1);
  }

  /** Fires the oldest timer and lets the tick's promise settle. */
  async fire(): Promise<void> {
    const timer = this.scheduled.shift();
    assert.ok(timer, 'a poll is scheduled');
    timer.callback();
    await new Promise((r) => setImmediate(r));
  }
}

function setup(overrides: { canRun?: () => boolean; intervalMs?: () => number | undefined; tick?: () => Promise<void> } = {}) {
  const timers = new ManualTimers();
  let ticks = 0;
  const poller = new Poller({
    canRun: overrides.canRun ?? (() => true),
    intervalMs: overrides.intervalMs ?? (() => 1000),
    tick:
      overrides.tick ??
      (async () => {
        ticks++;
      }),
    timers,
  });
  return { timers, poller, ticks: () => ticks };
}

describe('views: Poller', () => {
  it('polls every interval while it may run', async () => {
    const { timers, poller, ticks } = setup();
    poller.update();
    assert.deepEqual(
      timers.scheduled.map((t) => t.ms),
      [1000],
    );
    await timers.fire();
    await timers.fire();
    assert.equal(ticks(), 2);
    assert.deepEqual(
      timers.scheduled.map((t) => t.ms),
      [1000],
    );
  });

  it('schedules nothing while it may not run, and stops when that changes', async () => {
    let visible = false;
    const { timers, poller, ticks } = setup({ canRun: () => visible });
    poller.update();
    assert.equal(timers.scheduled.length, 0);
    visible = true;
    poller.update();
    assert.equal(timers.scheduled.length, 1);
    visible = false;
    poller.update();
    assert.equal(timers.scheduled.length, 0, 'hiding the view cancels the pending poll');
    assert.equal(ticks(), 0);
  });

  it('does not poll when the timer fires after the view was hidden without an update', async () => {
    let visible = true;
    const { timers, poller, ticks } = setup({ canRun: () => visible });
    poller.update();
    visible = false;
    await timers.fire();
    assert.equal(ticks(), 0);
    assert.equal(timers.scheduled.length, 0);
  });

  it('schedules nothing when there is nothing to poll for (no interval)', () => {
    const { timers, poller } = setup({ intervalMs: () => undefined });
    poller.update();
    assert.equal(timers.scheduled.length, 0);
  });

  it('doubles the wait after each failure up to ten minutes, and resets after a success', async () => {
    let fail = true;
    const { timers, poller } = setup({
      intervalMs: () => 60_000,
      tick: async () => {
        if (fail) throw new Error('offline');
      },
    });
    poller.update();
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      delays.push(timers.scheduled[0].ms);
      await timers.fire();
    }
    assert.deepEqual(delays, [60_000, 120_000, 240_000, 480_000, 600_000, 600_000]);
    fail = false;
    await timers.fire();
    assert.equal(timers.scheduled[0].ms, 60_000);
  });

  it('never runs two polls at once, and stops for good when disposed', async () => {
    let release: () => void = () => undefined;
    let running = 0;
    let maxRunning = 0;
    const { timers, poller } = setup({
      tick: () =>
        new Promise<void>((r) => {
          running++;
          maxRunning = Math.max(maxRunning, running);
          release = () => {
            running--;
            r();
          };
        }),
    });
    poller.update();
    await timers.fire();
    poller.update();
    assert.equal(timers.scheduled.length, 0, 'no second poll while one runs');
    release();
    await new Promise((r) => setImmediate(r));
    assert.equal(maxRunning, 1);
    assert.equal(timers.scheduled.length, 1);
    poller.dispose();
    assert.equal(timers.scheduled.length, 0);
    poller.update();
    assert.equal(timers.scheduled.length, 0);
  });
});
