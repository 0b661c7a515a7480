import * as assert from 'assert';
import { get, type IncomingHttpHeaders } from 'node:http';
import { decideCallback, isLoopbackAddress, OAuthLoopbackError, OAuthLoopbackServer } from '../../../src/auth/oauthLoopbackServer';

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** What a browser following the redirect would do, on a fresh connection each time. */
function browse(url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }).on('error', reject);
  });
}

function callback(server: OAuthLoopbackServer, query: Record<string, string>): Promise<Answer> {
  return browse(`${server.redirectUri}?${new URLSearchParams(query).toString()}`);
}

async function rejection(promise: Promise<unknown>): Promise<OAuthLoopbackError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof OAuthLoopbackError, `expected OAuthLoopbackError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected a rejection');
}

describe('OAuthLoopbackServer', () => {
  const started: OAuthLoopbackServer[] = [];
  async function start(options: Parameters<typeof OAuthLoopbackServer.start>[0] = {}): Promise<OAuthLoopbackServer> {
    const server = await OAuthLoopbackServer.start(options);
    started.push(server);
    return server;
  }
  afterEach(async () => {
    for (const server of started.splice(0)) {
      server.dispose();
      await server.whenClosed();
    }
  });

  it('listens on a random loopback port and makes an unguessable url-safe state', async () => {
    const a = await start();
    const b = await start();
    assert.match(a.redirectUri, /^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    assert.notStrictEqual(a.port, 0);
    assert.match(a.state, /^[A-Za-z0-9_-]{43}$/);
    assert.notStrictEqual(a.state, b.state);
  });

  it('uses a state and port the caller chose', async () => {
    const probe = await start();
    const port = probe.port;
    probe.dispose();
    await probe.whenClosed();
    const server = await start({ port, state: 'caller-state-0123456789' });
    assert.strictEqual(server.redirectUri, `http://127.0.0.1:${port}/callback`);
    assert.strictEqual(server.state, 'caller-state-0123456789');
    await assert.rejects(OAuthLoopbackServer.start({ state: 'short' }));
  });

  it('returns the code of a valid callback, shows a locked-down page and closes', async () => {
    const server = await start();
    const answer = await callback(server, { code: 'the-code', state: server.state });

    assert.strictEqual(await server.waitForCode(), 'the-code');
    assert.strictEqual(answer.status, 200);
    assert.match(answer.headers['content-type'] ?? '', /^text\/html/);
    assert.match(String(answer.headers['content-security-policy']), /default-src 'none'/);
    assert.strictEqual(answer.headers['cache-control'], 'no-store');
    assert.match(answer.body, /Signed in to Fax\.Plus/);
    assert.ok(!/the-code/.test(answer.body), 'the page must not echo the code');
    assert.ok(!/<script|src=|href=/i.test(answer.body), 'no scripts or external resources');
    await server.whenClosed();
  });

  it('refuses a second callback after success', async () => {
    const server = await start();
    await callback(server, { code: 'first', state: server.state });
    assert.strictEqual(await server.waitForCode(), 'first');
    const second = await callback(server, { code: 'second', state: server.state }).then(
      (a) => a.status,
      (e: NodeJS.ErrnoException) => e.code,
    );
    assert.ok(second === 410 || second === 'ECONNREFUSED' || second === 'ECONNRESET', `second callback got ${second}`);
    assert.strictEqual(await server.waitForCode(), 'first');
  });

  it('answers 400 to a wrong state and keeps waiting for the right one', async () => {
    const server = await start();
    assert.strictEqual((await callback(server, { code: 'forged', state: 'x'.repeat(43) })).status, 400);
    assert.strictEqual(
      (await callback(server, { error: 'access_denied', state: 'wrong' })).status,
      400,
      'a forged denial must not end the sign-in',
    );
    assert.strictEqual((await callback(server, { error: 'access_denied' })).status, 400, 'a denial without state must not end the sign-in');
    await callback(server, { code: 'real', state: server.state });
    assert.strictEqual(await server.waitForCode(), 'real');
    assert.strictEqual(server.stateWasMissing, false);
  });

  it('accepts a code without any state (no Fax.Plus source shows state coming back) and says so', async () => {
    const server = await start();
    const answer = await callback(server, { code: 'no-state' });
    assert.strictEqual(answer.status, 200);
    assert.strictEqual(await server.waitForCode(), 'no-state');
    assert.strictEqual(server.stateWasMissing, true);
  });

  it('rejects with access-denied when the user declines', async () => {
    const server = await start();
    const answer = await callback(server, { error: 'access_denied', state: server.state });
    const err = await rejection(server.waitForCode());
    assert.strictEqual(err.kind, 'access-denied');
    assert.strictEqual(err.oauthError, 'access_denied');
    assert.match(answer.body, /not completed/);
    await server.whenClosed();
  });

  it('never reflects an unexpected error value into the page', async () => {
    const server = await start();
    const answer = await callback(server, { error: '<script>alert(1)</script>', state: server.state });
    assert.ok(!answer.body.includes('<script>alert'), answer.body);
    assert.strictEqual((await rejection(server.waitForCode())).kind, 'authorization-failed');
  });

  it('gives up after the timeout and closes', async () => {
    const server = await start({ timeoutMs: 50 });
    assert.strictEqual((await rejection(server.waitForCode())).kind, 'timeout');
    await server.whenClosed();
  });

  it('stops when the AbortSignal fires, or refuses to start when it already has', async () => {
    const controller = new AbortController();
    const server = await start({ signal: controller.signal });
    controller.abort();
    assert.strictEqual((await rejection(server.waitForCode())).kind, 'cancelled');
    await server.whenClosed();

    await assert.rejects(OAuthLoopbackServer.start({ signal: AbortSignal.abort() }), OAuthLoopbackError);
  });

  it('dispose() cancels the wait and closes even with an idle connection open', async () => {
    const server = await start();
    await browse(`http://127.0.0.1:${server.port}/favicon.ico`); // a browser's side request
    server.dispose();
    server.dispose();
    assert.strictEqual((await rejection(server.waitForCode())).kind, 'cancelled');
    await server.whenClosed();
  });

  describe('decideCallback', () => {
    const state = 's'.repeat(43);
    const valid = { method: 'GET', url: `/callback?code=c&state=${state}`, host: '127.0.0.1:5000', remoteAddress: '127.0.0.1' };

    it('refuses connections that are not from this machine', () => {
      assert.deepStrictEqual(decideCallback({ ...valid, remoteAddress: '192.168.1.20' }, state, 5000), { type: 'refuse', status: 403 });
      assert.deepStrictEqual(decideCallback({ ...valid, remoteAddress: undefined }, state, 5000), { type: 'refuse', status: 403 });
      assert.deepStrictEqual(decideCallback({ ...valid, remoteAddress: '::ffff:127.0.0.1' }, state, 5000), { type: 'code', code: 'c' });
      assert.ok(isLoopbackAddress('::1') && isLoopbackAddress('127.8.9.10') && !isLoopbackAddress('::ffff:10.0.0.1'));
    });

    it('refuses a foreign Host header (DNS rebinding)', () => {
      assert.deepStrictEqual(decideCallback({ ...valid, host: 'evil.example:5000' }, state, 5000), { type: 'refuse', status: 403 });
    });

    it('ignores other paths and methods', () => {
      assert.deepStrictEqual(decideCallback({ ...valid, url: '/favicon.ico' }, state, 5000), { type: 'refuse', status: 404 });
      assert.deepStrictEqual(decideCallback({ ...valid, method: 'POST' }, state, 5000), { type: 'refuse', status: 405 });
    });

    it('wants exactly one state and one code', () => {
      const dupState = `/callback?code=c&state=${state}&state=${state}`;
      assert.deepStrictEqual(decideCallback({ ...valid, url: dupState }, state, 5000), { type: 'bad-request', status: 400 });
      assert.deepStrictEqual(decideCallback({ ...valid, url: `/callback?state=${state}` }, state, 5000), {
        type: 'bad-request',
        status: 400,
      });
    });
  });
});
