import * as assert from 'assert';
import { expiryWarningDue, localDay } from '../../../src/auth/expiryWarnings';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date(2026, 10, 24, 9, 0, 0);

describe('PAT expiry warnings', () => {
  it('warns when the days left reach a threshold', () => {
    assert.deepStrictEqual(expiryWarningDue(now.getTime() + 3 * DAY - 1000, [14, 7, 1], {}, now), { days: 3 });
    assert.deepStrictEqual(
      expiryWarningDue(now.getTime() + 60 * 60 * 1000, [14, 7, 1], {}, now),
      { days: 1 },
      'an hour left counts as a day',
    );
    assert.deepStrictEqual(expiryWarningDue(now.getTime() + 14 * DAY - 1000, [14, 7, 1], {}, now), { days: 14 });
    assert.strictEqual(
      expiryWarningDue(now.getTime() + 14 * DAY + 1000, [14, 7, 1], {}, now),
      undefined,
      '14 days and a second is 15 days',
    );
  });

  it('stays quiet far from expiry, for tokens that never expire, and once expired', () => {
    assert.strictEqual(expiryWarningDue(now.getTime() + 30 * DAY, [14, 7, 1], {}, now), undefined);
    assert.strictEqual(expiryWarningDue(undefined, [14, 7, 1], {}, now), undefined);
    assert.strictEqual(expiryWarningDue(now.getTime() - 1000, [14, 7, 1], {}, now), undefined);
  });

  it('warns at most once a calendar day', () => {
    const expires = now.getTime() + 2 * DAY;
    assert.strictEqual(expiryWarningDue(expires, [14, 7, 1], { lastWarnedDay: localDay(now) }, now), undefined);
    const tomorrow = new Date(now.getTime() + DAY);
    assert.deepStrictEqual(expiryWarningDue(expires, [14, 7, 1], { lastWarnedDay: localDay(now) }, tomorrow), { days: 1 });
  });

  it('honours custom thresholds and ignores nonsense ones', () => {
    assert.strictEqual(expiryWarningDue(now.getTime() + 10 * DAY + 1000, [3], {}, now), undefined);
    assert.strictEqual(expiryWarningDue(now.getTime() + 2 * DAY, [-1, Number.NaN], {}, now), undefined);
  });

  it('formats the local day as YYYY-MM-DD', () => {
    assert.strictEqual(localDay(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
  });
});
