import * as assert from 'assert';
import { withL10nBundle } from './withL10nBundle';
import {
  MAX_RECIPIENTS,
  describeInvalidRecipient,
  describeTooManyRecipients,
  normaliseRegion,
  parseRecipients,
  regionFromLocale,
} from '../../../src/send/recipients';

// +1 201 555 0123 is libphonenumber's example US number; 555-01xx in area code 555 is fiction
// and (rightly) not a valid number, see the last test of "validity".
const US = '+12015550123';
const US2 = '+12015550124';
const GB = '+442079460958';

describe('parseRecipients', () => {
  describe('notations', () => {
    const cases: Array<[string, string | undefined, string]> = [
      ['+1 (201) 555-0123', undefined, US],
      ['+1 201 555 0123', undefined, US],
      ['+1.201.555.0123', undefined, US],
      ['+1-201-555-0123', undefined, US],
      ['+12015550123', undefined, US],
      ['tel:+12015550123', undefined, US],
      ['TEL:+1-201-555-0123', undefined, US],
      ['(201) 555-0123', 'US', US],
      ['201 555 0123', 'US', US],
      ['1 201 555 0123', 'US', US],
      ['011 44 20 7946 0958', 'US', GB],
      ['0044 20 7946 0958', 'GB', GB],
      ['0044 20 7946 0958', 'US', GB],
      ['0044 20 7946 0958', undefined, GB],
      ['00 44 20 7946 0958', 'DE', GB],
      ['020 7946 0958', 'GB', GB],
      ['+44 (0)20 7946 0958', undefined, GB],
      ['+44 20 7946 0958', 'US', GB],
      ['+91 98765 43210', undefined, '+919876543210'],
      ['\u00a0+1\u00a0201\u00a0555\u00a00123\t', undefined, US],
    ];
    for (const [input, region, expected] of cases) {
      it(`reads ${JSON.stringify(input)} with region ${region ?? 'none'} as ${expected}`, () => {
        assert.deepStrictEqual(parseRecipients(input, { defaultRegion: region }), { valid: [expected], invalid: [], duplicates: 0 });
      });
    }

    it('accepts the default region in any case, and UK for GB', () => {
      assert.deepStrictEqual(parseRecipients('020 7946 0958', { defaultRegion: 'gb' }).valid, [GB]);
      assert.deepStrictEqual(parseRecipients('020 7946 0958', { defaultRegion: 'UK' }).valid, [GB]);
    });
  });

  describe('separators', () => {
    it('splits on commas, semicolons, new lines and spaces, in any mix', () => {
      const input = `+12015550123, +442079460958;+919876543210\n+4930123456\r\n+61 2 9876 5432  +33 1 23 45 67 89\t+81 3-1234-5678`;
      assert.deepStrictEqual(parseRecipients(input).valid, [
        US,
        GB,
        '+919876543210',
        '+4930123456',
        '+61298765432',
        '+33123456789',
        '+81312345678',
      ]);
    });

    it('ignores empty entries and surrounding blanks', () => {
      assert.deepStrictEqual(parseRecipients(' ,, ;\n\n +12015550123 ,;, '), { valid: [US], invalid: [], duplicates: 0 });
      assert.deepStrictEqual(parseRecipients('   \n '), { valid: [], invalid: [], duplicates: 0 });
    });

    describe('spaces, which separate numbers and also occur inside them', () => {
      it('two compact numbers separated by a space are two recipients', () => {
        assert.deepStrictEqual(parseRecipients('+12015550123 +442079460958').valid, [US, GB]);
      });

      it('two spaced international numbers on one line are two recipients', () => {
        assert.deepStrictEqual(parseRecipients('+1 201 555 0123 +44 20 7946 0958').valid, [US, GB]);
      });

      it('two national numbers separated by a space are two recipients', () => {
        assert.deepStrictEqual(parseRecipients('2015550123 2015550124', { defaultRegion: 'US' }).valid, [US, US2]);
      });

      it('spaced national numbers on one line are read greedily, left to right', () => {
        assert.deepStrictEqual(parseRecipients('201 555 0123 201 555 0124', { defaultRegion: 'US' }).valid, [US, US2]);
      });

      it('a spaced number with a typo is one invalid entry, not four', () => {
        const result = parseRecipients('+1 201 555 012');
        assert.deepStrictEqual(result.valid, []);
        assert.deepStrictEqual(result.invalid, [{ position: 1, input: '+1 201 555 012', reason: 'tooShort' }]);
      });

      it('a valid number followed by stray text keeps the number and reports the text', () => {
        const result = parseRecipients('+1 201 555 0123 fax');
        assert.deepStrictEqual(result.valid, [US]);
        assert.deepStrictEqual(result.invalid, [{ position: 2, input: 'fax', reason: 'notANumber' }]);
      });

      it('a spaced number followed by a spaced number with a typo', () => {
        const result = parseRecipients('+1 201 555 0123 +44 20 7946 095');
        assert.deepStrictEqual(result.valid, [US]);
        assert.deepStrictEqual(result.invalid, [{ position: 2, input: '+44 20 7946 095', reason: 'invalidForRegion' }]);
      });

      it('an extra digit group after a complete number is its own invalid entry', () => {
        const result = parseRecipients('+1 201 555 0123 4');
        assert.deepStrictEqual(result.valid, [US]);
        assert.deepStrictEqual(
          result.invalid.map((entry) => entry.input),
          ['4'],
        );
      });
    });
  });

  describe('validity', () => {
    const reasonOf = (input: string, defaultRegion?: string) => {
      const result = parseRecipients(input, { defaultRegion });
      assert.strictEqual(result.valid.length, 0, `${input} should be invalid`);
      assert.strictEqual(result.invalid.length, 1, `${input} should be one entry`);
      return result.invalid[0].reason;
    };

    it('names the problem of each kind of invalid entry', () => {
      assert.strictEqual(reasonOf('hello'), 'notANumber');
      assert.strictEqual(reasonOf('+'), 'notANumber');
      assert.strictEqual(reasonOf('+999 1234567'), 'invalidCountryCode');
      assert.strictEqual(reasonOf('2015550123'), 'noCountryCode');
      assert.strictEqual(reasonOf('12', 'US'), 'tooShort');
      assert.strictEqual(reasonOf('+44 1234'), 'tooShort');
      assert.strictEqual(reasonOf('+1201555012345678'), 'tooLong');
      assert.strictEqual(reasonOf('+1 123 456 7890'), 'invalidForRegion');
      assert.strictEqual(reasonOf('+12015550123x5'), 'hasExtension');
      assert.strictEqual(reasonOf('+1 201 555 0123 ext 5'), 'hasExtension');
    });

    it('refuses text around a number instead of fishing the number out of it', () => {
      assert.deepStrictEqual(parseRecipients('call+12015550123').valid, []);
    });

    it('refuses the fictional 555-01xx numbers: area code 555 is not assigned', () => {
      assert.strictEqual(reasonOf('+1 (555) 010-2000'), 'invalidForRegion');
      assert.strictEqual(reasonOf('+1.555.010.2000'), 'invalidForRegion');
    });

    it('ignores an unknown default region rather than guessing one', () => {
      assert.strictEqual(reasonOf('2015550123', 'XX'), 'noCountryCode');
    });
  });

  describe('positions, duplicates and limits', () => {
    it('lists invalid entries by their 1-based position among all entries, with the text as typed', () => {
      const result = parseRecipients('+12015550123, nope; +44 1234\n+442079460958, 2015550123');
      assert.deepStrictEqual(result.valid, [US, GB]);
      assert.deepStrictEqual(result.invalid, [
        { position: 2, input: 'nope', reason: 'notANumber' },
        { position: 3, input: '+44 1234', reason: 'tooShort' },
        { position: 5, input: '2015550123', reason: 'noCountryCode' },
      ]);
    });

    it('counts positions of duplicates too, so later positions match what the user typed', () => {
      const result = parseRecipients('+12015550123, +1 201 555 0123, bad');
      assert.deepStrictEqual(result.invalid, [{ position: 3, input: 'bad', reason: 'notANumber' }]);
    });

    it('removes duplicates after normalisation and counts them, keeping first-seen order', () => {
      const input = '+1 (201) 555-0123; +442079460958, tel:+12015550123\n201.555.0123 0044 20 7946 0958, +12015550124';
      const result = parseRecipients(input, { defaultRegion: 'US' });
      assert.deepStrictEqual(result.valid, [US, GB, US2]);
      assert.strictEqual(result.duplicates, 3);
      assert.deepStrictEqual(result.invalid, []);
    });

    it(`accepts exactly ${MAX_RECIPIENTS} recipients`, () => {
      const result = parseRecipients(distinctNumbers(MAX_RECIPIENTS).join('\n'));
      assert.strictEqual(result.valid.length, MAX_RECIPIENTS);
      assert.strictEqual(result.tooMany, undefined);
    });

    it(`refuses ${MAX_RECIPIENTS + 1} recipients and names the count`, () => {
      const result = parseRecipients(distinctNumbers(MAX_RECIPIENTS + 1).join(' '));
      assert.deepStrictEqual(result.tooMany, { count: 4001, max: 4000 });
      assert.strictEqual(result.valid.length, 4001);
      assert.match(describeTooManyRecipients(result.tooMany), /^4001 recipients: a fax can go to at most 4000 numbers/);
    });

    it('counts recipients after removing duplicates', () => {
      const numbers = distinctNumbers(MAX_RECIPIENTS);
      const result = parseRecipients([...numbers, numbers[0]].join(','));
      assert.strictEqual(result.tooMany, undefined);
      assert.strictEqual(result.duplicates, 1);
    });
  });

  describe('messages', () => {
    it('say which entry is wrong and why', () => {
      const [entry] = parseRecipients('+1, 2015550123').invalid;
      assert.strictEqual(describeInvalidRecipient(entry), 'Recipient 1 ("+1"): too short to be a phone number.');
      const [noCode] = parseRecipients('2015550123').invalid;
      assert.match(describeInvalidRecipient(noCode), /^Recipient 1 \("2015550123"\): no country code\. Write it as \+<country code>/);
    });

    it('follow the display language (the bundle the extension loads into @vscode/l10n)', () => {
      const [entry] = parseRecipients('nope').invalid;
      const text = withL10nBundle(
        { 'not a phone number.': 'keine Telefonnummer.', 'Recipient {0} ("{1}"): {2}': 'Empfänger {0} („{1}“): {2}' },
        () => describeInvalidRecipient(entry),
      );
      assert.strictEqual(text, 'Empfänger 1 („nope“): keine Telefonnummer.');
      assert.strictEqual(describeInvalidRecipient(entry), 'Recipient 1 ("nope"): not a phone number.');
    });
  });
});

