import * as assert from 'assert';
import { withL10nBundle } from './withL10nBundle';
import { validateSendFaxArgs } from '../../../src/send/sendFaxArgs';

const validate = (raw: unknown) => validateSendFaxArgs(raw);
const problemsOf = (raw: unknown) => {
  const result = validate(raw);
  assert.ok(!result.ok, `expected problems for ${JSON.stringify(raw)}`);
  return result.problems;
};

describe('validateSendFaxArgs', () => {
  it('treats no argument as "ask for everything", confirming by default', () => {
    assert.deepStrictEqual(validate(undefined), { ok: true, args: { files: [], to: [], confirm: true } });
    assert.deepStrictEqual(validate(null), { ok: true, args: { files: [], to: [], confirm: true } });
    assert.deepStrictEqual(validate({}), { ok: true, args: { files: [], to: [], confirm: true } });
  });

  it('returns a complete argument typed and trimmed, without properties that were not given', () => {
    const result = validate({
      files: ['file:///home/me/letter.pdf', ' untitled:Untitled-1 '],
      to: ['+1 201 555 0123', '+442079460958 '],
      from: '+12015550100',
      coverPage: {
        to: 'Dr. Rivera',
        from: 'Front desk',
        subject: 'Referral',
        message: 'Two pages follow.',
        flags: ['urgent', 'confidential'],
      },
      comment: 'referral #42',
      sendAt: '2026-11-25T09:30:00+01:00',
      retry: { count: 2, delay: 15 },
      enhancement: true,
      confirm: false,
    });
    assert.deepStrictEqual(result, {
      ok: true,
      args: {
        files: ['file:///home/me/letter.pdf', 'untitled:Untitled-1'],
        to: ['+1 201 555 0123', '+442079460958'],
        from: '+12015550100',
        coverPage: {
          to: 'Dr. Rivera',
          from: 'Front desk',
          subject: 'Referral',
          message: 'Two pages follow.',
          flags: ['urgent', 'confidential'],
        },
        comment: 'referral #42',
        sendAt: '2026-11-25T09:30:00+01:00',
        retry: { count: 2, delay: 15 },
        enhancement: true,
        confirm: false,
      },
    });
    const minimal = validate({ files: ['file:///a.pdf'], to: '+12015550123' });
    assert.ok(minimal.ok);
    assert.deepStrictEqual(Object.keys(minimal.args).sort(), ['confirm', 'files', 'to']);
  });

  it('accepts one recipient string as well as a list (the command splits it later)', () => {
    const result = validate({ to: '+12015550123, +442079460958' });
    assert.ok(result.ok);
    assert.deepStrictEqual(result.args.to, ['+12015550123, +442079460958']);
  });

  it('keeps confirm true unless it is explicitly false', () => {
    const explicit = validate({ confirm: true });
    assert.ok(explicit.ok && explicit.args.confirm === true);
    const off = validate({ confirm: false });
    assert.ok(off.ok && off.args.confirm === false);
  });

  it('accepts ISO date-times with and without a zone, and the typed notation', () => {
    for (const sendAt of ['2026-11-25T08:30:00Z', '2026-11-25T08:30:00.000Z', '2026-11-25T09:30', '2026-11-25 09:30']) {
      assert.ok(validate({ sendAt }).ok, sendAt);
    }
  });

  it('refuses a value that is not an object', () => {
    for (const raw of ['file:///a.pdf', 42, ['file:///a.pdf'], true]) {
      assert.deepStrictEqual(problemsOf(raw), [
        'The argument must be an object, for example { "files": ["file:///home/me/letter.pdf"], "to": ["+12015550123"] }.',
      ]);
    }
  });

  it('refuses unknown keys at every level, naming them and the known ones', () => {
    assert.deepStrictEqual(problemsOf({ send_at: '2026-11-25T09:30', coverPage: { note: 'x' }, retry: { times: 3 } }), [
      'Unknown property "send_at" (known: files, to, from, coverPage, comment, sendAt, retry, enhancement, render, confirm).',
      'Unknown property "coverPage.note" (known: to, from, subject, message, flags).',
      'Unknown property "retry.times" (known: count, delay).',
    ]);
  });

  it('lists every wrong type at once, with a message that says what to write', () => {
    const result = validate({
      files: 'file:///a.pdf',
      to: [12015550123],
      from: 12015550100,
      comment: null,
      sendAt: 'tomorrow 9:00',
      retry: { count: -1, delay: 1.5 },
      enhancement: 'yes',
      confirm: 0,
      coverPage: { subject: 7, flags: ['urgent', 'secret'] },
    });
    assert.ok(!result.ok);
    assert.deepStrictEqual(result.problems, [
      '"files" must be a list of strings.',
      '"to" must be a list of strings.',
      '"confirm" must be true or false (got number).',
      '"from" must be a string (got number).',
      '"coverPage.subject" must be a string (got number).',
      'Unknown cover page flag "secret" (known: urgent, for_review, please_reply, confidential).',
      '"comment" must be a string (got null).',
      '"sendAt" must be an ISO 8601 date-time such as 2026-11-25T09:30:00+01:00, not "tomorrow 9:00".',
      '"retry.count" must be a whole number, 0 or more (got -1).',
      '"retry.delay" must be a whole number, 0 or more (got 1.5).',
      '"enhancement" must be true or false (got string).',
    ]);
    assert.ok(result.message.startsWith('Cannot send the fax with these arguments: "files" must be a list of strings. "to" must'));
  });

  it('refuses file entries that are not URIs, including Windows paths', () => {
    assert.deepStrictEqual(problemsOf({ files: ['file:///a.pdf', 'C:\\docs\\b.pdf', '/home/me/c.pdf'] }), [
      '"files[1]" is not a URI: "C:\\docs\\b.pdf". Write it as a URI, for example file:///home/me/letter.pdf.',
      '"files[2]" is not a URI: "/home/me/c.pdf". Write it as a URI, for example file:///home/me/letter.pdf.',
    ]);
  });

  it('refuses empty strings in lists', () => {
    assert.deepStrictEqual(problemsOf({ to: ['+12015550123', '  '] }), ['"to" contains an empty string.']);
  });

  it('refuses wrongly typed nested objects', () => {
    assert.deepStrictEqual(problemsOf({ coverPage: 'urgent', retry: [3] }), [
      '"coverPage" must be an object (got string).',
      '"retry" must be an object (got array).',
    ]);
  });

  it('produces its messages in the display language', () => {
    const check = withL10nBundle(
      {
        'Unknown property "{0}" (known: {1}).': 'Unbekannte Eigenschaft „{0}“.',
        'Cannot send the fax with these arguments: {0}': 'Fax nicht gesendet: {0}',
      },
      () => validateSendFaxArgs({ colour: true }),
    );
    assert.strictEqual(check.ok ? '' : check.message, 'Fax nicht gesendet: Unbekannte Eigenschaft „colour“.');
  });
});
