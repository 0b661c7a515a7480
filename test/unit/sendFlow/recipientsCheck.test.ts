import * as assert from 'node:assert/strict';
import { checkRecipients } from '../../../src/sendFlow/recipientsCheck';

describe('sendFlow: reading the recipients', () => {
  it('accepts mixed separators and notations, dropping duplicates', () => {
    const check = checkRecipients('+1 201 555 0123; (201) 555-0124\n+12015550123, 0044 20 7946 0958', 'US');
    assert.deepEqual(check, { ok: true, recipients: ['+12015550123', '+12015550124', '+442079460958'] });
  });

  it('lists invalid entries by position with the reason', () => {
    const check = checkRecipients('+12015550123, hello, +1 201', 'US');
    assert.equal(check.ok, false);
    assert.match(!check.ok ? check.message : '', /Recipient 2 \("hello"\): not a phone number\. Recipient 3 \("\+1 201"\): too short/);
  });

  it('refuses more than 4,000 numbers', () => {
    const numbers = Array.from({ length: 4001 }, (_, i) => `+1201555${String(i).padStart(4, '0')}`);
    const check = checkRecipients(numbers.join('\n'), undefined);
    assert.equal(check.ok, false);
    assert.match(!check.ok ? check.message : '', /4001 recipients: a fax can go to at most 4000 numbers/);
  });

  it('asks for a number when there is none', () => {
    assert.deepEqual(checkRecipients(' , ; ', 'US'), { ok: false, message: 'Enter at least one fax number.' });
  });
});
