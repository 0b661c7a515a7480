import * as assert from 'assert';
import { Redactor } from '../../../src/logging/redactor';

describe('log redaction', () => {
  it('masks registered secrets wherever they appear', () => {
    const r = new Redactor();
    r.addSecret('s3cr3t-client-secret-value');
    assert.strictEqual(r.redact('secret=s3cr3t-client-secret-value;'), 'secret=[redacted];');
  });

  it('masks PAT-shaped and bearer credentials that were never registered', () => {
    const r = new Redactor();
    const text = r.redact('Authorization: Bearer abc.def-123 and alohi_pat_ZYXWVUT9876543210abcdef');
    assert.ok(!text.includes('abc.def-123'));
    assert.ok(!text.includes('ZYXWVUT9876543210abcdef'));
  });

  it('masks access and refresh tokens in JSON-ish text', () => {
    const r = new Redactor();
    const text = r.redact('{"access_token":"aaa111bbb222","refresh_token": "ccc333"}');
    assert.ok(!/aaa111bbb222|ccc333/.test(text), text);
  });

  it('ignores secrets too short to be meaningful (they would mangle every line)', () => {
    const r = new Redactor();
    r.addSecret('a');
    assert.strictEqual(r.redact('a cat'), 'a cat');
  });
});
