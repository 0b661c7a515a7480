import * as assert from 'assert';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { request } from 'undici';
import { createHash } from 'node:crypto';
import { buildAuthorizeUrl, exchangeCode, OAuthError, refresh } from '../../../src/api/oauthClient';
import { createPkce } from '../../../src/api/pkce';
import { OAuthLoopbackServer } from '../../../src/auth/oauthLoopbackServer';
import { startEmulator } from '../../emulator';

interface SeenRequest {
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly headers: IncomingMessage['headers'];
  readonly form: URLSearchParams;
}

type Reply = (req: SeenRequest, res: ServerResponse) => void;

/** A token endpoint on 127.0.0.1 that records what it was sent. */
async function startTokenEndpoint(reply: Reply) {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const entry = { method: req.method, path: req.url, headers: req.headers, form: new URLSearchParams(body) };
      seen.push(entry);
      reply(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    tokenUrl: `${base}/token`,
    base,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const CLIENT = { clientId: 'APIK-client-1', clientSecret: 'CANARY-client-secret-7f3a' };
const CODE = 'CANARY-auth-code-91bd';
const REFRESH_TOKEN = 'CANARY-refresh-token-c0de';
const CANARIES = [CLIENT.clientSecret, CODE, REFRESH_TOKEN, 'CANARY-access'];

function assertNoCanary(err: unknown): void {
  const e = err as Error;
  const rendered = [e.message, e.stack ?? '', String(e), inspect(e, { depth: 5 }), JSON.stringify(e)].join('\n');
  for (const canary of CANARIES) {
    assert.ok(!rendered.includes(canary), `error exposes ${canary}: ${rendered}`);
  }
}

async function rejection(promise: Promise<unknown>): Promise<OAuthError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof OAuthError, `expected OAuthError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected a rejection');
}

describe('oauthClient', () => {
  describe('buildAuthorizeUrl', () => {
    it('asks for an authorization code with client, redirect, scope and state', () => {
      const url = new URL(
        buildAuthorizeUrl({
          authorizeUrl: 'https://accounts.fax.plus/login',
          clientId: 'APIK-1',
          redirectUri: 'http://127.0.0.1:5000/callback',
          state: 'st&te=1',
        }),
      );
      assert.strictEqual(url.origin + url.pathname, 'https://accounts.fax.plus/login');
      assert.strictEqual(url.searchParams.get('response_type'), 'code');
      assert.strictEqual(url.searchParams.get('client_id'), 'APIK-1');
      assert.strictEqual(url.searchParams.get('redirect_uri'), 'http://127.0.0.1:5000/callback');
      assert.strictEqual(url.searchParams.get('scope'), 'all');
      assert.strictEqual(url.searchParams.get('state'), 'st&te=1');
    });

    it('adds a PKCE S256 challenge when given one; the code exchange sends the verifier', async () => {
      const pkce = createPkce();
      assert.match(pkce.verifier, /^[A-Za-z0-9_-]{43}$/);
      assert.strictEqual(pkce.challenge, createHash('sha256').update(pkce.verifier).digest('base64url'));
      const url = new URL(
        buildAuthorizeUrl({
          authorizeUrl: 'https://accounts.fax.plus/login',
          clientId: 'a',
          redirectUri: 'b',
          state: 'c',
          codeChallenge: pkce.challenge,
        }),
      );
      assert.strictEqual(url.searchParams.get('code_challenge'), pkce.challenge);
      assert.strictEqual(url.searchParams.get('code_challenge_method'), 'S256');
      assert.notStrictEqual(createPkce().verifier, pkce.verifier, 'a fresh verifier per sign-in');

      const emulator = await startEmulator({ seedFaxes: 0 });
      try {
        const redirectUri = 'http://127.0.0.1:54321/callback';
        const login = await request(
          buildAuthorizeUrl({
            authorizeUrl: emulator.loginUrl,
            clientId: emulator.oauthClient.id,
            redirectUri,
            state: 's',
            codeChallenge: pkce.challenge,
          }),
        );
        await login.body.dump();
        const code = new URL(String(login.headers.location)).searchParams.get('code') ?? '';
        const client = {
          tokenUrl: emulator.tokenUrl,
          clientId: emulator.oauthClient.id,
          clientSecret: emulator.oauthClient.secret,
          redirectUri,
        };
        const tokens = await exchangeCode({ ...client, code, codeVerifier: pkce.verifier });
        assert.ok(tokens.accessToken, 'the emulator checked the verifier against the challenge');
      } finally {
        await emulator.stop();
      }
    });

    it('refuses plain http to another machine', () => {
      assert.throws(
        () => buildAuthorizeUrl({ authorizeUrl: 'http://accounts.example/login', clientId: 'a', redirectUri: 'b', state: 'c' }),
        (e: unknown) => e instanceof OAuthError && e.code === 'insecure_url',
      );
    });
  });

  describe('token requests', () => {
    let endpoint: Awaited<ReturnType<typeof startTokenEndpoint>> | undefined;
    afterEach(async () => {
      await endpoint?.close();
      endpoint = undefined;
    });

    it('exchanges a code with Basic auth and a form body', async () => {
      endpoint = await startTokenEndpoint((_req, res) =>
        json(res, 200, {
          access_token: 'at-1',
          refresh_token: 'rt-1',
          expires_in: 3600,
          scope: 'all',
          token_type: 'Bearer',
          user_id: 'u-7',
        }),
      );
      const before = Date.now();
      const tokens = await exchangeCode({ tokenUrl: endpoint.tokenUrl, ...CLIENT, code: CODE, redirectUri: 'http://127.0.0.1:1/callback' });

      const [req] = endpoint.seen;
      assert.strictEqual(req.method, 'POST');
      assert.strictEqual(req.path, '/token');
      assert.strictEqual(req.headers['content-type'], 'application/x-www-form-urlencoded');
      assert.strictEqual(req.headers.authorization, `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`);
      assert.deepStrictEqual(Object.fromEntries(req.form), {
        grant_type: 'authorization_code',
        code: CODE,
        redirect_uri: 'http://127.0.0.1:1/callback',
        client_id: CLIENT.clientId,
      });
      assert.strictEqual(tokens.accessToken, 'at-1');
      assert.strictEqual(tokens.refreshToken, 'rt-1');
      assert.strictEqual(tokens.scope, 'all');
      assert.strictEqual(tokens.userId, 'u-7');
      const expiresIn = tokens.expiresAt.getTime() - before;
      assert.ok(expiresIn > 3590_000 && expiresIn <= 3601_000, `expiresAt off by ${expiresIn}`);
    });

    it('refreshes with grant_type=refresh_token and keeps the refresh token when none is returned', async () => {
      endpoint = await startTokenEndpoint((_req, res) => json(res, 200, { access_token: 'at-2', expires_in: 60 }));
      const tokens = await refresh({ tokenUrl: endpoint.tokenUrl, ...CLIENT, refreshToken: REFRESH_TOKEN });

      const [req] = endpoint.seen;
      assert.ok(req.headers.authorization?.startsWith('Basic '));
      assert.deepStrictEqual(Object.fromEntries(req.form), {
        grant_type: 'refresh_token',
        refresh_token: REFRESH_TOKEN,
        client_id: CLIENT.clientId,
      });
      assert.strictEqual(tokens.accessToken, 'at-2');
      assert.strictEqual(tokens.refreshToken, REFRESH_TOKEN);
    });

    it('invalid_grant means "sign in again", and echoed secrets are masked', async () => {
      endpoint = await startTokenEndpoint((req, res) =>
        json(res, 400, {
          error: 'invalid_grant',
          error_description: `refresh token ${req.form.get('refresh_token')} revoked for secret ${CLIENT.clientSecret}`,
        }),
      );
      const err = await rejection(refresh({ tokenUrl: endpoint.tokenUrl, ...CLIENT, refreshToken: REFRESH_TOKEN }));
      assert.strictEqual(err.code, 'invalid_grant');
      assert.strictEqual(err.kind, 'sign-in-required');
      assert.strictEqual(err.status, 400);
      assert.ok(err.requiresSignIn && !err.isTransient);
      assert.match(err.description ?? '', /revoked/);
      assertNoCanary(err);
    });

    it('invalid_client is a rejection, not a reason to sign in again or retry', async () => {
      endpoint = await startTokenEndpoint((req, res) =>
        json(res, 401, { error: 'invalid_client', error_description: `bad code ${req.form.get('code')}` }),
      );
      const err = await rejection(exchangeCode({ tokenUrl: endpoint.tokenUrl, ...CLIENT, code: CODE, redirectUri: 'x' }));
      assert.strictEqual(err.code, 'invalid_client');
      assert.strictEqual(err.kind, 'rejected');
      assert.strictEqual(err.status, 401);
      assertNoCanary(err);
    });

    it('a 5xx without a JSON body means "try later"', async () => {
      endpoint = await startTokenEndpoint((_req, res) => {
        res.writeHead(503, { 'content-type': 'text/html' });
        res.end('<h1>maintenance</h1>');
      });
      const err = await rejection(refresh({ tokenUrl: endpoint.tokenUrl, ...CLIENT, refreshToken: REFRESH_TOKEN }));
      assert.strictEqual(err.code, 'server_error');
      assert.strictEqual(err.status, 503);
      assert.ok(err.isTransient && !err.requiresSignIn);
    });

    it('does not follow a redirect (the credentials would go along)', async () => {
      endpoint = await startTokenEndpoint((req, res) => {
        if (req.path === '/token') {
          res.writeHead(307, { location: '/elsewhere' });
          res.end();
        } else {
          json(res, 200, { access_token: 'stolen' });
        }
      });
      const err = await rejection(refresh({ tokenUrl: endpoint.tokenUrl, ...CLIENT, refreshToken: REFRESH_TOKEN }));
      assert.strictEqual(err.code, 'unexpected_redirect');
      assert.deepStrictEqual(
        endpoint.seen.map((r) => r.path),
        ['/token'],
      );
    });

    it('a refused connection means "try later"', async () => {
      endpoint = await startTokenEndpoint(() => undefined);
      const tokenUrl = endpoint.tokenUrl;
      await endpoint.close();
      endpoint = undefined;
      const err = await rejection(refresh({ tokenUrl, ...CLIENT, refreshToken: REFRESH_TOKEN }));
      assert.strictEqual(err.code, 'network_error');
      assert.ok(err.isTransient);
      assertNoCanary(err);
    });

    it('times out a server that never answers', async () => {
      endpoint = await startTokenEndpoint(() => undefined);
      const err = await rejection(refresh({ tokenUrl: endpoint.tokenUrl, ...CLIENT, refreshToken: REFRESH_TOKEN, timeoutMs: 100 }));
      assert.strictEqual(err.code, 'timeout');
      assert.ok(err.isTransient);
    });

    it('stops when the caller aborts', async () => {
      endpoint = await startTokenEndpoint(() => undefined);
      const controller = new AbortController();
      const pending = refresh({ tokenUrl: endpoint.tokenUrl, ...CLIENT, refreshToken: REFRESH_TOKEN, signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      const err = await rejection(pending);
      assert.strictEqual(err.kind, 'cancelled');
    });

    it('a success without an access token is an invalid response, not a crash', async () => {
      endpoint = await startTokenEndpoint((_req, res) => json(res, 200, { token: 'CANARY-access' }));
      const err = await rejection(refresh({ tokenUrl: endpoint.tokenUrl, ...CLIENT, refreshToken: REFRESH_TOKEN }));
      assert.strictEqual(err.code, 'invalid_response');
      assertNoCanary(err);
    });

    it('an answer larger than a token response is read no further and reported as invalid', async () => {
      // A valid token padded past the 64 KB limit: accepting it would mean the limit read the whole body.
      const padded = `{"access_token":"CANARY-access","expires_in":3600,"pad":"${'x'.repeat(70 * 1024)}"}`;
      endpoint = await startTokenEndpoint((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(padded);
      });
      const err = await rejection(refresh({ tokenUrl: endpoint.tokenUrl, ...CLIENT, refreshToken: REFRESH_TOKEN }));
      assert.strictEqual(err.code, 'invalid_response');
      assert.ok(err.isTransient);
      assertNoCanary(err);
    });

    it('never sends credentials over plain http to another machine', async () => {
      const err = await rejection(refresh({ tokenUrl: 'http://token.example/token', ...CLIENT, refreshToken: REFRESH_TOKEN }));
      assert.strictEqual(err.code, 'insecure_url');
      assertNoCanary(err);
    });
  });

  describe('end to end against the emulator', () => {
    it('authorize URL → /login → loopback callback → exchange → API call → refresh', async () => {
      const emu = await startEmulator({ seedFaxes: 1 });
      const loopback = await OAuthLoopbackServer.start({ timeoutMs: 10_000 });
      try {
        const client = { clientId: emu.oauthClient.id, clientSecret: emu.oauthClient.secret };
        const authorizeUrl = buildAuthorizeUrl({
          authorizeUrl: emu.loginUrl,
          clientId: client.clientId,
          redirectUri: loopback.redirectUri,
          state: loopback.state,
        });

        // What the browser does: the login page redirects to our loopback server.
        const login = await request(authorizeUrl);
        await login.body.dump();
        assert.strictEqual(login.statusCode, 302);
        const location = String(login.headers.location);
        assert.ok(location.startsWith(loopback.redirectUri), location);
        const landing = await request(location);
        assert.match(await landing.body.text(), /Signed in/);

        const code = await loopback.waitForCode();
        const tokens = await exchangeCode({ tokenUrl: emu.tokenUrl, ...client, code, redirectUri: loopback.redirectUri });
        assert.strictEqual(tokens.scope, 'all');
        assert.ok(tokens.expiresAt.getTime() > Date.now());

        const info = await request(`${emu.apiUrl}/auth/token`, {
          headers: { authorization: `Bearer ${tokens.accessToken}`, 'x-fax-clientid': client.clientId },
        });
        assert.strictEqual(info.statusCode, 200);
        assert.strictEqual(((await info.body.json()) as { token_type: string }).token_type, 'oauth');

        const refreshed = await refresh({ tokenUrl: emu.tokenUrl, ...client, refreshToken: tokens.refreshToken });
        assert.notStrictEqual(refreshed.accessToken, tokens.accessToken);
        assert.notStrictEqual(refreshed.refreshToken, tokens.refreshToken);

        // Refresh tokens rotate: the used one is dead, which the caller must read as "sign in again".
        const stale = await rejection(refresh({ tokenUrl: emu.tokenUrl, ...client, refreshToken: tokens.refreshToken }));
        assert.ok(stale.requiresSignIn);
        // A used code is dead too.
        const reused = await rejection(exchangeCode({ tokenUrl: emu.tokenUrl, ...client, code, redirectUri: loopback.redirectUri }));
        assert.strictEqual(reused.code, 'invalid_grant');
      } finally {
        loopback.dispose();
        await loopback.whenClosed();
        await emu.stop();
      }
    });

    it('the user declining at /login reaches waitForCode as access-denied', async () => {
      const emu = await startEmulator({ seedFaxes: 1 });
      emu.oauth.autoApprove = false;
      const loopback = await OAuthLoopbackServer.start({ timeoutMs: 10_000 });
      try {
        const authorizeUrl = buildAuthorizeUrl({
          authorizeUrl: emu.loginUrl,
          clientId: emu.oauthClient.id,
          redirectUri: loopback.redirectUri,
          state: loopback.state,
        });
        const login = await request(authorizeUrl);
        await login.body.dump();
        const landing = await request(String(login.headers.location));
        await landing.body.dump();
        await assert.rejects(loopback.waitForCode(), (e: unknown) => (e as { kind?: string }).kind === 'access-denied');
      } finally {
        loopback.dispose();
        await loopback.whenClosed();
        await emu.stop();
      }
    });
  });
});
