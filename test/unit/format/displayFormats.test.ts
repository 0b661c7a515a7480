import * as assert from 'node:assert/strict';
import { phoneDisplay } from '../../../src/format/phoneDisplay';
import { TimeDisplay } from '../../../src/format/timeDisplay';
import { formatBytes, megabytesRoundedUp } from '../../../src/format/bytes';
import { fullName, personLabel } from '../../../src/format/personName';

describe('views: display formats', () => {
  it('shows E.164 numbers grouped, and anything else as sent', () => {
    assert.equal(phoneDisplay('+41446681800'), '+41 44 668 18 00');
    assert.equal(phoneDisplay('+12015550123'), '+1 201 555 0123');
    assert.equal(phoneDisplay('+442079460958'), '+44 20 7946 0958');
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

describe('format: bytes and person names', () => {
  it('formats sizes in binary units with one decimal', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(3.4 * 1024), '3.4 KB');
    assert.equal(formatBytes(12 * 1024 * 1024), '12.0 MB');
  });

  it('rounds limit sizes up so a total just over a limit never reads as equal to it', () => {
    assert.equal(megabytesRoundedUp(150 * 1024 * 1024), '150');
    assert.equal(megabytesRoundedUp(150 * 1024 * 1024 + 1), '150.1');
  });

  it('calls a person by name, else email, else user id', () => {
    assert.equal(fullName({ name: 'Ada', lastname: 'Lovelace' }), 'Ada Lovelace');
    assert.equal(fullName({ name: '', lastname: '' }), undefined);
    assert.equal(personLabel({ name: 'Ada', email: 'ada@example.com' }, 'u1'), 'Ada');
    assert.equal(personLabel({ email: 'ada@example.com' }, 'u1'), 'ada@example.com');
    assert.equal(personLabel(undefined, 'u1'), 'u1');
  });
});
