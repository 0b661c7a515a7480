import * as assert from 'node:assert/strict';
import {
  CancelledError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  PayloadTooLargeError,
  ProtocolError,
  RateLimitedError,
  RequestRejectedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
} from '../../../src/api/errors';
import { makeClient, rejection, TEST_TOKEN } from './support/clientFactory';
import { readBody, sendJson, startServer, type TestServer } from './support/testServer';

const ACCOUNT = {
  uid: 'u1',
  email: 'a@example.com',
  account_type: 'corporate_admin',
  status: 'active',
  creation_date: '2024-01-02 03:04:05',
};

describe('FaxPlusClient transport', () => {
  const servers: TestServer[] = [];
  const serve = async (h: Parameters<typeof startServer>[0]) => {
    const s = await startServer(h);
    servers.push(s);
    return s;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  describe('requests', () => {
    it('sends Bearer token, User-Agent and Accept, keeps the /v3 base path, no x-fax-clientid for a PAT', async () => {
      const s = await serve((_q, res) => sendJson(res, 200, ACCOUNT));
      const { client } = makeClient(s.baseUrl);
      const account = await client.getAccount();
      assert.equal(account.uid, 'u1');
      const r = s.requests[0];
      assert.equal(r.url, '/v3/accounts/self');
      assert.equal(r.headers.authorization, `Bearer ${TEST_TOKEN}`);
      assert.equal(r.headers['user-agent'], 'faxplus-vscode/0.1.0-test');
      assert.equal(r.headers['x-fax-clientid'], undefined);
      client.dispose();
    });

    it('adds x-fax-clientid for an OAuth credential', async () => {
      const s = await serve((_q, res) => sendJson(res, 200, ACCOUNT));
      const { client } = makeClient(s.baseUrl, {
        credentials: { getCredential: async () => ({ token: 'oauth-access', kind: 'oauth', clientId: 'APIK-demo' }) },
      });
      await client.getAccount();
      assert.equal(s.requests[0].headers['x-fax-clientid'], 'APIK-demo');
      assert.equal(s.requests[0].headers.authorization, 'Bearer oauth-access');
      client.dispose();
    });

    it('percent-encodes every path parameter: E.164 + becomes %2B, slashes cannot change the path', async () => {
      const s = await serve((_q, res) =>
        sendJson(res, 200, {
          id: 'n1',
          number: '+15551234567',
          assigned_to: [],
          owner_id: 'u',
          status: 'active',
          acquired_date: '2024-01-01 00:00:00',
        }),
      );
      const { client } = makeClient(s.baseUrl);
      await client.getNumber('+15551234567');
      await client.getNumber('+1 555/../x', 'member 1');
      assert.equal(s.requests[0].url, '/v3/accounts/self/numbers/%2B15551234567');
      assert.equal(s.requests[1].url, '/v3/accounts/member%201/numbers/%2B1%20555%2F..%2Fx');
      client.dispose();
    });

    it('formats listFaxes dates as UTC "YYYY-MM-DD HH:mm:ss" query parameters', async () => {
      const s = await serve((_q, res) => sendJson(res, 200, { data: { records: [] } }));
      const { client } = makeClient(s.baseUrl);
      await client.listFaxes({ category: 'sent', before: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), limit: 10 });
      const url = new URL(s.requests[0].url, s.origin);
      assert.equal(url.pathname, '/v3/accounts/self/faxes');
      assert.equal(url.searchParams.get('before'), '2024-01-02 03:04:05');
      assert.equal(url.searchParams.get('category'), 'sent');
      assert.equal(url.searchParams.get('limit'), '10');
      assert.equal(url.searchParams.has('after'), false);
      client.dispose();
    });

    it('sends the sendFax payload in the API shape with return_ids true', async () => {
      let body: unknown;
      const s = await serve(async (req, res) => {
        body = JSON.parse((await readBody(req)).toString());
        sendJson(res, 201, { ids: { '+15550001': 'fax1' } });
      });
      const { client } = makeClient(s.baseUrl);
      const result = await client.sendFax({
        from: '+15550000',
        to: ['+15550001'],
        files: ['/transient-1'],
        comment: { text: 'hi' },
        sendTime: new Date(Date.UTC(2030, 4, 6, 7, 8, 9)),
        coverPage: { nameTo: 'A', nameFrom: 'B', subject: 'S', flags: ['urgent'] },
      });
      assert.deepEqual(result.ids, { '+15550001': 'fax1' });
      assert.deepEqual(body, {
        from: '+15550000',
        to: ['+15550001'],
        files: ['/transient-1'],
        return_ids: true,
        comment: { text: 'hi' },
        cover_page: { name_to: 'A', name_from: 'B', subject: 'S', flags: ['urgent'] },
        send_time: '2030-05-06 07:08:09 +0000',
      });
      assert.equal(s.requests[0].headers['content-type'], 'application/json');
      client.dispose();
    });

    it('logs method, path template, operation id, status, duration and attempt; never the query or token', async () => {
      const s = await serve((_q, res) => sendJson(res, 200, { data: { records: [] } }));
      const { client, logger } = makeClient(s.baseUrl);
      await client.listFaxes({ category: 'inbox', after: new Date(0) });
      assert.equal(logger.lines.length, 1);
      assert.match(logger.lines[0], /^debug GET \/accounts\/\{user_id\}\/faxes \[listFaxes\] → 200 in \d+ ms \(attempt 1\)$/);
      client.dispose();
    });
  });

  describe('typed errors', () => {
    const cases: [number, abstract new (...args: never[]) => Error, string][] = [
      [400, RequestRejectedError, 'too_many_files'],
      [401, UnauthorizedError, 'invalid_token'],
      [403, ForbiddenError, 'insufficient_scope'],
      [404, NotFoundError, 'not_found'],
      [413, PayloadTooLargeError, 'payload_too_large'],
      [429, RateLimitedError, 'rate_limit_exceeded'],
      [503, ServerError, 'unavailable'],
    ];
    for (const [status, type, code] of cases) {
      it(`${status} → ${type.name} with the server's error and description`, async () => {
        const s = await serve((_q, res) => sendJson(res, status, { error: code, description: `said ${code}` }));
        const { client } = makeClient(s.baseUrl, { retryPolicy: { maxAttempts: 1 } });
        const error = (await rejection(client.sendFax({ from: 'no_number', to: ['+1'], files: ['/f'] }))) as ServerError;
        assert.ok(error instanceof type, String(error));
        assert.equal(error.status, status);
        assert.equal(error.code, code);
        assert.equal(error.description, `said ${code}`);
        assert.equal(error.operationId, 'sendFax');
        client.dispose();
      });
    }

    it("403 carries the operation's permitted scopes", async () => {
      const s = await serve((_q, res) => sendJson(res, 403, { error: 'insufficient_scope', description: 'no' }));
      const { client } = makeClient(s.baseUrl);
      const error = (await rejection(client.listNumbers())) as ForbiddenError;
      assert.deepEqual(error.permittedScopes, ['fax:all:read', 'fax:numbers:read']);
    });

    it('a non-JSON error body still gives the typed error', async () => {
      const s = await serve((_q, res) => {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<html>nope</html>');
      });
      const { client } = makeClient(s.baseUrl);
      const error = (await rejection(client.getFax('x'))) as NotFoundError;
      assert.ok(error instanceof NotFoundError);
      assert.equal(error.code, undefined);
    });

    it('malformed JSON in a 200 → ProtocolError (not retried)', async () => {
      const s = await serve((_q, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"data": {"records": [');
      });
      const { client } = makeClient(s.baseUrl);
      assert.ok((await rejection(client.listFaxes())) instanceof ProtocolError);
      assert.equal(s.requests.length, 1);
    });

    it('wrong shape (records not an array) → ProtocolError', async () => {
      const s = await serve((_q, res) => sendJson(res, 200, { data: { records: 'nope' } }));
      const { client } = makeClient(s.baseUrl);
      assert.ok((await rejection(client.listFaxes())) instanceof ProtocolError);
    });

    it('no credential → UnauthorizedError without any request', async () => {
      const s = await serve((_q, res) => sendJson(res, 200, ACCOUNT));
      const { client } = makeClient(s.baseUrl, { credentials: { getCredential: async () => undefined } });
      const error = (await rejection(client.getAccount())) as UnauthorizedError;
      assert.ok(error instanceof UnauthorizedError);
      assert.equal(error.code, 'no_credential');
      assert.equal(s.requests.length, 0);
    });
  });

  describe('401 and credential refresh', () => {
    it('asks once for a refreshed credential and repeats the request once (even a POST)', async () => {
      const s = await serve((req, res) =>
        req.headers.authorization === 'Bearer fresh'
          ? sendJson(res, 201, { ids: {} })
          : sendJson(res, 401, { error: 'invalid_token', description: 'expired' }),
      );
      let refreshes = 0;
      const { client } = makeClient(s.baseUrl, {
        credentials: {
          getCredential: async () => ({ token: 'stale', kind: 'oauth', clientId: 'APIK-x' }),
          onUnauthorized: async (rejected) => {
            refreshes++;
            assert.equal(rejected.token, 'stale');
            return { token: 'fresh', kind: 'oauth', clientId: 'APIK-x' };
          },
        },
      });
      await client.sendFax({ from: 'no_number', to: ['+1'], files: ['/f'] });
      assert.equal(refreshes, 1);
      assert.equal(s.requests.length, 2);
    });

    it('gives up after the repeat also gets 401 (no loop)', async () => {
      const s = await serve((_q, res) => sendJson(res, 401, { error: 'invalid_token' }));
      let n = 0;
      const { client } = makeClient(s.baseUrl, {
        credentials: {
          getCredential: async () => ({ token: 't0', kind: 'pat' }),
          onUnauthorized: async () => ({ token: `t${++n}`, kind: 'pat' }),
        },
      });
      assert.ok((await rejection(client.getAccount())) instanceof UnauthorizedError);
      assert.equal(s.requests.length, 2);
      assert.equal(n, 1);
    });

    it('a refresh that fails or returns nothing leaves the 401', async () => {
      const s = await serve((_q, res) => sendJson(res, 401, { error: 'invalid_token' }));
      const { client } = makeClient(s.baseUrl, {
        credentials: {
          getCredential: async () => ({ token: 't0', kind: 'pat' }),
          onUnauthorized: async () => {
            throw new Error('revoked');
          },
        },
      });
      assert.ok((await rejection(client.getAccount())) instanceof UnauthorizedError);
      assert.equal(s.requests.length, 1);
    });
  });

  describe('retries', () => {
    it('GET: retries 503 with exponential backoff and jitter, bounded to 3 attempts', async () => {
      const s = await serve((_q, res) => sendJson(res, 503, { error: 'unavailable' }));
      const { client, sleeps } = makeClient(s.baseUrl);
      assert.ok((await rejection(client.getAccount())) instanceof ServerError);
      assert.equal(s.requests.length, 3);
      // random() = 0.5 → 3/4 of 500 ms, then of 1000 ms
      assert.deepEqual(sleeps, [375, 750]);
    });

    it('GET: succeeds after transient 502/504', async () => {
      const s = await serve((_q, res, i) => (i < 2 ? sendJson(res, i === 0 ? 502 : 504, {}) : sendJson(res, 200, ACCOUNT)));
      const { client } = makeClient(s.baseUrl);
      assert.equal((await client.getAccount()).uid, 'u1');
      assert.equal(s.requests.length, 3);
    });

    it('500 is retried for GET but not for PUT/DELETE', async () => {
      const s = await serve((_q, res) => sendJson(res, 500, { error: 'boom' }));
      const { client } = makeClient(s.baseUrl);
      await rejection(client.getFax('f1'));
      assert.equal(s.requests.length, 3);
      await rejection(client.deleteFax('f1'));
      assert.equal(s.requests.length, 4);
    });

    it('honours Retry-After in seconds and as an HTTP date', async () => {
      const s = await serve((_q, res, i) =>
        i === 0
          ? sendJson(res, 429, { error: 'rate_limit_exceeded' }, { 'retry-after': '2' })
          : i === 1
            ? sendJson(res, 503, {}, { 'retry-after': new Date(Date.now() + 5000).toUTCString() })
            : sendJson(res, 200, ACCOUNT),
      );
      const { client, sleeps } = makeClient(s.baseUrl);
      await client.getAccount();
      assert.equal(sleeps[0], 2000);
      assert.ok(sleeps[1] > 3000 && sleeps[1] <= 5000, String(sleeps[1]));
    });

    it('does not wait for a Retry-After beyond the cap: RateLimitedError with retryAfterMs', async () => {
      const s = await serve((_q, res) => sendJson(res, 429, { error: 'rate_limit_exceeded' }, { 'retry-after': '3600' }));
      const { client, sleeps } = makeClient(s.baseUrl);
      const error = (await rejection(client.getAccount())) as RateLimitedError;
      assert.ok(error instanceof RateLimitedError);
      assert.equal(error.retryAfterMs, 3_600_000);
      assert.deepEqual(sleeps, []);
      assert.equal(s.requests.length, 1);
    });

    it('sendFax is never retried on 429/5xx', async () => {
      for (const status of [429, 500, 502, 503, 504]) {
        const s = await serve((_q, res) => sendJson(res, status, {}, { 'retry-after': '1' }));
        const { client } = makeClient(s.baseUrl);
        await rejection(client.sendFax({ from: 'no_number', to: ['+1'], files: ['/f'] }));
        assert.equal(s.requests.length, 1, `status ${status}`);
      }
    });

    it('sendFax whose connection is reset after the body was received → NetworkError maybeDelivered, not retried', async () => {
      const s = await serve(async (req) => {
        await readBody(req);
        req.socket.destroy();
      });
      const { client } = makeClient(s.baseUrl);
      const error = (await rejection(client.sendFax({ from: 'no_number', to: ['+1'], files: ['/f'] }))) as NetworkError;
      assert.ok(error instanceof NetworkError, String(error));
      assert.equal(error.maybeDelivered, true);
      assert.equal(s.requests.length, 1);
    });

    it('GET whose connection is reset mid-body is retried', async () => {
      const s = await serve((_q, res, i) => {
        if (i === 0) {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
          res.write('{"uid": "u1", ');
          setTimeout(() => res.socket?.destroy(), 20);
          return;
        }
        sendJson(res, 200, ACCOUNT);
      });
      const { client } = makeClient(s.baseUrl);
      assert.equal((await client.getAccount()).uid, 'u1');
      assert.equal(s.requests.length, 2);
    });

    it('connection refused: NetworkError maybeDelivered false, retried even for sendFax (nothing left)', async () => {
      const s = await serve(() => undefined);
      const url = s.baseUrl;
      await s.close();
      servers.length = 0;
      const { client, sleeps } = makeClient(url);
      const error = (await rejection(client.sendFax({ from: 'no_number', to: ['+1'], files: ['/f'] }))) as NetworkError;
      assert.ok(error instanceof NetworkError);
      assert.equal(error.networkCode, 'ECONNREFUSED');
      assert.equal(error.maybeDelivered, false);
      assert.equal(sleeps.length, 2);
    });
  });

  describe('timeouts and cancellation', () => {
    it('a server slower than the headers timeout → TimeoutError (retried for GET, then thrown)', async () => {
      const s = await serve((_q, res) => {
        // undici checks timeouts on a coarse (~0.5 s) timer: answer well after that.
        setTimeout(() => sendJson(res, 200, ACCOUNT), 2500);
      });
      const { client } = makeClient(s.baseUrl, { timeouts: { headersMs: 100 }, retryPolicy: { maxAttempts: 2 } });
      const error = (await rejection(client.getAccount())) as TimeoutError;
      assert.ok(error instanceof TimeoutError, String(error));
      assert.equal(error.phase, 'headers');
      assert.equal(s.requests.length, 2);
      client.dispose();
    });

    it('sendFax that times out waiting for the answer: maybeDelivered, not retried', async () => {
      const s = await serve(() => undefined);
      const { client } = makeClient(s.baseUrl, { timeouts: { headersMs: 100 } });
      const error = (await rejection(client.sendFax({ from: 'no_number', to: ['+1'], files: ['/f'] }))) as TimeoutError;
      assert.ok(error instanceof TimeoutError);
      assert.equal(error.maybeDelivered, true);
      assert.equal(s.requests.length, 1);
      client.dispose();
    });

    it('a body that stalls longer than the body timeout → TimeoutError body', async () => {
      const s = await serve((_q, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"uid":');
      });
      const { client } = makeClient(s.baseUrl, { timeouts: { bodyMs: 100 }, retryPolicy: { maxAttempts: 1 } });
      const error = (await rejection(client.getAccount())) as TimeoutError;
      assert.ok(error instanceof TimeoutError, String(error));
      assert.equal(error.phase, 'body');
      client.dispose();
    });

    it('an AbortSignal cancels an in-flight call → CancelledError', async () => {
      const s = await serve(() => undefined);
      const { client } = makeClient(s.baseUrl);
      const controller = new AbortController();
      const pending = client.getAccount('self', { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      const error = await rejection(pending);
      assert.ok(error instanceof CancelledError, String(error));
      client.dispose();
    });

    it('an already aborted signal sends nothing; aborting during the retry wait stops the retries', async () => {
      const s = await serve((_q, res) => sendJson(res, 503, {}));
      const controller = new AbortController();
      controller.abort();
      const { client } = makeClient(s.baseUrl);
      const first = (await rejection(client.getAccount('self', { signal: controller.signal }))) as CancelledError;
      assert.ok(first instanceof CancelledError);
      assert.equal(first.maybeDelivered, false);
      assert.equal(s.requests.length, 0);

      const c2 = new AbortController();
      const { client: c } = makeClient(s.baseUrl, {
        sleep: async () => {
          c2.abort();
          throw new Error('aborted');
        },
      });
      assert.ok((await rejection(c.getAccount('self', { signal: c2.signal }))) instanceof CancelledError);
      assert.equal(s.requests.length, 1);
    });
  });

  describe('redirects', () => {
    it('follows a redirect to another origin without Authorization or x-fax-clientid', async () => {
      const other = await serve((_q, res) => sendJson(res, 200, ACCOUNT));
      const s = await serve((_q, res) => {
        res.writeHead(302, { location: `${other.origin}/elsewhere` });
        res.end();
      });
      const { client } = makeClient(s.baseUrl, {
        credentials: { getCredential: async () => ({ token: TEST_TOKEN, kind: 'oauth', clientId: 'APIK-1' }) },
      });
      await client.getAccount();
      assert.equal(s.requests[0].headers.authorization, `Bearer ${TEST_TOKEN}`);
      assert.equal(other.requests[0].headers.authorization, undefined);
      assert.equal(other.requests[0].headers['x-fax-clientid'], undefined);
    });

    it('keeps Authorization on a same-origin redirect', async () => {
      const s = await serve((req, res) => {
        if (req.url === '/v3/accounts/self') {
          res.writeHead(307, { location: '/v3/moved' });
          res.end();
        } else sendJson(res, 200, ACCOUNT);
      });
      const { client } = makeClient(s.baseUrl);
      await client.getAccount();
      assert.equal(s.requests[1].url, '/v3/moved');
      assert.equal(s.requests[1].headers.authorization, `Bearer ${TEST_TOKEN}`);
    });

    it('stops after a few redirects with a ProtocolError', async () => {
      const s = await serve((_q, res) => {
        res.writeHead(302, { location: '/v3/again' });
        res.end();
      });
      const { client } = makeClient(s.baseUrl);
      assert.ok((await rejection(client.getAccount())) instanceof ProtocolError);
      assert.equal(s.requests.length, 4);
    });

    it('a hostile chain: once it left the API origin, a redirect back to the API carries no credentials', async () => {
      let apiOrigin = '';
      const other = await serve((_q, res) => {
        res.writeHead(302, { location: `${apiOrigin}/v3/accounts/other` });
        res.end();
      });
      const s = await serve((req, res) => {
        if (req.url === '/v3/accounts/self') {
          res.writeHead(302, { location: `${other.origin}/bounce` });
          res.end();
        } else sendJson(res, 200, ACCOUNT);
      });
      apiOrigin = s.origin;
      const { client } = makeClient(s.baseUrl, {
        credentials: { getCredential: async () => ({ token: TEST_TOKEN, kind: 'oauth', clientId: 'APIK-1' }) },
      });
      await client.getAccount();
      assert.equal(s.requests[0].headers.authorization, `Bearer ${TEST_TOKEN}`);
      assert.equal(other.requests[0].headers.authorization, undefined);
      assert.equal(s.requests[1].url, '/v3/accounts/other', 'the chain came back to the API origin');
      assert.equal(s.requests[1].headers.authorization, undefined, 'without the token');
      assert.equal(s.requests[1].headers['x-fax-clientid'], undefined);
    });

    it('a 307/308 to another origin never replays an upload or the outbox body there', async () => {
      for (const status of [307, 308]) {
        const other = await serve((_q, res) => sendJson(res, 200, { path: '/x.pdf', id: 'elsewhere' }));
        const s = await serve((req, res) => {
          res.writeHead(status, { location: `${other.origin}${req.url}` });
          res.end();
        });
        const { client } = makeClient(s.baseUrl);
        const upload = await rejection(
          client.uploadFile({
            name: 'a.pdf',
            size: 3,
            open: async function* () {
              yield Buffer.from('PDF');
            },
          }),
        );
        assert.ok(upload instanceof ProtocolError, `upload ${status}: ${String(upload)}`);
        const send = await rejection(client.sendFax({ from: 'no_number', to: ['+15551234567'], files: ['/x.pdf'] }));
        assert.ok(send instanceof ProtocolError, `send ${status}: ${String(send)}`);
        assert.equal(other.requests.length, 0, `${status}: nothing reached the other origin`);
      }
    });

    it('does not turn a redirected POST into another request', async () => {
      const s = await serve((_q, res) => {
        res.writeHead(302, { location: '/v3/elsewhere' });
        res.end();
      });
      const { client } = makeClient(s.baseUrl);
      assert.ok((await rejection(client.sendFax({ from: 'no_number', to: ['+1'], files: ['/f'] }))) instanceof ProtocolError);
      assert.equal(s.requests.length, 1);
    });
  });
});
