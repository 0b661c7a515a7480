import * as assert from 'assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ProxyOptions } from '../../../src/api/dispatcherFactory';
import { FaxPlusClient } from '../../../src/api/faxPlusClient';
import { exchangeCode, OAuthError, refresh } from '../../../src/api/oauthClient';
import { startEmulator, type Emulator } from '../../emulator';
import { startRecordingProxy, type RecordingProxy } from './support/recordingProxy';

const CLIENT = { clientId: 'APIK-proxy-1', clientSecret: 'CANARY-proxy-secret' };
const NO_ENV = {};
const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** A token endpoint that answers every grant and records the headers it received. */
async function startTokenServer(tls?: { key: Buffer; cert: Buffer }) {
  const headers: http.IncomingHttpHeaders[] = [];
  const handler: http.RequestListener = (req, res) => {
    headers.push(req.headers);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'at-1', refresh_token: 'rt-1', expires_in: 3600, scope: 'all' }));
    });
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    tokenUrl: `${tls ? 'https' : 'http'}://127.0.0.1:${port}/token`,
    hostPort: `127.0.0.1:${port}`,
    headers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('Proxies: API calls and OAuth token requests take the same way out', () => {
  let emulator: Emulator;
  let proxy: RecordingProxy | undefined;
  let tokenServer: Awaited<ReturnType<typeof startTokenServer>> | undefined;

  before(async () => {
    emulator = await startEmulator({ seedFaxes: 0 });
  });
  after(async () => {
    await emulator.stop();
  });
  afterEach(async () => {
    await proxy?.close();
    await tokenServer?.close();
    proxy = undefined;
    tokenServer = undefined;
  });

  function exchange(options: ProxyOptions | undefined, env: Record<string, string> = NO_ENV, tokenUrl = tokenServer!.tokenUrl) {
    return exchangeCode({ tokenUrl, ...CLIENT, code: 'CANARY-code', redirectUri: 'http://127.0.0.1:1/callback', proxy: options, env });
  }

  async function apiCall(options: ProxyOptions, env: Record<string, string> = NO_ENV): Promise<void> {
    const client = new FaxPlusClient({
      baseUrl: emulator.apiUrl,
      credentials: { getCredential: async () => ({ token: emulator.demoTokens.fullAccess, kind: 'pat' }) },
      logger: silent,
      userAgent: 'proxy-test',
      proxy: options,
      env,
    });
    try {
      await client.getTokenInfo();
    } finally {
      client.dispose();
    }
  }

  const apiHost = () => new URL(emulator.apiUrl).host;
  const tunnelsTo = (target: string) => proxy!.requests.filter((r) => r.method === 'CONNECT' && r.target === target).length;

  it('http.proxy: the code exchange, the refresh grant and API calls all go through the proxy', async () => {
    proxy = await startRecordingProxy();
    tokenServer = await startTokenServer();
    const options: ProxyOptions = { url: proxy.url };

    assert.strictEqual((await exchange(options)).accessToken, 'at-1');
    await refresh({ tokenUrl: tokenServer.tokenUrl, ...CLIENT, refreshToken: 'CANARY-rt', proxy: options, env: NO_ENV });
    await apiCall(options);

    assert.strictEqual(tunnelsTo(tokenServer.hostPort), 2, 'both token requests used the proxy');
    assert.strictEqual(tunnelsTo(apiHost()), 1, 'the API call used the proxy');
    assert.strictEqual(tokenServer.headers.length, 2, 'and reached the token server');
  });

  it('HTTP_PROXY / HTTPS_PROXY from the environment apply to token requests too', async () => {
    proxy = await startRecordingProxy();
    tokenServer = await startTokenServer();
    await exchange(undefined, { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url });
    assert.strictEqual(tunnelsTo(tokenServer.hostPort), 1);
  });

  it('http.noProxy (and NO_PROXY) send listed hosts directly, for token requests and API calls', async () => {
    proxy = await startRecordingProxy();
    tokenServer = await startTokenServer();
    await exchange({ url: proxy.url, noProxy: ['127.0.0.1'] });
    await apiCall({ url: proxy.url, noProxy: ['127.0.0.1'] });
    await exchange(undefined, { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    assert.deepStrictEqual(proxy.requests, [], 'nothing went through the proxy');
    assert.strictEqual(tokenServer.headers.length, 2);

    await exchange({ url: proxy.url, noProxy: ['elsewhere.example'] });
    assert.strictEqual(tunnelsTo(tokenServer.hostPort), 1, 'hosts not listed still use the proxy');
  });

  it('http.proxyAuthorization goes to a proxy that demands it, never to the server', async () => {
    const authorization = 'Basic dXNlcjpwcm94eS1wYXNz';
    proxy = await startRecordingProxy({ requireAuthorization: authorization });
    tokenServer = await startTokenServer();

    await exchange({ url: proxy.url, authorization });
    await apiCall({ url: proxy.url, authorization });

    assert.ok(proxy.requests.length >= 2);
    assert.ok(proxy.requests.every((r) => r.proxyAuthorization === authorization));
    assert.ok(
      tokenServer.headers.every((h) => h['proxy-authorization'] === undefined),
      'the server never sees the proxy credential',
    );

    const refused = await exchange({ url: proxy.url }).catch((e: unknown) => e);
    assert.ok(refused instanceof OAuthError && refused.isTransient, 'without it the proxy refuses (407)');
  });

  describe('http.proxyStrictSSL', () => {
    let dir: string;
    let tls: { key: Buffer; cert: Buffer };
    before(function () {
      // A TLS-intercepting proxy presents a certificate no public CA signed; a self-signed one stands in for it.
      dir = mkdtempSync(path.join(tmpdir(), 'faxplus-tls-'));
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-subj',
          '/CN=127.0.0.1',
          '-days',
          '1',
          '-keyout',
          path.join(dir, 'key.pem'),
          '-out',
          path.join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      tls = { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('false accepts the certificate for proxied requests only; true (the default) refuses it', async () => {
      proxy = await startRecordingProxy();
      tokenServer = await startTokenServer(tls);

      const strict = await exchange({ url: proxy.url }).catch((e: unknown) => e);
      assert.ok(strict instanceof OAuthError && strict.code === 'network_error', 'verified by default');

      assert.strictEqual((await exchange({ url: proxy.url, strictSSL: false })).accessToken, 'at-1');

      const direct = await exchange({ url: proxy.url, strictSSL: false, noProxy: ['127.0.0.1'] }).catch((e: unknown) => e);
      assert.ok(direct instanceof OAuthError && direct.code === 'network_error', 'a direct connection is still verified');
    });
  });
});
