/**
 * The core journeys at the client level (src/api and the Node-only parts of
 * src/auth), run against a real emulator over loopback under each emulator
 * variant. Shared by `npm run variants` (variantMatrix.ts) and the mocha test
 * that makes CI enforce the same matrix.
 */
import * as assert from 'node:assert/strict';
import { request } from 'undici';
import type { Credential, CredentialsProvider } from '../../src/api/credentials';
import { FaxPlusClient } from '../../src/api/faxPlusClient';
import type { Logger } from '../../src/api/logger';
import { buildAuthorizeUrl, exchangeCode, refresh } from '../../src/api/oauthClient';
import { ApiTokenValidator } from '../../src/auth/apiTokenValidator';
import { CommandPermissions } from '../../src/auth/commandPermissions';
import { OAuthLoopbackServer } from '../../src/auth/oauthLoopbackServer';
import type { ClientFactory } from '../../src/client/clientFactory';
import type { Emulator, EmulatorOptions } from '../emulator';
import { earliestSentTime, matchSentRecord, type OutgoingFax } from '../../src/send/sentFaxMatch';
import type { ClientProvider } from '../../src/client/clientProvider';
import { CreationCheck } from '../../src/sendFlow/creationCheck';
import type { SendAttempt } from '../../src/sendFlow/faxMatch';
import { DEFAULT_VARIANTS, VARIANT_VALUES, type EmulatorVariants, type VariantsInput } from '../emulator/variants';

export const JOURNEYS = [
  'signInPat',
  'signInOAuth',
  'listInbox',
  'send',
  'followToSent',
  'lostAnswerInSent',
  'openDownload',
  'numbersBalance',
] as const;
export type Journey = (typeof JOURNEYS)[number];

export interface JourneyResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly ms: number;
}

export interface MatrixRow {
  readonly name: string;
  readonly variants: VariantsInput;
}

/**
 * The matrix's emulator: faxes finish in two seconds of real time, so a journey can
 * follow one to Sent without advancing the emulator's clock (which would add to the skew under test).
 */
export const MATRIX_EMULATOR: EmulatorOptions = { seedFaxes: 40, lifecycle: { submittedMs: 500, convertingMs: 500, sendingMs: 1000 } };

/** Every value of every key that is not its default, one at a time; then the default and `hostile`. */
export function matrixRows(): MatrixRow[] {
  const rows: MatrixRow[] = [{ name: 'default', variants: {} }];
  for (const key of Object.keys(VARIANT_VALUES) as (keyof EmulatorVariants)[]) {
    for (const value of VARIANT_VALUES[key]) {
      if (value !== DEFAULT_VARIANTS[key]) {
        rows.push({ name: `${key}=${String(value)}`, variants: { [key]: value } as Partial<EmulatorVariants> });
      }
    }
  }
  rows.push({ name: 'hostile', variants: 'hostile' });
  return rows;
}

const quietLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

function clientFor(emu: Emulator, credential: Credential): FaxPlusClient {
  const credentials: CredentialsProvider = { getCredential: async () => credential };
  // Retries do not really wait: the matrix checks behaviour, not timing.
  return new FaxPlusClient({
    baseUrl: emu.apiUrl,
    credentials,
    logger: quietLogger,
    userAgent: 'faxplus-vscode/variant-matrix',
    env: {},
    sleep: async () => undefined,
  });
}

function factory(emu: Emulator): Pick<ClientFactory, 'create'> {
  return {
    create: (credentials: CredentialsProvider) =>
      new FaxPlusClient({
        baseUrl: emu.apiUrl,
        credentials,
        logger: quietLogger,
        userAgent: 'faxplus-vscode/variant-matrix',
        env: {},
        sleep: async () => undefined,
      }),
  };
}

const permissions = new CommandPermissions();

async function signInPat(emu: Emulator): Promise<void> {
  const validator = new ApiTokenValidator(factory(emu) as ClientFactory);
  const facts = await validator.validate({ token: emu.demoTokens.fullAccess, kind: 'pat' }, 'secretStorage');
  assert.equal(facts.kind, 'pat');
  assert.equal(facts.account?.uid, emu.accounts.admin);
  assert.ok(permissions.verdict('faxplus.sendFax', facts.scopes).allowed, `send refused with scopes ${facts.scopes.join(',')}`);
  if (!facts.scopesUnknown) {
    assert.ok(
      facts.expiresAt !== undefined && facts.expiresAt > Date.now() + 300 * 86_400_000,
      `expiry read as ${String(facts.expiresAt)}`,
    );
  }
  // A read-only token must still be refused sending when the scopes are known.
  const readOnly = await validator.validate({ token: emu.demoTokens.readOnly, kind: 'pat' }, 'secretStorage');
  assert.equal(permissions.verdict('faxplus.sendFax', readOnly.scopes).allowed, readOnly.scopesUnknown === true);
}

