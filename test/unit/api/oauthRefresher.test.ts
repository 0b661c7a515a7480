import * as assert from 'assert';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { OAuthError, type OAuthTokens, type RefreshParams } from '../../../src/api/oauthClient';
import {
  OAuthSession,
  OAuthSignInRequiredError,
  type OAuthCredential,
  type OAuthStorage,
  type StoredOAuth,
} from '../../../src/api/oauthRefresher';

const CLIENT = { tokenUrl: 'set-per-test', clientId: 'APIK-client-1', clientSecret: 'CANARY-secret-5e1f' };
const NOW = Date.UTC(2030, 0, 1);
const HOUR = 3_600_000;

/** Stands in for SecretStorage shared by several windows: tests may change it behind the session's back. */
class MemoryStorage implements OAuthStorage {
  reads = 0;
  writes = 0;
  constructor(public value: StoredOAuth | undefined) {}
  async read(): Promise<StoredOAuth | undefined> {
    this.reads++;
    return this.value && { ...this.value };
  }
  async write(value: StoredOAuth | undefined): Promise<void> {
    this.writes++;
    this.value = value && { ...value };
  }
}

function stored(overrides: Partial<StoredOAuth> = {}): StoredOAuth {
  return {
    accessToken: 'CANARY-at-old',
    refreshToken: 'CANARY-rt-old',
    expiresAt: NOW + HOUR,
    scope: 'all',
    clientId: CLIENT.clientId,
    ...overrides,
  };
}

