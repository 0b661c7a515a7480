import * as assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FaxPlusError } from '../../../src/api/errors';
import { makeClient, rejection } from './support/clientFactory';
import { readBody, startServer, type TestServer } from './support/testServer';

const CANARY = 'alohi_pat_CANARY_d9f8a7s6d5f4';
const OAUTH_CANARY = 'oauthCANARYaccess9876543210';

/** Every kind of failure, each echoing the Authorization header back where it can. */
function echoingServer(): Promise<TestServer> {
  return startServer(async (req, res) => {
    const auth = String(req.headers.authorization);
    const modes = ['e400', 'e401', 'e403', 'e404', 'e413', 'e429', 'e500', 'e503', 'badjson', 'shape', 'reset', 'redirect'];
    // The mode rides in the path, or for a send in the uploaded file's path (the body).
    const body = await readBody(req).then(
      (b) => b.toString('utf8'),
      () => '',
    );
    const mode =
      (req.url ?? '').split(/[/?]/).find((segment) => modes.includes(segment)) ?? modes.find((m) => body.includes(`"/${m}"`)) ?? 'slow';
    const statuses: Record<string, number> = { e400: 400, e401: 401, e403: 403, e404: 404, e413: 413, e429: 429, e500: 500, e503: 503 };
    if (mode in statuses) {
      res.writeHead(statuses[mode], { 'content-type': 'application/json', 'retry-after': '3600' });
      res.end(JSON.stringify({ error: `bad ${auth}`, description: `token ${auth} ${req.headers.authorization?.slice(7)} refused` }));
    } else if (mode === 'badjson') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"oops": "${auth}`);
    } else if (mode === 'shape') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify([auth]));
    } else if (mode === 'reset') {
      req.socket.destroy();
    } else if (mode === 'redirect') {
      res.writeHead(302, { location: `http://127.0.0.1:1/${auth}` });
      res.end();
    } else {
      // slow: let the headers timeout fire
    }
  });
}

function assertClean(text: string, where: string): void {
  for (const secret of [CANARY, OAUTH_CANARY, CANARY.slice('alohi_pat_'.length)]) {
    assert.ok(!text.includes(secret), `${where} leaks the token: ${text}`);
  }
}

describe('the token never appears in errors or logs', () => {
  let server: TestServer;
  let dir: string;
  before(async () => {
    server = await echoingServer();
    dir = await mkdtemp(join(tmpdir(), 'faxplus-canary-'));
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  for (const kind of ['pat', 'oauth'] as const) {
    it(`covers every error type (${kind})`, async () => {
      const token = kind === 'pat' ? CANARY : OAUTH_CANARY;
      const { client, logger } = makeClient(server.baseUrl, {
        credentials: {
          getCredential: async () => ({ token, kind, clientId: 'APIK-c' }),
          onUnauthorized: async () => undefined,
        },
        timeouts: { headersMs: 200 },
        retryPolicy: { maxAttempts: 2 },
      });
      const calls: (() => Promise<unknown>)[] = [];
      for (const mode of [
        'e400',
        'e401',
        'e403',
        'e404',
        'e413',
        'e429',
        'e500',
        'e503',
        'badjson',
        'shape',
        'reset',
        'redirect',
        'slow',
      ]) {
        calls.push(() => client.getFax(mode));
        // A POST (not retried, maybeDelivered paths), the mode in its body.
        if (mode !== 'shape') calls.push(() => client.sendFax({ from: 'no_number', to: ['+15550000002'], files: [`/${mode}`] }));
      }
      const controller = new AbortController();
      calls.push(() => {
        const p = client.getFax('slow', { signal: controller.signal });
        setTimeout(() => controller.abort(), 20);
        return p;
      });
      calls.push(() => client.downloadFile('reset', 'pdf', join(dir, 'x.pdf')));
      calls.push(() => client.downloadFileBytes('badjson', 'pdf', { maxBytes: 1 }));
      calls.push(() => client.uploadFile({ name: 'a.exe', size: 1, open: async function* () {} }));
      calls.push(() =>
        client.uploadFile({
          name: 'a.pdf',
          size: 5,
          open: async function* () {
            yield new Uint8Array(1);
          },
        }),
      );
      calls.push(() =>
        makeClient('http://127.0.0.1:1/v3', {
          credentials: { getCredential: async () => ({ token, kind }) },
          retryPolicy: { maxAttempts: 1 },
        }).client.getFax('x'),
      );

      const names = new Set<string>();
      let scrubbed = 0;
      for (const call of calls) {
        const error = await rejection(call());
        assert.ok(error instanceof FaxPlusError, String(error));
        names.add(error.name);
        if (error.description?.includes('[redacted]')) scrubbed++;
        assertClean(error.message, `${error.name}.message`);
        assertClean(String(error.stack), `${error.name}.stack`);
        assertClean(JSON.stringify(error), `${error.name} JSON`);
        assertClean(JSON.stringify(Object.entries(error)), `${error.name} properties`);
        assertClean(String(error), `${error.name} toString`);
      }
      for (const expected of [
        'RequestRejectedError',
        'UnauthorizedError',
        'ForbiddenError',
        'NotFoundError',
        'PayloadTooLargeError',
        'RateLimitedError',
        'ServerError',
        'ProtocolError',
        'NetworkError',
        'TimeoutError',
        'CancelledError',
        'UploadSourceError',
        'ResponseTooLargeError',
      ]) {
        assert.ok(names.has(expected), `not exercised: ${expected} (got ${[...names].join(', ')})`);
      }
      assert.ok(scrubbed >= 8, 'the server echoed the token and the client scrubbed it');
      assert.ok(logger.lines.length > 10);
      assertClean(logger.lines.join('\n'), 'logger');
      client.dispose();
    });
  }
});