async function signInOAuth(emu: Emulator): Promise<void> {
  const server = await OAuthLoopbackServer.start({ timeoutMs: 10_000 });
  try {
    const authorize = buildAuthorizeUrl({
      authorizeUrl: emu.loginUrl,
      clientId: emu.oauthClient.id,
      redirectUri: server.redirectUri,
      state: server.state,
    });
    const login = await request(authorize, { method: 'GET' });
    await login.body.dump();
    assert.equal(login.statusCode, 302);
    // The browser follows the redirect to our loopback server.
    const back = await request(String(login.headers.location), { method: 'GET' });
    await back.body.dump();
    assert.equal(back.statusCode, 200);
    const code = await server.waitForCode();
    const common = { tokenUrl: emu.tokenUrl, clientId: emu.oauthClient.id, clientSecret: emu.oauthClient.secret };
    const tokens = await exchangeCode({ ...common, code, redirectUri: server.redirectUri });
    const validator = new ApiTokenValidator(factory(emu) as ClientFactory);
    const facts = await validator.validate({ token: tokens.accessToken, kind: 'oauth', clientId: emu.oauthClient.id }, 'oauth');
    assert.equal(facts.kind, 'oauth');
    assert.ok(permissions.verdict('faxplus.sendFax', facts.scopes).allowed, `OAuth scopes read as ${facts.scopes.join(',')}`);
    const renewed = await refresh({ ...common, refreshToken: tokens.refreshToken });
    assert.notEqual(renewed.accessToken, tokens.accessToken);
    const client = clientFor(emu, { token: renewed.accessToken, kind: 'oauth', clientId: emu.oauthClient.id });
    try {
      assert.equal((await client.getAccount()).uid, emu.accounts.admin);
    } finally {
      client.dispose();
    }
  } finally {
    server.dispose();
  }
}

async function listInbox(emu: Emulator, client: FaxPlusClient): Promise<void> {
  const expected = emu.state.faxes('inbox').map((f) => f.id);
  const seen: string[] = [];
  for await (const page of client.iterateFaxes({ category: 'inbox', pageSize: 15 })) {
    const times = page.map((fax) => fax.startTime?.getTime() ?? 0);
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
      'a page is not sorted newest first',
    );
    seen.push(...page.map((fax) => fax.id));
  }
  assert.equal(new Set(seen).size, seen.length, 'a fax was listed twice');
  assert.deepEqual([...seen].sort(), [...expected].sort(), 'not every inbox fax was listed');
  // An empty list in whatever shape the server uses: the outbox is empty at the start.
  assert.deepEqual(await client.listOutbox(), []);
}

/** The admin's own number (the sender of the journeys' faxes). */
function adminNumber(emu: Emulator): string {
  return emu.state.numbers().find((n) => n.assigned_to.includes(emu.accounts.admin))?.number ?? 'no_number';
}

/** Uploads a minimal PDF; returns the server's path for sendFax. */
function uploadTinyPdf(client: FaxPlusClient, name: string): Promise<string> {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  return client.uploadFile({
    name,
    size: pdf.length,
    contentType: 'application/pdf',
    open: async function* () {
      yield pdf;
    },
  });
}

async function send(emu: Emulator, client: FaxPlusClient): Promise<void> {
  const from = adminNumber(emu);
  const path = await uploadTinyPdf(client, 'letter.pdf');
  assert.ok(path.length > 0);
  const result = await client.sendFax({ from, to: ['+15550001234'], files: [path], options: { retry: { count: 9 } } });
  const id = result.ids['+15550001234'];
  assert.ok(id, `sendFax ids: ${JSON.stringify(result.ids)}`);
  const outbox = await client.getOutboxFax(id);
  assert.equal(outbox.id, id);
  // Cancelled again so the next variant starts with an empty outbox.
  await client.deleteOutboxFax(id);
  const sent = emu.requests.filter((r) => r.operationId === 'sendFax');
  const body = sent[sent.length - 1].bodyJson as { options?: { retry?: { count?: number } } };
  assert.equal(body.options?.retry?.count, 3, 'redial count not clamped to 3');
}

/** A new destination per run: faxes of earlier rows to one number must not be candidates (…97–99 would fail). */
let followed = 0;

/**
 * A fax that left the outbox before anyone looked at it is found in Sent by number, sender and
 * the server's clock (the Date header of the sendFax answer), under its new id where it has one.
 */
async function followToSent(emu: Emulator, client: FaxPlusClient): Promise<void> {
  const from = adminNumber(emu);
  const to = `+1201555${String(1300 + (followed++ % 90)).padStart(4, '0')}`;
  const path = await uploadTinyPdf(client, 'memo.pdf');
  const startedAt = new Date();
  const result = await client.sendFax({ from, to: [to], files: [path] });
  const answeredAt = new Date();
  const outboxId = result.ids[to];
  assert.ok(outboxId, `sendFax ids: ${JSON.stringify(result.ids)}`);
  assert.equal(result.serverTime !== undefined, emu.variants.dateHeader === 'present', 'the Date header read when there is one');
  const fax: OutgoingFax = { outboxId, to, from, startedAt, answeredAt, serverTime: result.serverTime };
  let found;
  for (let look = 0; look < 100 && !found; look++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    found = matchSentRecord(fax, await client.listFaxes({ category: 'sent', after: earliestSentTime(fax), limit: 100 }));
  }
  assert.equal(found?.id, emu.sentIdOf(outboxId), 'its own Sent record');
}

