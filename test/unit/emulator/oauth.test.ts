import * as assert from 'node:assert/strict';
import { request } from 'undici';
import { type Emulator, startEmulator } from '../../emulator';
import { api } from './client';
import { createPkce } from '../../../src/api/pkce';

const REDIRECT = 'http://127.0.0.1:54321/callback';

describe('emulator: OAuth2 authorization code flow', () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ seedFaxes: 5, oauthAccessTokenTtlMs: 60_000 });
  });
  after(() => emu.stop());

  async function login(params: Record<string, string>): Promise<{ status: number; location?: URL; json?: { error: string } }> {
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: emu.oauthClient.id,
      redirect_uri: REDIRECT,
      scope: 'all',
      state: 'st-123',
      ...params,
    });
    const res = await request(`${emu.loginUrl}?${q}`, { method: 'GET' });
    const text = await res.body.text();
    const loc = res.headers.location;
    return {
      status: res.statusCode,
      location: typeof loc === 'string' ? new URL(loc) : undefined,
      json: text ? JSON.parse(text) : undefined,
    };
  }

  async function token(form: Record<string, string>, secret = emu.oauthClient.secret) {
    const basic = Buffer.from(`${emu.oauthClient.id}:${secret}`).toString('base64');
    const res = await request(emu.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
      body: new URLSearchParams({ client_id: emu.oauthClient.id, ...form }).toString(),
    });
    return { status: res.statusCode, json: (await res.body.json()) as Record<string, string> };
  }

  async function code(): Promise<string> {
    const res = await login({});
    return res.location!.searchParams.get('code')!;
  }

  it("redirects to the redirect URI with a code and the caller's state", async () => {
    const res = await login({});
    assert.equal(res.status, 302);
    assert.equal(`${res.location!.origin}${res.location!.pathname}`, REDIRECT);
    assert.equal(res.location!.searchParams.get('state'), 'st-123');
    assert.ok(res.location!.searchParams.get('code'));
  });

  it('refuses an unknown client or an unregistered redirect URI with 400 (no redirect)', async () => {
    assert.equal((await login({ client_id: 'APIK-unknown' })).status, 400);
    assert.equal((await login({ redirect_uri: 'https://evil.example/cb' })).status, 400);
    assert.equal((await login({ redirect_uri: 'http://192.168.1.5:8080/cb' })).status, 400);
  });

  it('exchanges a code for tokens, and the access token works with x-fax-clientid', async () => {
    const t = await token({ grant_type: 'authorization_code', code: await code(), redirect_uri: REDIRECT });
    assert.equal(t.status, 200);
    assert.equal(t.json.token_type, 'Bearer');
    assert.equal(t.json.scope, 'all');
    assert.equal(t.json.expires_in, 60);
    assert.equal(t.json.user_id, emu.accounts.admin);
    const headers = { 'x-fax-clientid': emu.oauthClient.id };
    const info = await api(emu, 'GET', '/auth/token', { token: t.json.access_token, headers });
    assert.deepEqual(info.json, { token_type: 'oauth', scopes: ['all'] });
    assert.equal(
      (await api(emu, 'DELETE', `/accounts/self/faxes/${emu.state.faxes('spam')[0].id}`, { token: t.json.access_token, headers })).status,
      200,
    );
    assert.equal((await api(emu, 'GET', '/auth/token', { token: t.json.access_token })).status, 401);
  });

  it('PKCE: a code obtained with an S256 challenge needs the matching code_verifier; without a challenge none is needed', async () => {
    const pkce = createPkce();
    const withChallenge = async () =>
      (await login({ code_challenge: pkce.challenge, code_challenge_method: 'S256' })).location!.searchParams.get('code')!;
    const missing = await token({ grant_type: 'authorization_code', code: await withChallenge(), redirect_uri: REDIRECT });
    assert.equal(missing.json.error, 'invalid_grant');
    const wrong = await token({
      grant_type: 'authorization_code',
      code: await withChallenge(),
      redirect_uri: REDIRECT,
      code_verifier: createPkce().verifier,
    });
    assert.equal(wrong.json.error, 'invalid_grant');
    const right = await token({
      grant_type: 'authorization_code',
      code: await withChallenge(),
      redirect_uri: REDIRECT,
      code_verifier: pkce.verifier,
    });
    assert.equal(right.status, 200);
    const plain = await login({ code_challenge: pkce.verifier, code_challenge_method: 'plain' });
    assert.equal(plain.location!.searchParams.get('error'), 'invalid_request', 'only S256 is accepted');
    assert.equal(
      (await token({ grant_type: 'authorization_code', code: await code(), redirect_uri: REDIRECT })).status,
      200,
      'no challenge, no verifier needed',
    );
  });

  it('codes are single use; reuse is invalid_grant and revokes what the code issued', async () => {
    const c = await code();
    const first = await token({ grant_type: 'authorization_code', code: c, redirect_uri: REDIRECT });
    assert.equal(first.status, 200);
    const again = await token({ grant_type: 'authorization_code', code: c, redirect_uri: REDIRECT });
    assert.equal(again.status, 400);
    assert.equal(again.json.error, 'invalid_grant');
    assert.equal(
      (await api(emu, 'GET', '/auth/token', { token: first.json.access_token, headers: { 'x-fax-clientid': emu.oauthClient.id } })).status,
      401,
    );
  });

  it('refuses a wrong redirect_uri, a wrong secret and an unknown grant type', async () => {
    assert.equal(
      (await token({ grant_type: 'authorization_code', code: await code(), redirect_uri: 'http://127.0.0.1:1/other' })).json.error,
      'invalid_grant',
    );
    const bad = await token({ grant_type: 'authorization_code', code: await code(), redirect_uri: REDIRECT }, 'wrong-secret');
    assert.equal(bad.status, 401);
    assert.equal(bad.json.error, 'invalid_client');
    assert.equal((await token({ grant_type: 'password' })).json.error, 'unsupported_grant_type');
  });

  it('refreshes an expired access token; refresh tokens rotate', async () => {
    const t = await token({ grant_type: 'authorization_code', code: await code(), redirect_uri: REDIRECT });
    const headers = { 'x-fax-clientid': emu.oauthClient.id };
    emu.clock.advance(61_000);
    const expired = await api(emu, 'GET', '/accounts/self', { token: t.json.access_token, headers });
    assert.equal(expired.status, 401);
    assert.match(expired.json.description, /expired/);
    const r = await token({ grant_type: 'refresh_token', refresh_token: t.json.refresh_token });
    assert.equal(r.status, 200);
    assert.notEqual(r.json.refresh_token, t.json.refresh_token);
    assert.equal((await api(emu, 'GET', '/accounts/self', { token: r.json.access_token, headers })).status, 200);
    const reused = await token({ grant_type: 'refresh_token', refresh_token: t.json.refresh_token });
    assert.equal(reused.status, 400);
    assert.equal(reused.json.error, 'invalid_grant');
    assert.equal((await token({ grant_type: 'refresh_token', refresh_token: 'nope' })).json.error, 'invalid_grant');
  });

  it('can deny the sign-in', async () => {
    emu.oauth.autoApprove = false;
    try {
      const res = await login({});
      assert.equal(res.location!.searchParams.get('error'), 'access_denied');
      assert.equal(res.location!.searchParams.get('code'), null);
    } finally {
      emu.oauth.autoApprove = true;
    }
  });

  it('logs OAuth requests without their secrets', async () => {
    emu.clearRequests();
    await token({ grant_type: 'authorization_code', code: await code(), redirect_uri: REDIRECT });
    assert.deepEqual(
      emu.requests.map((r) => r.operationId),
      ['oauthLogin', 'oauthToken'],
    );
    assert.ok(!JSON.stringify(emu.requests).includes(emu.oauthClient.secret));
  });
});
