import * as assert from 'node:assert/strict';
import { exchangeCode, OAuthError, refresh } from '../../../src/api/oauthClient';
import { ProtocolError, ServerError, UnauthorizedError } from '../../../src/api/errors';
import { ApiTokenValidator } from '../../../src/auth/apiTokenValidator';
import type { ClientFactory } from '../../../src/client/clientFactory';
import { makeClient, rejection } from './support/clientFactory';
import { readBody, sendJson, startServer, type TestServer } from './support/testServer';

/** Where the real Fax.Plus may differ from our reconstruction: the client's tolerance, case by case. */
describe('client tolerance of the real Fax.Plus (issue 12 A.3–A.7)', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  describe('OAuth token requests: form body first, the query string once after a 400 that is not invalid_grant', () => {
    const seen: { query: URLSearchParams; body: string }[] = [];
    async function endpoint(reply: (query: URLSearchParams, body: string) => [number, unknown]) {
      seen.length = 0;
      server = await startServer(async (req, res) => {
        const body = (await readBody(req)).toString('utf8');
        const query = new URL(req.url ?? '/', 'http://x').searchParams;
        seen.push({ query, body });
        const [status, json] = reply(query, body);
        sendJson(res, status, json);
      });
      return { tokenUrl: `${server.origin}/token`, clientId: 'cid', clientSecret: 'secret-value' };
    }
    const ok = { access_token: 'at-new', refresh_token: 'rt-new', expires_in: 3600 };

    it('refresh: a server reading only the query gets the parameters there on the second try, never in both places', async () => {
      const common = await endpoint((query) =>
        query.get('grant_type') === 'refresh_token' ? [200, ok] : [400, { error: 'unsupported_grant_type' }],
      );
      const tokens = await refresh({ ...common, refreshToken: 'rt-old' });
      assert.equal(tokens.accessToken, 'at-new');
      assert.equal(seen.length, 2);
      assert.equal([...seen[0].query.keys()].length, 0);
      assert.match(seen[0].body, /grant_type=refresh_token/);
      assert.equal(seen[1].body, '');
      assert.equal(seen[1].query.get('refresh_token'), 'rt-old');
      assert.equal(seen[1].query.get('client_id'), 'cid');
    });

    it('code exchange: the same fallback', async () => {
      const common = await endpoint((query) => (query.get('code') === 'c1' ? [200, ok] : [400, { error: 'invalid_request' }]));
      const tokens = await exchangeCode({ ...common, code: 'c1', redirectUri: 'http://127.0.0.1:1/callback' });
      assert.equal(tokens.refreshToken, 'rt-new');
      assert.equal(seen.length, 2);
      assert.equal(seen[1].query.get('redirect_uri'), 'http://127.0.0.1:1/callback');
    });

    it('invalid_grant is final: no second request', async () => {
      const common = await endpoint(() => [400, { error: 'invalid_grant' }]);
      const err = await rejection(refresh({ ...common, refreshToken: 'rt-dead' }));
      assert.ok(err instanceof OAuthError && err.requiresSignIn);
      assert.equal(seen.length, 1);
    });

    it('retries once only: a second 400 is the answer', async () => {
      const common = await endpoint(() => [400, { error: 'invalid_request', error_description: 'no' }]);
      const err = await rejection(refresh({ ...common, refreshToken: 'rt' }));
      assert.ok(err instanceof OAuthError && err.kind === 'rejected');
      assert.equal(seen.length, 2);
    });
  });

  describe('answers that are not JSON', () => {
    it('an HTML 502/503/504 page is a ServerError with a clean message (retried for GET), never a parse error', async () => {
      server = await startServer((_req, res) => {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>');
      });
      const { client, sleeps } = makeClient(server.baseUrl);
      const err = await rejection(client.listFaxes());
      assert.ok(err instanceof ServerError && !(err instanceof ProtocolError), String(err));
      assert.equal(err.status, 502);
      assert.equal(err.gatewayPage, true);
      assert.doesNotMatch(err.message, /<|html|JSON/i);
      assert.match(err.message, /gateway/);
      assert.equal(sleeps.length, 2, 'a GET is retried as for any 502');
      client.dispose();
    });

    it('a 500 on /accounts/self or /auth/token carries the Enterprise hint; elsewhere it does not', async () => {
      server = await startServer((_req, res) => sendJson(res, 500, { error: 'internal_error' }));
      const { client } = makeClient(server.baseUrl, { retryPolicy: { maxAttempts: 1 } });
      for (const call of [() => client.getAccount(), () => client.getTokenInfo()]) {
        const err = await rejection(call());
        assert.ok(err instanceof ServerError && err.enterpriseHint === true, String(err));
        assert.match(err.message, /Enterprise/);
      }
      for (const call of [() => client.listFaxes(), () => client.getAccount('member-uid')]) {
        const err = await rejection(call());
        assert.ok(err instanceof ServerError && err.enterpriseHint === undefined, String(err));
        assert.doesNotMatch(err.message, /Enterprise/);
      }
      client.dispose();
    });
  });

  describe('assigning a number: PUT, then POST after a 405', () => {
    async function assignAgainst(putStatus: number) {
      server = await startServer(async (req, res) => {
        await readBody(req);
        sendJson(res, req.method === 'PUT' ? putStatus : 200, putStatus === 200 || req.method !== 'PUT' ? {} : { error: 'x' });
      });
      const { client } = makeClient(server.baseUrl);
      const outcome = await client.assignNumber('+15550001', 'member').then(
        () => 'ok',
        (e: Error) => e.name,
      );
      client.dispose();
      return { outcome, methods: server.requests.map((r) => r.method) };
    }

    it('405 → one POST', async () => {
      assert.deepEqual(await assignAgainst(405), { outcome: 'ok', methods: ['PUT', 'POST'] });
    });
    it('200 → no POST; 400 → the error, no POST', async () => {
      assert.deepEqual(await assignAgainst(200), { outcome: 'ok', methods: ['PUT'] });
      await server?.close();
      assert.deepEqual(await assignAgainst(400), { outcome: 'RequestRejectedError', methods: ['PUT'] });
    });
  });

  describe('sign-in without GET /auth/token', () => {
    function validatorFor(tokenStatus: number) {
      return startServer((req, res) => {
        if (req.url?.startsWith('/v3/auth/token')) {
          sendJson(res, tokenStatus, { error: 'x' });
        } else {
          sendJson(res, 200, { uid: 'u1', email: 'a@b.c', account_type: 'corporate_admin' });
        }
      });
    }
    const factory = (baseUrl: string) =>
      ({ create: (credentials) => makeClient(baseUrl, { credentials }).client }) as Pick<ClientFactory, 'create'> as ClientFactory;

    for (const status of [404, 405]) {
      it(`${status}: signed in through /accounts/self, scopes unknown (every command offered)`, async () => {
        server = await validatorFor(status);
        const facts = await new ApiTokenValidator(factory(server.baseUrl)).validate({ token: 't', kind: 'pat' }, 'secretStorage');
        assert.equal(facts.scopesUnknown, true);
        assert.deepEqual(facts.scopes, ['all']);
        assert.equal(facts.account?.uid, 'u1');
        assert.equal(facts.expiresAt, undefined);
      });
    }

    it('401 and 500 are not "missing": the sign-in fails', async () => {
      server = await validatorFor(401);
      assert.ok(
        (await rejection(new ApiTokenValidator(factory(server.baseUrl)).validate({ token: 't', kind: 'pat' }, 'secretStorage'))) instanceof
          UnauthorizedError,
      );
      await server.close();
      server = await validatorFor(500);
      const err = await rejection(new ApiTokenValidator(factory(server.baseUrl)).validate({ token: 't', kind: 'pat' }, 'secretStorage'));
      assert.ok(err instanceof ServerError && err.enterpriseHint);
    });
  });
});
