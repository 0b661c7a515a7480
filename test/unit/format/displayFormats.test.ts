import * as assert from 'node:assert/strict';
import { phoneDisplay } from '../../../src/format/phoneDisplay';
import { TimeDisplay } from '../../../src/format/timeDisplay';

describe('views: display formats', () => {
  it('shows E.164 numbers grouped, and anything else as sent', () => {
    assert.equal(phoneDisplay('+41446681800'), '+41 44 668 18 00');
    assert.equal(phoneDisplay('no_number'), 'no_number');
    assert.equal(phoneDisplay(undefined), '');
  });

  it('says how long ago in words, in the display language', () => {
    const now = Date.UTC(2024, 5, 1, 12, 0, 0);
    const time = new TimeDisplay('en', () => now);
    assert.equal(time.relative(new Date(now - 5 * 60_000)), '5 min. ago');
    assert.equal(time.relative(new Date(now - 3 * 86_400_000)), '3 days ago');
    assert.equal(time.relative(new Date(now - 86_400_000)), 'yesterday');
    assert.match(time.absolute(new Date(now)), /2024/);
  });
});