/** A token endpoint that answers refresh grants slowly enough for callers to pile up. */
async function startTokenEndpoint(answer: (form: URLSearchParams, res: ServerResponse) => void, delayMs = 30) {
  const forms: URLSearchParams[] = [];
  const auth: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      forms.push(form);
      auth.push(req.headers.authorization);
      setTimeout(() => answer(form, res), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    tokenUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`,
    forms,
    auth,
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

function tokens(n: number): OAuthTokens {
  return { accessToken: `at-${n}`, refreshToken: `rt-${n}`, expiresAt: new Date(NOW + HOUR), scope: 'all' };
}

describe('OAuthSession', () => {
  let endpoint: Awaited<ReturnType<typeof startTokenEndpoint>> | undefined;
  afterEach(async () => {
    await endpoint?.close();
    endpoint = undefined;
  });

  it('hands out the stored token with the client id, and nothing when signed out', async () => {
    const storage = new MemoryStorage(stored());
    const session = new OAuthSession({ storage, client: CLIENT, now: () => NOW, refreshGrant: () => assert.fail('no refresh expected') });
    assert.deepStrictEqual(await session.getCredential(), { token: 'CANARY-at-old', kind: 'oauth', clientId: CLIENT.clientId });

    storage.value = undefined;
    assert.strictEqual(await session.getCredential(), undefined);
    assert.strictEqual(await session.onUnauthorized({ token: 'CANARY-at-old' }), undefined);
  });

  it('refreshes over HTTP shortly before expiry and stores the rotated tokens', async () => {
    endpoint = await startTokenEndpoint(
      (_form, res) => json(res, 200, { access_token: 'at-new', refresh_token: 'rt-new', expires_in: 3600, scope: 'all' }),
      0,
    );
    const storage = new MemoryStorage(stored({ expiresAt: NOW + 30_000 })); // inside the 60 s skew
    const session = new OAuthSession({ storage, client: { ...CLIENT, tokenUrl: endpoint.tokenUrl }, now: () => NOW });

    const credential = await session.getCredential();

    assert.strictEqual(credential?.token, 'at-new');
    assert.strictEqual(endpoint.auth[0], `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`);
    assert.deepStrictEqual(Object.fromEntries(endpoint.forms[0]), {
      grant_type: 'refresh_token',
      refresh_token: 'CANARY-rt-old',
      client_id: CLIENT.clientId,
    });
    assert.strictEqual(storage.value?.accessToken, 'at-new');
    assert.strictEqual(storage.value?.refreshToken, 'rt-new');
  });

  it('ten concurrent 401s cause one refresh request, and everyone gets the new token', async () => {
    endpoint = await startTokenEndpoint((_form, res) =>
      json(res, 200, { access_token: 'at-new', refresh_token: 'rt-new', expires_in: 3600 }),
    );
    const storage = new MemoryStorage(stored());
    const session = new OAuthSession({ storage, client: { ...CLIENT, tokenUrl: endpoint.tokenUrl } });

    const results = await Promise.all(Array.from({ length: 10 }, () => session.onUnauthorized({ token: 'CANARY-at-old' })));

    assert.strictEqual(endpoint.forms.length, 1);
    assert.deepStrictEqual(new Set(results.map((c) => c?.token)), new Set(['at-new']));
    // A straggler 401 for the old token, after the refresh finished, reuses the stored result.
    assert.strictEqual((await session.onUnauthorized({ token: 'CANARY-at-old' }))?.token, 'at-new');
    assert.strictEqual(endpoint.forms.length, 1);
  });

  it('uses the token another window already stored instead of refreshing', async () => {
    const storage = new MemoryStorage(stored());
    let grants = 0;
    const session = new OAuthSession({ storage, client: CLIENT, now: () => NOW, refreshGrant: async () => (grants++, tokens(9)) });

    storage.value = stored({ accessToken: 'at-from-other-window', refreshToken: 'rt-from-other-window' });
    const credential = await session.onUnauthorized({ token: 'CANARY-at-old' });

    assert.strictEqual(credential?.token, 'at-from-other-window');
    assert.strictEqual(grants, 0);
  });

  it('refreshes when the token in storage is the one that was rejected, even if not yet expired', async () => {
    const storage = new MemoryStorage(stored());
    const session = new OAuthSession({ storage, client: CLIENT, now: () => NOW, refreshGrant: async () => tokens(1) });
    assert.strictEqual((await session.onUnauthorized({ token: 'CANARY-at-old' }))?.token, 'at-1');
  });

  it('invalid_grant clears the session once and tells every caller to sign in again', async () => {
    endpoint = await startTokenEndpoint((form, res) =>
      json(res, 400, { error: 'invalid_grant', error_description: `refresh token ${form.get('refresh_token')} was revoked` }),
    );
    const storage = new MemoryStorage(stored());
    const session = new OAuthSession({ storage, client: { ...CLIENT, tokenUrl: endpoint.tokenUrl }, deadGrantGraceMs: [1, 1] });

    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => session.onUnauthorized({ token: 'CANARY-at-old' })));

    assert.strictEqual(endpoint.forms.length, 1);
    assert.strictEqual(storage.value, undefined);
    for (const outcome of outcomes) {
      assert.strictEqual(outcome.status, 'rejected');
      const err = (outcome as PromiseRejectedResult).reason as Error;
      assert.ok(err instanceof OAuthSignInRequiredError);
      const rendered = [err.message, err.stack, inspect(err), JSON.stringify(err)].join('\n');
      assert.ok(!/CANARY/.test(rendered), rendered);
    }
    assert.strictEqual(await session.getCredential(), undefined);
  });

  it('does not clear a session another window rotated while our refresh was refused', async () => {
    const storage = new MemoryStorage(stored());
    const session = new OAuthSession({
      storage,
      client: CLIENT,
      now: () => NOW,
      refreshGrant: async () => {
        // The other window used the same refresh token first; ours is now dead.
        storage.value = stored({ accessToken: 'at-other', refreshToken: 'rt-other' });
        throw new OAuthError('sign-in-required', 'invalid_grant', undefined, 400);
      },
    });
    assert.strictEqual((await session.onUnauthorized({ token: 'CANARY-at-old' }))?.token, 'at-other');
    assert.strictEqual(storage.value?.refreshToken, 'rt-other');
  });

  it('keeps a still-valid token when the early refresh fails for a transient reason', async () => {
    let now = NOW + HOUR - 30_000; // inside the skew, not yet expired
    const storage = new MemoryStorage(stored());
    const session = new OAuthSession({
      storage,
      client: CLIENT,
      now: () => now,
      refreshGrant: async () => {
        throw new OAuthError('try-later', 'server_error', undefined, 503);
      },
    });
    assert.strictEqual((await session.getCredential())?.token, 'CANARY-at-old');

    now = NOW + HOUR + 1; // expired: nothing usable is left, so the caller must hear it
    await assert.rejects(session.getCredential(), (e: unknown) => e instanceof OAuthError && e.isTransient);
    assert.strictEqual(storage.value?.refreshToken, 'CANARY-rt-old', 'a transient failure must not sign the user out');
  });

  it('tries again after a failed refresh instead of caching the failure', async () => {
    const storage = new MemoryStorage(stored());
    let calls = 0;
    const session = new OAuthSession({
      storage,
      client: CLIENT,
      now: () => NOW,
      refreshGrant: async (_p: RefreshParams) => {
        if (++calls === 1) {
          throw new OAuthError('try-later', 'network_error', undefined, undefined);
        }
        return tokens(2);
      },
    });
    await assert.rejects(session.onUnauthorized({ token: 'CANARY-at-old' }));
    assert.strictEqual((await session.onUnauthorized({ token: 'CANARY-at-old' }))?.token, 'at-2');
  });

  it('save() stores a sign-in with the client id; signOut() deletes it', async () => {
    const storage = new MemoryStorage(undefined);
    const session = new OAuthSession({ storage, client: CLIENT });
    await session.save({ ...tokens(3), userId: 'u-1' });
    assert.deepStrictEqual(storage.value, {
      accessToken: 'at-3',
      refreshToken: 'rt-3',
      expiresAt: NOW + HOUR,
      scope: 'all',
      clientId: CLIENT.clientId,
      userId: 'u-1',
    });
    await session.signOut();
    assert.strictEqual(storage.value, undefined);
  });
  describe('several windows sharing one storage, and a keyring that fails', () => {
    /** SecretStorage as other windows see it: a write lands `lagMs` after it was made. */
    class LaggingStorage implements OAuthStorage {
      constructor(
        public value: StoredOAuth | undefined,
        private readonly lagMs: number,
      ) {}
      async read(): Promise<StoredOAuth | undefined> {
        return this.value && { ...this.value };
      }
      write(value: StoredOAuth | undefined): Promise<void> {
        return new Promise((resolve) =>
          setTimeout(() => {
            this.value = value && { ...value };
            resolve();
          }, this.lagMs),
        );
      }
    }

    /** A token endpoint that rotates refresh tokens and refuses reuse; answer n arrives after delays[n]. */
    function rotatingGrant(delays: number[]) {
      let valid = 'CANARY-rt-old';
      let issued = 0;
      let calls = 0;
      const grant = async (params: RefreshParams): Promise<OAuthTokens> => {
        await new Promise((r) => setTimeout(r, delays[calls++] ?? 0));
        if (params.refreshToken !== valid) {
          throw new OAuthError('sign-in-required', 'invalid_grant', undefined, 400);
        }
        const next = tokens(++issued);
        valid = next.refreshToken;
        return next;
      };
      return { grant, calls: () => calls };
    }

    const quickSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

    it('two sessions race a refresh: the loser adopts the tokens the winner stored, nobody is signed out', async () => {
      const storage = new LaggingStorage(stored({ expiresAt: NOW + 30_000 }), 50);
      const endpoint = rotatingGrant([20, 30]);
      const windowA = new OAuthSession({
        storage,
        client: CLIENT,
        now: () => NOW,
        refreshGrant: endpoint.grant,
        sleep: quickSleep,
        deadGrantGraceMs: [60, 120, 240],
      });
      const windowB = new OAuthSession({
        storage,
        client: CLIENT,
        now: () => NOW,
        refreshGrant: endpoint.grant,
        sleep: quickSleep,
        deadGrantGraceMs: [60, 120, 240],
      });

      const [a, b] = await Promise.allSettled([windowA.getCredential(), windowB.getCredential()]);

      assert.strictEqual(a.status, 'fulfilled');
      assert.strictEqual(b.status, 'fulfilled', `window B kept its session: ${b.status === 'rejected' ? String(b.reason) : ''}`);
      assert.strictEqual((a as PromiseFulfilledResult<OAuthCredential | undefined>).value?.token, 'at-1');
      assert.strictEqual((b as PromiseFulfilledResult<OAuthCredential | undefined>).value?.token, 'at-1', 'B adopted what A stored');
      await quickSleep(80); // let every lagging write land
      assert.strictEqual(storage.value?.refreshToken, 'rt-1', 'storage holds the rotated session');
      assert.strictEqual(endpoint.calls(), 2);
    });

    it('a refresh in one window racing a sign-out in another: the sign-out wins', async () => {
      const storage = new MemoryStorage(stored({ expiresAt: NOW + 30_000 }));
      const endpoint = rotatingGrant([40]);
      const refreshing = new OAuthSession({ storage, client: CLIENT, now: () => NOW, refreshGrant: endpoint.grant, sleep: quickSleep });
      const signingOut = new OAuthSession({ storage, client: CLIENT, now: () => NOW, refreshGrant: () => assert.fail('no refresh here') });

      const credential = refreshing.getCredential();
      await quickSleep(10);
      await signingOut.signOut();

      assert.strictEqual(await credential, undefined, 'the refreshing window sees the sign-out');
      assert.strictEqual(storage.value, undefined, 'the refreshed tokens did not bring the session back');
      assert.strictEqual(await refreshing.getCredential(), undefined);
    });

    it('a keyring write that fails once after a refresh is retried; the new tokens are used and nobody is told', async () => {
      const storage = new MemoryStorage(stored({ expiresAt: NOW + 30_000 }));
      let failures = 1;
      const write = storage.write.bind(storage);
      storage.write = async (value) => {
        if (value && failures-- > 0) {
          throw new Error('keyring locked');
        }
        return write(value);
      };
      const told: unknown[] = [];
      const session = new OAuthSession({
        storage,
        client: CLIENT,
        now: () => NOW,
        refreshGrant: rotatingGrant([0]).grant,
        sleep: quickSleep,
        onPersistFailed: (e) => told.push(e),
      });

      assert.strictEqual((await session.getCredential())?.token, 'at-1');
      assert.strictEqual(storage.value?.refreshToken, 'rt-1', 'the retry stored the rotated tokens');
      assert.deepStrictEqual(told, []);
    });

    it('a keyring that keeps failing after a refresh: the rotated tokens live on in memory and the person is told once', async () => {
      const storage = new MemoryStorage(stored({ expiresAt: NOW + 30_000 }));
      storage.write = async (value) => {
        if (value) {
          throw new Error('keyring unavailable');
        }
        storage.value = undefined;
      };
      const endpoint = rotatingGrant([0]);
      const told: unknown[] = [];
      const session = new OAuthSession({
        storage,
        client: CLIENT,
        now: () => NOW,
        refreshGrant: endpoint.grant,
        sleep: quickSleep,
        writeRetryMs: [5, 5],
        onPersistFailed: (e) => told.push(e),
      });

      assert.strictEqual((await session.getCredential())?.token, 'at-1', 'the refresh succeeded although the write failed');
      assert.strictEqual((await session.getCredential())?.token, 'at-1', 'no second grant with the spent refresh token');
      // A 401 for the new token refreshes with the rotated refresh token kept in memory, not the spent one.
      assert.strictEqual((await session.onUnauthorized({ token: 'at-1' }))?.token, 'at-2');
      assert.strictEqual(endpoint.calls(), 2);
      assert.strictEqual(told.length, 1, 'told once, when the write could not recover');
      assert.strictEqual(storage.value?.refreshToken, 'CANARY-rt-old', 'nothing was deleted');
    });
  });
});
