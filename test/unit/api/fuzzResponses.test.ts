import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseApiDate } from '../../../src/api/dates';
import { FaxPlusError } from '../../../src/api/errors';
import type { FaxPlusClient } from '../../../src/api/faxPlusClient';
import { exchangeCode, OAuthError, refresh } from '../../../src/api/oauthClient';
import { parseCoverPage } from '../../../src/api/parseFax';
import { parseWebhook } from '../../../src/api/parseWebhook';
import { readErrorBody } from '../../../src/api/responseErrors';
import { parseRetryAfter } from '../../../src/api/retryPolicy';
import { makeClient, TEST_TOKEN } from './support/clientFactory';
import { readBody, startServer, type TestServer } from './support/testServer';

/**
 * Server payloads fuzzed against every reader of server data that
 * parsers.test.ts does not already cover property-wise: the remaining
 * parsers, the error-body, Retry-After and date readers, every typed client
 * method over real HTTP (status, headers and body all arbitrary), and the
 * OAuth token response. The only thing allowed out is a typed error, and no
 * error may carry a secret the server echoed back.
 */

/** Arbitrary JSON biased towards the API's own keys, so parsers get past their first checks. */
const keys = fc.constantFrom(
  'id',
  'data',
  'records',
  'numbers',
  'members',
  'status',
  'path',
  'ids',
  'target',
  'event',
  'name_to',
  'name_from',
  'subject',
  'flags',
  'message',
  'error',
  'description',
  'access_token',
  'refresh_token',
  'expires_in',
  'scope',
  'user_id',
  'token_type',
  'scopes',
  'balance',
  '__proto__',
);
const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.dictionary(keys, tie('json'), { maxKeys: 6 }),
    fc.array(tie('json'), { maxLength: 3 }),
  ),
}));

/** A response body as text: JSON, JSON cut short, or any string; sometimes echoing a secret. */
function bodyText(secrets: readonly string[]): fc.Arbitrary<string> {
  const echo = fc.constantFrom(...secrets, ...secrets.map((s) => `Bearer ${s}`));
  return fc.oneof(
    json.map((v) => JSON.stringify(v ?? null)),
    json.map((v) => JSON.stringify(v ?? null)).chain((t) => fc.nat({ max: Math.max(0, t.length - 1) }).map((n) => t.slice(0, n))),
    fc.string({ maxLength: 200 }),
    fc
      .tuple(fc.constantFrom('error', 'description', 'message', 'error_description'), echo)
      .map(([k, s]) => JSON.stringify({ error: 'x', [k]: `refused ${s}!` })),
    echo.map((s) => `<html>${s}</html>`),
  );
}

