import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatApiDate, formatSendTime, parseApiDate, parseHttpDate } from '../../../src/api/dates';

describe('API dates (UTC "YYYY-MM-DD HH:mm:ss")', () => {
  it('parses as UTC', () => {
    assert.equal(parseApiDate('2024-01-02 03:04:05')?.toISOString(), '2024-01-02T03:04:05.000Z');
  });
  it('parses send_time offsets', () => {
    assert.equal(parseApiDate('2024-01-02 03:04:05 +0200')?.toISOString(), '2024-01-02T01:04:05.000Z');
    assert.equal(parseApiDate('2024-01-02 03:04:05 -05:30')?.toISOString(), '2024-01-02T08:34:05.000Z');
  });
  it('rejects malformed and impossible dates', () => {
    for (const bad of ['', '2024-01-02', '2024-02-31 00:00:00', '2024-01-02 24:00:00', 'yesterday', '2024-1-2 3:4:5']) {
      assert.equal(parseApiDate(bad), undefined, bad);
    }
  });
  it('formats in UTC and round-trips', () => {
    const d = new Date(Date.UTC(2031, 11, 31, 23, 59, 58));
    assert.equal(formatApiDate(d), '2031-12-31 23:59:58');
    assert.equal(formatSendTime(d), '2031-12-31 23:59:58 +0000');
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }), (date) => {
        const whole = new Date(Math.floor(date.getTime() / 1000) * 1000);
        assert.equal(parseApiDate(formatApiDate(date))?.getTime(), whole.getTime());
      }),
    );
  });

  it('reads the HTTP Date header (IMF-fixdate) and nothing else', () => {
    assert.equal(parseHttpDate('Wed, 02 Dec 2026 09:50:01 GMT')?.toISOString(), '2026-12-02T09:50:01.000Z');
    assert.equal(parseHttpDate(['Wed, 02 Dec 2026 09:50:01 GMT'])?.toISOString(), '2026-12-02T09:50:01.000Z');
    assert.equal(parseHttpDate(undefined), undefined);
    assert.equal(parseHttpDate(''), undefined);
    assert.equal(parseHttpDate('2026-12-02 09:50:01'), undefined, 'not an HTTP date');
    assert.equal(parseHttpDate('Wed, 32 Dec 2026 09:50:01 GMT'), undefined, 'an impossible day');
  });
});