/**
 * A send whose answer never came, looked for once the fax has left the outbox: the creation
 * check finds it in Sent by number, sender and the server's clock as the uploads' answers
 * showed it (the lost answer brought no Date of its own).
 */
async function lostAnswerInSent(emu: Emulator, client: FaxPlusClient): Promise<void> {
  const from = adminNumber(emu);
  const to = `+1201555${String(1300 + (followed++ % 90)).padStart(4, '0')}`;
  const path = await uploadTinyPdf(client, 'lost.pdf');
  const attempt: SendAttempt = {
    destinations: [to],
    from,
    filePaths: [path],
    startedAt: new Date(),
    serverClockOffsetMs: client.serverClockOffsetMs(),
  };
  assert.equal(attempt.serverClockOffsetMs !== undefined, emu.variants.dateHeader === 'present', 'the uploads taught the clock');
  // The answer is treated as lost: nothing of it is used below.
  const outboxId = (await client.sendFax({ from, to: [to], files: [path] })).ids[to];
  for (let wait = 0; wait < 100 && !emu.sentIdOf(outboxId); wait++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.ok(emu.sentIdOf(outboxId), 'the fax left the outbox: only its time can find it now');
  const check = new CreationCheck({ get: () => client } as unknown as ClientProvider, quietLogger);
  const found = await check.look(attempt);
  assert.equal(found.get(to), emu.sentIdOf(outboxId), 'its own Sent record');
}

async function openDownload(emu: Emulator, client: FaxPlusClient): Promise<void> {
  const id = emu.state.faxes('inbox')[1].id;
  const fax = await client.getFax(id);
  assert.equal(fax.id, id);
  const bytes = await client.downloadFileBytes(id, 'pdf');
  assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
}

async function numbersBalance(emu: Emulator, client: FaxPlusClient): Promise<void> {
  const free = emu.state.numbers().find((n) => n.assigned_to.length === 0 && n.status === 'active');
  assert.ok(free, 'no free number in the seed');
  await client.assignNumber(free.number, emu.accounts.memberWithoutNumber);
  assert.ok(
    emu.state
      .numbers()
      .find((n) => n.number === free.number)
      ?.assigned_to.includes(emu.accounts.memberWithoutNumber),
  );
  // Revoked again so the next variant finds the number free.
  await client.revokeNumber(free.number, emu.accounts.memberWithoutNumber);
  const balance = await client.getBalance();
  assert.equal(balance.balance, emu.state.balance().balance);
}

/**
 * Runs every journey under `variants`; never throws. The journeys undo what
 * they change (cancel the fax, revoke the number), so one emulator serves a
 * whole matrix without re-seeding (its document cache keeps the matrix fast).
 */
export async function runJourneys(emu: Emulator, variants: VariantsInput): Promise<Record<Journey, JourneyResult>> {
  emu.faults.clear();
  emu.setVariants('realistic');
  emu.setVariants(variants);
  const client = clientFor(emu, { token: emu.demoTokens.fullAccess, kind: 'pat' });
  const steps: Record<Journey, () => Promise<void>> = {
    signInPat: () => signInPat(emu),
    signInOAuth: () => signInOAuth(emu),
    listInbox: () => listInbox(emu, client),
    send: () => send(emu, client),
    followToSent: () => followToSent(emu, client),
    lostAnswerInSent: () => lostAnswerInSent(emu, client),
    openDownload: () => openDownload(emu, client),
    numbersBalance: () => numbersBalance(emu, client),
  };
  const results = {} as Record<Journey, JourneyResult>;
  try {
    for (const journey of JOURNEYS) {
      const started = performance.now();
      try {
        await steps[journey]();
        results[journey] = { ok: true, ms: performance.now() - started };
      } catch (e) {
        results[journey] = {
          ok: false,
          error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
          ms: performance.now() - started,
        };
      }
    }
  } finally {
    client.dispose();
  }
  return results;
}

/** A plain-text table: one row per variant, one column per journey. */
export function formatMatrix(rows: readonly { name: string; results: Record<Journey, JourneyResult> }[]): string {
  const width = Math.max(...rows.map((r) => r.name.length), 'variant'.length);
  const header = `| ${'variant'.padEnd(width)} | ${JOURNEYS.join(' | ')} |`;
  const rule = `|${'-'.repeat(width + 2)}|${JOURNEYS.map((j) => '-'.repeat(j.length + 2)).join('|')}|`;
  const lines = rows.map(
    (r) => `| ${r.name.padEnd(width)} | ${JOURNEYS.map((j) => (r.results[j].ok ? 'pass' : 'FAIL').padEnd(j.length)).join(' | ')} |`,
  );
  return [header, rule, ...lines].join('\n');
}
