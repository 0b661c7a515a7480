import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Emulator, startEmulator } from '../../emulator';
import { ForbiddenError, NetworkError, PayloadTooLargeError, RequestRejectedError, UnauthorizedError } from '../../../src/api/errors';
import type { FaxPlusClient } from '../../../src/api/faxPlusClient';
import type { UploadSource } from '../../../src/api/uploadSource';
import { makeClient, rejection } from './support/clientFactory';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF');
const pdfSource = (name = 'letter.pdf'): UploadSource => ({
  name,
  size: PDF.length,
  open: async function* () {
    yield PDF;
  },
});

describe('FaxPlusClient against the emulator (end to end)', function () {
  this.timeout(60_000);
  let emu: Emulator;
  let client: FaxPlusClient;
  let sleeps: number[];
  let dir: string;

  before(async () => {
    emu = await startEmulator({ seedFaxes: 120, speed: 0 });
    dir = await mkdtemp(join(tmpdir(), 'faxplus-e2e-'));
  });
  after(async () => {
    await emu.stop();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    emu.faults.clear();
    emu.clearRequests();
    const made = makeClient(emu.apiUrl, {
      credentials: { getCredential: async () => ({ token: emu.demoTokens.fullAccess, kind: 'pat' }) },
    });
    client = made.client;
    sleeps = made.sleeps;
  });
  afterEach(() => client.dispose());

  it('getTokenInfo tells the token type, scopes and expiry', async () => {
    const info = await client.getTokenInfo();
    assert.equal(info.tokenType, 'pat');
    assert.deepEqual(info.scopes, ['fax:all:edit']);
    assert.ok(info.expiresAt && info.expiresAt.getTime() > Date.now());
  });

  for (const category of ['inbox', 'sent', 'spam'] as const) {
    it(`iterateFaxes(${category}) returns every record once across pages, newest first`, async () => {
      const ids: string[] = [];
      for await (const page of client.iterateFaxes({ category, pageSize: 7 })) ids.push(...page.map((f) => f.id));
      const expected = emu.state.faxes(category).map((f) => f.id);
      assert.equal(new Set(ids).size, ids.length, 'no duplicates');
      assert.deepEqual([...ids].sort(), [...expected].sort());
      const listCalls = emu.requests.filter((r) => r.operationId === 'listFaxes');
      assert.ok(listCalls.length >= Math.ceil(expected.length / 7));
    });
  }

  it('parses seeded faxes tolerantly (from_number and from both give a sender)', async () => {
    const faxes = await client.listFaxes({ category: 'inbox', limit: 1000 });
    assert.ok(faxes.length > 0);
    assert.ok(faxes.every((f) => f.from !== undefined && f.startTime instanceof Date));
  });

  it('uploads then sends; the outbox holds the fax and ids map destinations', async () => {
    const number = emu.state.numbers()[0].number;
    const path = await client.uploadFile(pdfSource());
    assert.match(path, /^\/transient-/);
    const result = await client.sendFax({ from: number, to: ['+12125550100'], files: [path], comment: { text: 'e2e' } });
    assert.ok(result.ids['+12125550100']);
    const outbox = await client.listOutbox();
    assert.ok(outbox.some((o) => o.to.includes('+12125550100')));
    const stored = emu.state.files().find((f) => f.path === path);
    assert.equal(stored?.size, PDF.length);
    assert.equal(stored?.fileName, 'letter.pdf');
    assert.equal(stored?.contentType, 'application/pdf');
  });

  it('sendFax answer lost after commit → NetworkError maybeDelivered, exactly one fax created, no retry', async () => {
    const number = emu.state.numbers()[0].number;
    const before = emu.state.outbox().length;
    const path = await client.uploadFile(pdfSource());
    emu.faults.add({ operationId: 'sendFax', kind: 'reset', afterCommit: true });
    const error = (await rejection(client.sendFax({ from: number, to: ['+12125550111'], files: [path] }))) as NetworkError;
    assert.ok(error instanceof NetworkError, String(error));
    assert.equal(error.maybeDelivered, true);
    assert.equal(emu.requests.filter((r) => r.operationId === 'sendFax').length, 1);
    assert.equal(emu.state.outbox().length, before + 1);
  });

  it('retries a rate-limited read honouring Retry-After', async () => {
    emu.faults.add({ operationId: 'listNumbers', kind: 'rateLimit', retryAfterSeconds: 2 });
    const numbers = await client.listNumbers();
    assert.ok(numbers.length > 0);
    assert.deepEqual(sleeps, [2000]);
  });

  it('numbers: E.164 in the path is percent-encoded', async () => {
    const number = emu.state.numbers()[0].number;
    const got = await client.getNumber(number);
    assert.equal(got.number, number);
    assert.ok(emu.requests.some((r) => r.path.includes('%2B')));
  });

  it('a read-only token gets a ForbiddenError that names the permitted scopes', async () => {
    const readOnly = makeClient(emu.apiUrl, {
      credentials: { getCredential: async () => ({ token: emu.demoTokens.readOnly, kind: 'pat' }) },
    }).client;
    const error = (await rejection(readOnly.deleteFax('whatever'))) as ForbiddenError;
    assert.ok(error instanceof ForbiddenError);
    assert.equal(error.code, 'insufficient_scope');
    assert.deepEqual(error.permittedScopes, ['fax:all:edit', 'fax:fax:edit']);
    readOnly.dispose();
  });

  it('an expired token → UnauthorizedError', async () => {
    const expired = makeClient(emu.apiUrl, {
      credentials: { getCredential: async () => ({ token: emu.demoTokens.expired, kind: 'pat' }) },
    }).client;
    assert.ok((await rejection(expired.getTokenInfo())) instanceof UnauthorizedError);
    expired.dispose();
  });

  it('validation errors arrive as RequestRejectedError with the server code', async () => {
    const error = (await rejection(
      client.sendFax({ from: 'no_number', to: ['+1'], files: Array.from({ length: 11 }, (_, i) => `/f${i}`) }),
    )) as RequestRejectedError;
    assert.ok(error instanceof RequestRejectedError);
    assert.equal(error.code, 'too_many_files');
  });

  it('downloads a fax as PDF and TIFF, and the report', async () => {
    const fax = emu.state.faxes('inbox')[0];
    await client.downloadFile(fax.id, 'pdf', join(dir, 'f.pdf'));
    assert.equal((await readFile(join(dir, 'f.pdf'))).subarray(0, 5).toString(), '%PDF-');
    const tiff = Buffer.from(await client.downloadFileBytes(fax.id, 'tiff'));
    assert.ok(['II', 'MM'].includes(tiff.subarray(0, 2).toString()));
    await client.downloadReport(fax.id, join(dir, 'r.pdf'));
    assert.deepEqual((await readdir(dir)).sort(), ['f.pdf', 'r.pdf']);
  });

  it('accounts, members, member details, outbox edits, webhooks, balance, shop', async () => {
    const me = await client.getAccount();
    assert.equal(me.accountType, 'corporate_admin');
    const members = await client.listMembers();
    assert.ok(members.length >= 3);
    const details = await client.getMemberDetails(emu.accounts.member);
    assert.equal(typeof details.quota, 'number');
    await client.updateMemberDetails(emu.accounts.member, { role: 'member', quota: 42 });
    assert.equal(emu.state.memberDetails(emu.accounts.member)?.quota, 42);

    const fax = (await client.listFaxes({ category: 'inbox', limit: 1 }))[0];
    await client.updateFax(fax.id, { comment: 'seen', isRead: true });
    assert.equal((await client.getFax(fax.id)).isRead, true);

    const number = emu.state.numbers()[0].number;
    const path = await client.uploadFile(pdfSource());
    const sent = await client.sendFax({ from: number, to: ['+12125550122'], files: [path], sendTime: new Date(Date.now() + 86_400_000) });
    const outboxId = sent.ids['+12125550122'];
    assert.equal((await client.getOutboxFax(outboxId)).id, outboxId);
    await client.deleteOutboxFax(outboxId);

    const hookId = await client.createWebhook({ target: 'https://example.com/hook', event: 'fax_received' });
    assert.ok((await client.listWebhooks('fax_received')).some((w) => w.id === hookId));
    await client.deleteWebhook(hookId);
    assert.equal((await client.listWebhooks('fax_received')).length, 0);

    const balance = await client.getBalance();
    assert.equal(typeof balance.balance, 'number');
    const countries = await client.listShopCountries();
    assert.ok(countries.length > 0 && countries.every((c) => typeof c.iso === 'string'));
  });

  it('an upload over 150 MB → PayloadTooLargeError', async function () {
    const size = 151 * 1024 * 1024;
    const block = Buffer.alloc(1024 * 1024, 1);
    const big: UploadSource = {
      name: 'huge.pdf',
      size,
      open: async function* () {
        for (let left = size; left > 0; left -= block.length) yield left >= block.length ? block : block.subarray(0, left);
      },
    };
    const error = await rejection(client.uploadFile(big));
    // The emulator answers 413 as soon as the limit is crossed, then closes the socket; either is a refusal, never a retry.
    assert.ok(error instanceof PayloadTooLargeError || (error instanceof NetworkError && error.maybeDelivered), String(error));
    assert.equal(emu.requests.filter((r) => r.operationId === 'uploadFile').length, 1);
  });
});