describe('fuzz: server payloads only ever produce typed errors', () => {
  it('parseWebhook and parseCoverPage accept or refuse any JSON with a typed error', () => {
    fc.assert(
      fc.property(json, (value) => {
        const v: unknown = JSON.parse(JSON.stringify(value ?? null));
        try {
          const hook = parseWebhook(v);
          assert.equal(typeof hook.target, 'string');
        } catch (error) {
          assert.ok(error instanceof FaxPlusError, `parseWebhook threw ${String(error)}`);
        }
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
          const cover = parseCoverPage(v as Record<string, unknown>);
          assert.ok(cover && Array.isArray(cover.flags) && typeof cover.nameTo === 'string');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('readErrorBody never throws, bounds the text and removes the token the server echoed', () => {
    const secret = 'alohi_pat_FUZZsecret0123456789';
    fc.assert(
      fc.property(bodyText([secret, 'someOpaqueAccessToken42']), (text) => {
        const body = readErrorBody(text, [secret, 'someOpaqueAccessToken42']);
        for (const value of [body.code, body.description]) {
          if (value === undefined) continue;
          assert.equal(typeof value, 'string');
          assert.ok(value.length <= 500);
          assert.ok(!value.includes(secret) && !value.includes('someOpaqueAccessToken42'), value);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('parseRetryAfter reads any header value as a wait of zero or more milliseconds, or none', () => {
    const values = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.nat().map(String),
      fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
      fc.constantFrom('-1', '1e9', '  7 ', 'Infinity', 'NaN', '99999999999999999999'),
    );
    fc.assert(
      fc.property(values, (value) => {
        const ms = parseRetryAfter(value, Date.now());
        assert.ok(ms === undefined || (Number.isFinite(ms) && ms >= 0), `${JSON.stringify(value)} → ${ms}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('parseApiDate gives a valid Date or undefined for any text', () => {
    const texts = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc
        .tuple(
          fc.integer({ min: -10, max: 99999 }),
          fc.integer({ min: -5, max: 99 }),
          fc.integer({ min: -5, max: 99 }),
          fc.integer({ min: -5, max: 99 }),
        )
        .map(([y, mo, d, h]) => `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')} ${String(h).padStart(2, '0')}:00:00`),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const date = parseApiDate(text);
        assert.ok(date === undefined || !Number.isNaN(date.getTime()), text);
      }),
      { numRuns: 1000 },
    );
  });

  describe('over HTTP', function () {
    // Some answers (e.g. a 204 or 304 that promises a body) end only by a client timeout.
    this.timeout(120_000);
    /** What the server answers next: any status 200–599, any body, odd headers, sometimes a cut-off connection. */
    interface Answer {
      readonly status: number;
      readonly body: string;
      readonly contentType: string | undefined;
      readonly retryAfter: string | undefined;
      readonly location: string | undefined;
      readonly cut: boolean;
    }
    let answer: Answer;
    let server: TestServer;

    before(async () => {
      server = await startServer(async (req, res) => {
        await readBody(req).catch(() => undefined);
        const a = answer;
        const bytes = Buffer.from(a.body, 'utf8');
        const headers: Record<string, string> = { 'content-length': String(a.cut ? bytes.length + 10 : bytes.length) };
        if (a.contentType !== undefined) headers['content-type'] = a.contentType;
        if (a.retryAfter !== undefined) headers['retry-after'] = a.retryAfter;
        if (a.location !== undefined) headers.location = a.location;
        res.writeHead(a.status, headers);
        if (a.cut) {
          res.write(bytes, () => res.socket?.destroy());
        } else {
          res.end(bytes);
        }
      });
    });

    after(() => server.close());

    const answers = fc.record({
      status: fc.oneof(
        fc.constantFrom(200, 201, 204, 302, 307, 400, 401, 403, 404, 413, 429, 500, 502, 503),
        fc.integer({ min: 200, max: 599 }),
      ),
      // The server may echo the credential it received (the whole token, or the Authorization header).
      body: bodyText([TEST_TOKEN]),
      contentType: fc.option(fc.constantFrom('application/json', 'text/html', 'application/pdf', ''), { nil: undefined }),
      // Retry-After values small enough that a (non-waiting) retry happens, or absurd.
      retryAfter: fc.option(fc.oneof(fc.constantFrom('0', '1', '-3', 'soon', `${TEST_TOKEN}`), fc.string({ maxLength: 20 })), {
        nil: undefined,
      }),
      // Redirects stay on this server (relative) or go to a closed port; one echoes the token.
      location: fc.option(fc.constantFrom('/v3/elsewhere', 'http://127.0.0.1:1/x', `/v3/${TEST_TOKEN}`, '::not a url::'), {
        nil: undefined,
      }),
      cut: fc.boolean(),
    });

    const calls: [string, (c: FaxPlusClient) => Promise<unknown>][] = [
      ['getTokenInfo', (c) => c.getTokenInfo()],
      ['getAccount', (c) => c.getAccount()],
      ['listMembers', (c) => c.listMembers()],
      ['getMemberDetails', (c) => c.getMemberDetails('m1')],
      ['getBalance', (c) => c.getBalance()],
      ['listFaxes', (c) => c.listFaxes({ category: 'inbox', limit: 5 })],
      [
        'iterateFaxes',
        async (c) => {
          for await (const page of c.iterateFaxes({ category: 'sent', pageSize: 2 })) void page;
        },
      ],
      ['getFax', (c) => c.getFax('f1')],
      ['updateFax', (c) => c.updateFax('f1', { comment: 'c', isRead: true })],
      ['deleteFax', (c) => c.deleteFax('f1')],
      ['downloadFileBytes', (c) => c.downloadFileBytes('f1', 'pdf', { maxBytes: 1024 })],
      ['listNumbers', (c) => c.listNumbers()],
      ['getNumber', (c) => c.getNumber('+15551234567')],
      ['listOutbox', (c) => c.listOutbox()],
      ['getOutboxFax', (c) => c.getOutboxFax('o1')],
      ['sendFax', (c) => c.sendFax({ from: '+15550000001', to: ['+15550000002'], files: ['/transient-1'] })],
      [
        'uploadFile',
        (c) =>
          c.uploadFile({
            name: 'a.pdf',
            size: 4,
            open: async function* () {
              yield Buffer.from('%PDF');
            },
          }),
      ],
      ['listWebhooks', (c) => c.listWebhooks('fax_sent')],
      ['createWebhook', (c) => c.createWebhook({ target: 'https://hooks.example.com/x', event: 'fax_sent' })],
      ['listShopCountries', (c) => c.listShopCountries()],
      ['listShopAreas', (c) => c.listShopAreas('US')],
      ['listAvailableNumbers', (c) => c.listAvailableNumbers('US', '212', '42')],
      ['purchaseNumber', (c) => c.purchaseNumber('item-1')],
      ['updateAccount', (c) => c.updateAccount({ name: 'A' })],
    ];

    for (const [name, call] of calls) {
      it(`${name}: resolves or rejects with a FaxPlusError that holds no token`, async () => {
        const { client } = makeClient(server.baseUrl, { timeouts: { headersMs: 2000, bodyMs: 2000 } });
        try {
          await fc.assert(
            fc.asyncProperty(answers, async (a) => {
              answer = a;
              try {
                await call(client);
              } catch (error) {
                assert.ok(error instanceof FaxPlusError, `${name} threw ${String(error)} for ${JSON.stringify(a)}`);
                const text = `${error.message} ${JSON.stringify(error)} ${String(error.stack)}`;
                assert.ok(!text.includes(TEST_TOKEN.slice('alohi_pat_'.length)), `${name} leaks the token: ${text}`);
              }
            }),
            { numRuns: 60 },
          );
        } finally {
          client.dispose();
        }
      });
    }

    it('an OAuth error code that echoes the client secret is not used as the code (found by the property below)', async () => {
      const secret = 'clientSECRETexample0123456789';
      answer = {
        status: 400,
        body: JSON.stringify({ error: secret }),
        contentType: 'application/json',
        retryAfter: undefined,
        location: undefined,
        cut: false,
      };
      const error = await exchangeCode({
        tokenUrl: `${server.origin}/token`,
        clientId: 'APIK-x',
        clientSecret: secret,
        code: 'c0de',
        redirectUri: 'http://127.0.0.1:5/cb',
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof OAuthError);
      assert.equal(error.code, 'http_error');
      assert.ok(!`${error.message} ${JSON.stringify(error)}`.includes(secret));
    });

    it('an absurd expires_in still gives a valid expiry (found by the property below)', async () => {
      answer = {
        status: 200,
        body: JSON.stringify({ access_token: 'a', refresh_token: 'r', expires_in: 1e300 }),
        contentType: 'application/json',
        retryAfter: undefined,
        location: undefined,
        cut: false,
      };
      const tokens = await refresh({ tokenUrl: `${server.origin}/token`, clientId: 'APIK-x', clientSecret: 's', refreshToken: 'r0' });
      assert.ok(Number.isFinite(tokens.expiresAt.getTime()), 'a valid Date');
      assert.ok(tokens.expiresAt.getTime() > Date.now());
    });

    it('the OAuth token response: tokens that are usable, or an OAuthError without any secret', async () => {
      const secret = 'clientSECRETfuzz0123456789';
      const code = 'authCODEfuzz0123456789';
      const refreshToken = 'refreshTOKENfuzz0123456789';
      // The server can only echo what this request sent it: the client secret and the code or the refresh token.
      const token = fc.boolean().chain((useRefresh) =>
        fc.record({
          useRefresh: fc.constant(useRefresh),
          status: fc.oneof(fc.constantFrom(200, 201, 302, 400, 401, 429, 500, 503), fc.integer({ min: 200, max: 599 })),
          body: fc.oneof(
            bodyText([secret, useRefresh ? refreshToken : code]),
            fc
              .record({
                access_token: fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.constant(null)),
                refresh_token: fc.option(fc.oneof(fc.string({ maxLength: 12 }), fc.integer()), { nil: undefined }),
                expires_in: fc.option(fc.oneof(fc.integer({ min: -10, max: 10_000_000 }), fc.double(), fc.string({ maxLength: 6 })), {
                  nil: undefined,
                }),
                scope: fc.option(json, { nil: undefined }),
                user_id: fc.option(json, { nil: undefined }),
                error: fc.option(fc.constantFrom('invalid_grant', 'invalid_client', secret, 'x y'), { nil: undefined }),
                error_description: fc.option(fc.constantFrom(`bad ${secret}`, useRefresh ? `rt ${refreshToken}` : `code ${code}`), {
                  nil: undefined,
                }),
              })
              .map((o) => JSON.stringify(o)),
          ),
          contentType: fc.option(fc.constantFrom('application/json', 'text/plain'), { nil: undefined }),
          retryAfter: fc.constant(undefined),
          location: fc.option(fc.constantFrom('/elsewhere', 'http://127.0.0.1:1/'), { nil: undefined }),
          cut: fc.boolean(),
        }),
      );
      await fc.assert(
        fc.asyncProperty(token, async (a) => {
          answer = a;
          const common = { tokenUrl: `${server.origin}/token`, clientId: 'APIK-fuzz', clientSecret: secret, timeoutMs: 2000 };
          const started = Date.now();
          try {
            const tokens = a.useRefresh
              ? await refresh({ ...common, refreshToken })
              : await exchangeCode({ ...common, code, redirectUri: 'http://127.0.0.1:5/callback' });
            assert.ok(typeof tokens.accessToken === 'string' && tokens.accessToken.length > 0);
            assert.ok(typeof tokens.refreshToken === 'string' && tokens.refreshToken.length > 0, 'a refresh token to keep the session');
            assert.ok(tokens.expiresAt.getTime() >= started, 'a valid expiry, not in the past');
            assert.equal(typeof tokens.scope, 'string');
          } catch (error) {
            assert.ok(error instanceof OAuthError, `threw ${String(error)} for ${JSON.stringify(a)}`);
            assert.ok(['sign-in-required', 'rejected', 'try-later', 'cancelled'].includes(error.kind));
            const text = `${error.message} ${error.code} ${error.description ?? ''} ${JSON.stringify(error)}`;
            for (const s of [secret, a.useRefresh ? refreshToken : code]) {
              assert.ok(!text.includes(s), `leaks ${s}: ${text}`);
            }
          }
        }),
        { numRuns: 300 },
      );
    });
  });
});
