import * as assert from 'assert';
import { checkEndpoint } from '../../../src/api/endpointPolicy';

describe('where a token may be sent', () => {
  it('accepts https anywhere and strips trailing slashes', () => {
    assert.deepStrictEqual(checkEndpoint('https://restapi.fax.plus/v3/'), { ok: true, url: 'https://restapi.fax.plus/v3' });
  });

  it('accepts plain http only to this machine', () => {
    for (const url of ['http://127.0.0.1:8787/v3', 'http://localhost:9000/v3', 'http://[::1]:8080/v3', 'http://127.5.6.7/v3']) {
      assert.strictEqual(checkEndpoint(url).ok, true, url);
    }
    assert.deepStrictEqual(checkEndpoint('http://api.example.com/v3'), { ok: false, url: 'http://api.example.com/v3', reason: 'insecure' });
    assert.deepStrictEqual(checkEndpoint('http://10.0.0.5/v3').ok, false);
    assert.deepStrictEqual(checkEndpoint('http://127.0.0.1.evil.example/v3').ok, false);
  });

  it('refuses other protocols, credentials in the URL and garbage', () => {
    assert.strictEqual(checkEndpoint('ftp://restapi.fax.plus').ok, false);
    assert.strictEqual(checkEndpoint('file:///etc/passwd').ok, false);
    assert.strictEqual(checkEndpoint('https://user:pw@restapi.fax.plus').ok, false);
    assert.strictEqual(checkEndpoint('not a url').ok, false);
  });
});
