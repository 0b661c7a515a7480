import * as assert from 'node:assert/strict';
import { ServerClock } from '../../../src/api/serverClock';

describe("api: ServerClock (Fax.Plus's clock from the Date header)", () => {
  const local = Date.parse('2026-12-02T10:00:00.300Z');

  it('knows nothing until an answer carries a Date header, and ignores unreadable ones', () => {
    const clock = new ServerClock(() => local);
    assert.equal(clock.offsetMs(), undefined);
    clock.observe(undefined);
    clock.observe('yesterday');
    assert.equal(clock.offsetMs(), undefined);
  });

  it('places the server ten minutes behind, to within the header’s second', () => {
    const clock = new ServerClock(() => local);
    clock.observe('Wed, 02 Dec 2026 09:50:00 GMT');
    const offset = clock.offsetMs()!;
    assert.ok(Math.abs(offset - -600_000) <= 1_000, `offset ${offset}`);
  });

  it('follows the latest second it is told (clocks are corrected)', () => {
    let now = local;
    const clock = new ServerClock(() => now);
    clock.observe('Wed, 02 Dec 2026 09:50:00 GMT');
    now += 5_000;
    clock.observe('Wed, 02 Dec 2026 10:00:05 GMT');
    assert.ok(Math.abs(clock.offsetMs()!) <= 1_000, `offset ${clock.offsetMs()}`);
  });
});