describe('regionFromLocale', () => {
  const cases: Array<[string, string | undefined]> = [
    ['en-US', 'US'],
    ['en-gb', 'GB'],
    ['de-DE', 'DE'],
    ['pt-br', 'BR'],
    ['zh-cn', 'CN'],
    ['zh-Hant-TW', 'TW'],
    ['fr_CA', 'CA'],
    ['en-US-u-ca-gregory', 'US'],
    ['en', undefined],
    ['de', undefined],
    ['es-419', undefined],
    ['zh-Hans', undefined],
    ['', undefined],
    ['en-XX', undefined],
  ];
  for (const [locale, region] of cases) {
    it(`${JSON.stringify(locale)} → ${region ?? 'no region'}`, () => assert.strictEqual(regionFromLocale(locale), region));
  }
});

describe('normaliseRegion', () => {
  it('upper-cases, maps UK to GB, and refuses unknown codes', () => {
    assert.strictEqual(normaliseRegion(' fr '), 'FR');
    assert.strictEqual(normaliseRegion('uk'), 'GB');
    assert.strictEqual(normaliseRegion('ZZ'), undefined);
    assert.strictEqual(normaliseRegion(''), undefined);
    assert.strictEqual(normaliseRegion(undefined), undefined);
  });
});

/** Valid, distinct US numbers: +1 201 555 0000, +1 201 555 0001, … then the next exchange. */
function distinctNumbers(count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const exchange = 555 + Math.floor(index / 10000);
    return `+1201${exchange}${String(index % 10000).padStart(4, '0')}`;
  });
}
