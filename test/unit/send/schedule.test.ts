import * as assert from 'assert';
import { checkSendAt, formatWithUtcOffset, parseSendAt } from '../../../src/send/schedule';

/** Runs `body` with the process in another time zone (Node re-reads TZ when it is assigned). */
function inTimeZone(zone: string, body: () => void): void {
  const previous = process.env.TZ;
  process.env.TZ = zone;
  try {
    body();
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}

const instant = new Date(Date.UTC(2026, 10, 25, 8, 30, 0)); // 2026-11-25 08:30:00 UTC

describe('formatWithUtcOffset (send/schedule)', () => {
  const cases: Array<[number, string]> = [
    [60, '2026-11-25 09:30:00 +0100'],
    [0, '2026-11-25 08:30:00 +0000'],
    [330, '2026-11-25 14:00:00 +0530'],
    [-210, '2026-11-25 05:00:00 -0330'],
    [345, '2026-11-25 14:15:00 +0545'],
    [-30, '2026-11-25 08:00:00 -0030'],
    [-600, '2026-11-24 22:30:00 -1000'],
    [840, '2026-11-25 22:30:00 +1400'],
  ];
  for (const [offset, expected] of cases) {
    it(`writes the same instant at offset ${offset} min as ${expected}`, () => {
      assert.strictEqual(formatWithUtcOffset(instant, offset), expected);
    });
  }

  it('carries over day, month and year boundaries', () => {
    assert.strictEqual(formatWithUtcOffset(new Date(Date.UTC(2026, 11, 31, 22, 0, 5)), 330), '2027-01-01 03:30:05 +0530');
    assert.strictEqual(formatWithUtcOffset(new Date(Date.UTC(2027, 0, 1, 1, 0, 0)), -210), '2026-12-31 21:30:00 -0330');
  });

  it("defaults to the machine's offset on that date, summer and winter", () => {
    inTimeZone('Europe/Berlin', () => {
      assert.strictEqual(formatWithUtcOffset(instant), '2026-11-25 09:30:00 +0100');
      assert.strictEqual(formatWithUtcOffset(new Date(Date.UTC(2026, 6, 1, 8, 30))), '2026-07-01 10:30:00 +0200');
    });
    inTimeZone('Asia/Kolkata', () => assert.strictEqual(formatWithUtcOffset(instant), '2026-11-25 14:00:00 +0530'));
    inTimeZone('America/St_Johns', () => assert.strictEqual(formatWithUtcOffset(instant), '2026-11-25 05:00:00 -0330'));
    inTimeZone('UTC', () => assert.strictEqual(formatWithUtcOffset(instant), '2026-11-25 08:30:00 +0000'));
  });
});

describe('parseSendAt', () => {
  const at = (text: string, offset?: number) => {
    const reading = parseSendAt(text, offset);
    assert.ok(reading.ok, `${text} should parse, got ${JSON.stringify(reading)}`);
    return reading.date.toISOString();
  };

  it('reads the typed notation as local time at the given offset', () => {
    assert.strictEqual(at('2026-11-25 09:30', 60), '2026-11-25T08:30:00.000Z');
    assert.strictEqual(at('2026-11-25 14:00', 330), '2026-11-25T08:30:00.000Z');
    assert.strictEqual(at('  2026-11-25T05:00:00 ', -210), '2026-11-25T08:30:00.000Z');
  });

  it("reads zone-less times in the machine's time zone by default", () => {
    inTimeZone('Europe/Berlin', () => {
      assert.strictEqual(at('2026-11-25 09:30'), '2026-11-25T08:30:00.000Z');
      assert.strictEqual(at('2026-07-01 10:30'), '2026-07-01T08:30:00.000Z');
    });
  });

  it('reads ISO 8601 strings with their own zone, whatever the offset given', () => {
    assert.strictEqual(at('2026-11-25T08:30:00Z'), '2026-11-25T08:30:00.000Z');
    assert.strictEqual(at('2026-11-25T08:30:00.000Z', 330), '2026-11-25T08:30:00.000Z');
    assert.strictEqual(at('2026-11-25T14:00:00+05:30'), '2026-11-25T08:30:00.000Z');
    assert.strictEqual(at('2026-11-25T05:00-0330'), '2026-11-25T08:30:00.000Z');
    assert.strictEqual(at('2026-11-25 09:30:00 +0100'), '2026-11-25T08:30:00.000Z');
    assert.strictEqual(at('2026-11-25T10:30+02'), '2026-11-25T08:30:00.000Z');
    assert.strictEqual(at(new Date(Date.UTC(2026, 10, 25, 8, 30, 0, 123)).toISOString()), '2026-11-25T08:30:00.123Z');
  });

  it('round-trips its own send_time output', () => {
    assert.strictEqual(at(formatWithUtcOffset(instant, -210)), instant.toISOString());
  });

  it('refuses other notations', () => {
    for (const text of ['tomorrow 9:00', '25/11/2026 09:30', '2026-11-25', '2026-11-25 9:30', '09:30', '', '2026-11-25 09:30 CET']) {
      assert.deepStrictEqual(parseSendAt(text), { ok: false, problem: 'format' }, text);
    }
  });

  it('refuses dates and times that do not exist', () => {
    for (const text of [
      '2026-02-29 09:00',
      '2026-13-01 09:00',
      '2026-04-31 09:00',
      '2026-11-25 24:00',
      '2026-11-25 09:60',
      '2026-11-25T09:00+24:00',
    ]) {
      assert.deepStrictEqual(parseSendAt(text, 0), { ok: false, problem: 'invalidDate' }, text);
    }
    assert.ok(parseSendAt('2028-02-29 09:00', 0).ok, 'leap day');
  });

  it('refuses a local time skipped when the clocks go forward', () => {
    inTimeZone('Europe/Berlin', () => {
      assert.deepStrictEqual(parseSendAt('2026-03-29 02:30'), { ok: false, problem: 'nonexistentLocalTime' });
      assert.ok(parseSendAt('2026-03-29 03:30').ok);
    });
  });
});

describe('checkSendAt', () => {
  const now = new Date(Date.UTC(2026, 10, 25, 8, 0, 0)); // 09:00 at +0100

  it('returns the instant and the send_time string for a future time', () => {
    assert.deepStrictEqual(checkSendAt('2026-11-25 09:30', now, 60), {
      ok: true,
      date: new Date(Date.UTC(2026, 10, 25, 8, 30)),
      sendTime: '2026-11-25 09:30:00 +0100',
    });
    const far = checkSendAt('2031-01-01 00:00', now, 0);
    assert.ok(far.ok, 'no upper limit is documented, so none is enforced');
  });

  it('accepts the present moment and refuses the past with a clear message', () => {
    assert.ok(checkSendAt('2026-11-25 09:00', now, 60).ok);
    assert.deepStrictEqual(checkSendAt('2026-11-25 08:59', now, 60), {
      ok: false,
      problem: 'past',
      message: '2026-11-25 08:59 is in the past. Choose a later time, or send the fax now.',
    });
  });

  it('says how to write a time it cannot read, with an example', () => {
    const result = checkSendAt('tomorrow 9:00', new Date(2026, 10, 25, 15, 0));
    assert.ok(!result.ok);
    assert.strictEqual(
      result.message,
      'Cannot read "tomorrow 9:00" as a date and time. Write it as YYYY-MM-DD HH:mm, for example 2026-11-26 09:00.',
    );
  });

  it('explains impossible dates', () => {
    const result = checkSendAt('2026-02-30 10:00', now, 60);
    assert.ok(!result.ok);
    assert.strictEqual(result.problem, 'invalidDate');
    assert.match(result.message, /^"2026-02-30 10:00" is not a real date and time/);
  });
});
