import * as assert from 'node:assert/strict';
import { type Emulator, startEmulator } from '../../emulator';
import { api, upload, multipart } from './client';

describe('emulator: fault injection', () => {
  let emu: Emulator;
  let token: string;
  before(async () => {
    emu = await startEmulator({ seedFaxes: 20 });
    token = emu.demoTokens.fullAccess;
  });
  afterEach(() => emu.faults.clear());
  after(() => emu.stop());

  const sendBody = async () => ({
    from: emu.state.numbers()[0].number,
    to: ['+12125550100'],
    files: [(await upload(emu, token)).json.path],
    return_ids: true,
  });

  it('answers a chosen status once, then normally', async () => {
    emu.faults.add({ operationId: 'listFaxes', kind: 'status', status: 503, body: { error: 'maintenance', description: 'back soon' } });
    const first = await api(emu, 'GET', '/accounts/self/faxes', { token });
    assert.equal(first.status, 503);
    assert.equal(first.json.error, 'maintenance');
    assert.equal((await api(emu, 'GET', '/accounts/self/faxes', { token })).status, 200);
  });

  it('rate limits with 429 and Retry-After, as many times as asked', async () => {
    emu.faults.add({ method: 'GET', pathIncludes: '/numbers', kind: 'rateLimit', retryAfterSeconds: 7, times: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await api(emu, 'GET', '/accounts/self/numbers', { token });
      assert.equal(res.status, 429);
      assert.equal(res.headers['retry-after'], '7');
    }
    assert.equal((await api(emu, 'GET', '/accounts/self/numbers', { token })).status, 200);
  });

  it('allows Infinity times until cleared', async () => {
    emu.faults.add({ operationId: 'getBalance', kind: 'status', status: 500, times: Infinity });
    for (let i = 0; i < 3; i++) {
      assert.equal((await api(emu, 'GET', '/shop/balance', { token })).status, 500);
    }
    emu.faults.clear();
    assert.equal((await api(emu, 'GET', '/shop/balance', { token })).status, 200);
  });

  it('adds latency', async () => {
    emu.faults.add({ operationId: 'getUser', kind: 'latency', ms: 150 });
    const t0 = Date.now();
    assert.equal((await api(emu, 'GET', '/accounts/self', { token })).status, 200);
    assert.ok(Date.now() - t0 >= 140);
  });

  it('answers malformed JSON', async () => {
    emu.faults.add({ operationId: 'listNumbers', kind: 'malformedJson' });
    const res = await api(emu, 'GET', '/accounts/self/numbers', { token });
    assert.equal(res.status, 200);
    assert.throws(() => JSON.parse(res.text));
  });

  it('expires the token of the request', async () => {
    const pat = emu.issuePat({ scopes: ['fax:all:read'] });
    emu.faults.add({ operationId: 'getUser', kind: 'expireToken' });
    const res = await api(emu, 'GET', '/accounts/self', { token: pat });
    assert.equal(res.status, 401);
    assert.match(res.json.description, /expired/);
    assert.equal((await api(emu, 'GET', '/auth/token', { token: pat })).status, 401);
  });

  it('resets sendFax before commit: nothing is created', async () => {
    const json = await sendBody();
    emu.faults.add({ operationId: 'sendFax', kind: 'reset' });
    await assert.rejects(api(emu, 'POST', '/accounts/self/outbox', { token, json }));
    assert.equal(emu.state.outbox().length, 0);
    const logged = emu.requests.filter((r) => r.operationId === 'sendFax').pop()!;
    assert.equal(logged.status, 0);
  });

  it('resets sendFax after commit: the fax exists, the answer is lost', async () => {
    const json = await sendBody();
    emu.faults.add({ operationId: 'sendFax', kind: 'reset', afterCommit: true });
    await assert.rejects(api(emu, 'POST', '/accounts/self/outbox', { token, json }));
    assert.equal(emu.state.outbox().length, 1);
    const logged = emu.requests.filter((r) => r.operationId === 'sendFax').pop()!;
    assert.deepEqual((logged.bodyJson as { to: string[] }).to, ['+12125550100']);
    await api(emu, 'DELETE', `/accounts/self/outbox/${emu.state.outbox()[0].id as string}`, { token });
  });

  it('late commit: answers 504 at once, creates the fax commitAfterMs (real time) later', async () => {
    const json = await sendBody();
    emu.clearRequests();
    emu.faults.add({ operationId: 'sendFax', kind: 'lateCommit', status: 504, commitAfterMs: 200 });
    const res = await api(emu, 'POST', '/accounts/self/outbox', { token, json });
    assert.equal(res.status, 504);
    assert.equal(res.json.error, 'gateway_timeout');
    assert.equal(emu.state.outbox().length, 0, 'nothing yet');
    assert.equal(emu.lateCommits.pending, 1);
    await emu.lateCommits.next();
    const outbox = emu.state.outbox();
    assert.equal(outbox.length, 1, 'created later, once');
    assert.deepEqual(outbox[0].to, ['+12125550100']);
    assert.equal(emu.requests.filter((r) => r.operationId === 'sendFax').length, 1);
    await api(emu, 'DELETE', `/accounts/self/outbox/${outbox[0].id as string}`, { token });
  });

  it('late commit: a gateway HTML page (502), or a reset after the body was read', async () => {
    emu.faults.add({ operationId: 'sendFax', kind: 'lateCommit', status: 502, html: true, commitAfterMs: 50 });
    const res = await api(emu, 'POST', '/accounts/self/outbox', { token, json: await sendBody() });
    assert.equal(res.status, 502);
    assert.match(String(res.headers['content-type']), /text\/html/);
    assert.match(res.text, /<h1>502 Bad Gateway<\/h1>/);
    await emu.lateCommits.next();
    emu.faults.add({ operationId: 'sendFax', kind: 'lateCommit', reset: true, commitAfterMs: 50 });
    await assert.rejects(api(emu, 'POST', '/accounts/self/outbox', { token, json: await sendBody() }));
    await emu.lateCommits.next();
    assert.equal(emu.state.outbox().length, 2);
    for (const o of emu.state.outbox()) await api(emu, 'DELETE', `/accounts/self/outbox/${o.id as string}`, { token });
  });

  it('late commit: reset() drops a commit still pending', async () => {
    const other = await startEmulator({ seedFaxes: 0 });
    try {
      const t = other.demoTokens.fullAccess;
      const json = {
        from: other.state.numbers()[0].number,
        to: ['+12125550100'],
        files: [(await upload(other, t)).json.path],
        return_ids: true,
      };
      other.faults.add({ operationId: 'sendFax', kind: 'lateCommit', commitAfterMs: 60_000 });
      assert.equal((await api(other, 'POST', '/accounts/self/outbox', { token: t, json })).status, 504);
      other.reset({ keepTokens: true });
      assert.equal(other.lateCommits.pending, 0);
    } finally {
      await other.stop();
    }
  });

  it('resets a response mid-body', async () => {
    emu.faults.add({ operationId: 'getFile', kind: 'reset', midBody: true });
    const id = emu.state.faxes('inbox')[0].id;
    await assert.rejects(api(emu, 'GET', `/accounts/self/files/${id}?format=pdf`, { token }));
    assert.equal((await api(emu, 'GET', `/accounts/self/files/${id}?format=pdf`, { token })).status, 200);
  });

  it('resets an upload after N bytes of the body arrived', async () => {
    emu.faults.add({ operationId: 'uploadFile', kind: 'reset', afterBytes: 64 * 1024 });
    const before = emu.state.files().length;
    const mp = multipart('big.pdf', Buffer.alloc(2 * 1024 * 1024, 1));
    await assert.rejects(api(emu, 'POST', '/accounts/self/files', { token, body: mp.body, headers: mp.headers }));
    assert.equal(emu.state.files().length, before);
    const logged = emu.requests.filter((r) => r.operationId === 'uploadFile').pop()!;
    assert.ok((logged.uploadBytes ?? 0) >= 64 * 1024);
    assert.equal(logged.status, 0);
  });

  it('matches by method and path, leaving other requests alone', async () => {
    emu.faults.add({ method: 'DELETE', kind: 'status', status: 500 });
    assert.equal((await api(emu, 'GET', '/accounts/self', { token })).status, 200);
    assert.equal(emu.faults.list().length, 1);
  });
});
