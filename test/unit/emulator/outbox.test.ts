import * as assert from 'node:assert/strict';
import { type Emulator, startEmulator } from '../../emulator';
import { api, upload } from './client';

describe('emulator: sending and the outbox lifecycle', () => {
  let emu: Emulator;
  let token: string;
  let from: string;
  beforeEach(async () => {
    emu = await startEmulator({ seedFaxes: 5, speed: 0 }); // frozen clock: only advance() moves it
    token = emu.demoTokens.fullAccess;
    from = emu.state.numbers()[0].number;
  });
  afterEach(() => emu.stop());

  async function send(extra: Record<string, unknown> = {}, to = ['+12125550100']) {
    const file = await upload(emu, token);
    return api(emu, 'POST', '/accounts/self/outbox', { token, json: { from, to, files: [file.json.path], return_ids: true, ...extra } });
  }

  it('answers 201 with one id per destination, each an outbox record', async () => {
    const res = await send({}, ['+12125550100', '+13055550199']);
    assert.equal(res.status, 201);
    assert.deepEqual(Object.keys(res.json.ids).sort(), ['+12125550100', '+13055550199']);
    const outbox = emu.state.outbox();
    assert.equal(outbox.length, 2);
    assert.deepEqual(outbox.map((o) => o.id).sort(), Object.values(res.json.ids).sort());
    const got = await api(emu, 'GET', `/accounts/self/outbox/${res.json.ids['+12125550100']}`, { token });
    assert.deepEqual(got.json.to, ['+12125550100']);
    assert.equal(got.json.status, 'submitted');
  });

  it('answers {} without return_ids', async () => {
    const file = await upload(emu, token);
    const res = await api(emu, 'POST', '/accounts/self/outbox', { token, json: { from, to: ['+12125550100'], files: [file.json.path] } });
    assert.equal(res.status, 201);
    assert.deepEqual(res.json, {});
  });

  it('moves submitted → converting → sending → sent with the clock; the sent fax gets a new 24-hex id (32-hex outbox id)', async () => {
    const res = await send();
    const id = res.json.ids['+12125550100'];
    assert.match(id, /^[0-9a-f]{32}$/, 'outbox ids are 32 hex characters, as in the docs');
    const status = async () => (await api(emu, 'GET', `/accounts/self/outbox/${id}`, { token })).json?.status;
    assert.equal(await status(), 'submitted');
    emu.clock.advance(1000);
    assert.equal(await status(), 'converting');
    emu.clock.advance(2000);
    assert.equal(await status(), 'sending');
    emu.clock.advance(5000);
    assert.equal((await api(emu, 'GET', `/accounts/self/outbox/${id}`, { token })).status, 404);
    assert.equal((await api(emu, 'GET', `/accounts/self/faxes/${id}`, { token })).status, 404, 'the outbox id is not the fax id');
    const faxId = emu.sentIdOf(id);
    assert.match(faxId ?? '', /^[0-9a-f]{24}$/, 'fax ids are 24 hex characters');
    const fax = await api(emu, 'GET', `/accounts/self/faxes/${faxId}`, { token });
    assert.equal(fax.status, 200);
    assert.equal(fax.json.status, 'success');
    assert.equal(fax.json.direction, 'outgoing');
    assert.equal(fax.json.to, '+12125550100');
    const sent = await api(emu, 'GET', '/accounts/self/faxes?category=sent&limit=1', { token });
    assert.equal(sent.json.data.records[0].id, faxId);
  });

  it('with the variant sentFaxIds kept, the sent fax keeps its outbox id (set through the control API)', async () => {
    const set = await fetch(`${emu.controlUrl}/variants`, { method: 'POST', body: JSON.stringify({ sentFaxIds: 'kept' }) });
    assert.equal(set.status, 200);
    assert.equal(emu.sentFaxIds, 'kept');
    const id = (await send()).json.ids['+12125550100'];
    emu.clock.advance(10_000);
    assert.equal((await api(emu, 'GET', `/accounts/self/faxes/${id}`, { token })).json.status, 'success');
    assert.equal(emu.sentIdOf(id), id);
    const bad = await fetch(`${emu.controlUrl}/variants`, { method: 'POST', body: JSON.stringify({ sentFaxIds: 'sometimes' }) });
    assert.equal(bad.status, 400);
    emu.reset({ keepTokens: true });
    assert.equal(emu.sentFaxIds, 'new', 'reset() goes back to the start option');
  });

  it('passes through scheduled_for_sending when send_time is in the future', async () => {
    const inOneHour = new Date(emu.clock.now() + 3_600_000).toISOString().slice(0, 19).replace('T', ' ') + ' +0000';
    const id = (await send({ send_time: inOneHour })).json.ids['+12125550100'];
    emu.clock.advance(3000);
    assert.equal(emu.state.outbox()[0].status, 'scheduled_for_sending');
    emu.clock.advance(3_600_000);
    assert.equal(emu.state.outbox()[0].status, 'sending');
    emu.clock.advance(5000);
    assert.equal(emu.state.fax(emu.sentIdOf(id)!)?.status, 'success');
  });

  it('ends with failed_no_answer (…99), failed_user_busy (…98) and the unknown failed_quantum_flux (…97)', async () => {
    const res = await send({}, ['+12125550199', '+12125550198', '+12125550197']);
    emu.clock.advance(10_000);
    const sentFax = (to: string) => emu.state.fax(emu.sentIdOf(res.json.ids[to])!);
    assert.equal(sentFax('+12125550199')?.status, 'failed_no_answer');
    assert.equal(sentFax('+12125550198')?.status, 'failed_user_busy');
    assert.equal(sentFax('+12125550197')?.status, 'failed_quantum_flux');
  });

  it('cancels an outbox fax on DELETE; it never reaches sent', async () => {
    const id = (await send()).json.ids['+12125550100'];
    assert.equal((await api(emu, 'DELETE', `/accounts/self/outbox/${id}`, { token })).status, 200);
    emu.clock.advance(60_000);
    assert.equal(emu.sentIdOf(id), undefined);
    assert.equal(emu.state.fax(id), undefined);
    assert.equal(emu.state.outbox().length, 0);
  });

  it('updates the comment of an outbox fax', async () => {
    const id = (await send()).json.ids['+12125550100'];
    assert.equal((await api(emu, 'PUT', `/accounts/self/outbox/${id}`, { token, json: { comment: 'urgent' } })).status, 200);
    assert.equal((emu.state.outbox()[0].comment as { text: string }).text, 'urgent');
  });

  it('validates: files, destinations, from', async () => {
    const file = (await upload(emu, token)).json.path as string;
    const post = (json: unknown) => api(emu, 'POST', '/accounts/self/outbox', { token, json });
    assert.equal((await post({ from, to: ['+12125550100'], files: Array(11).fill(file) })).json.error, 'too_many_files');
    const many = Array.from({ length: 4001 }, (_, i) => `+1212555${String(i).padStart(4, '0')}`);
    assert.equal((await post({ from, to: many, files: [file] })).json.error, 'too_many_destinations');
    assert.equal((await post({ from, to: ['2125550100'], files: [file] })).json.error, 'invalid_destination');
    assert.equal((await post({ from, to: ['+12125550100'], files: ['/transient-nope'] })).json.error, 'file_not_found');
    assert.equal((await post({ from: '+19999999999', to: ['+12125550100'], files: [file] })).json.error, 'invalid_from');
    const waiting = emu.state.numbers().find((n) => n.status === 'waiting_verification')!.number;
    assert.equal((await post({ from: waiting, to: ['+12125550100'], files: [file] })).json.error, 'invalid_from');
    assert.equal((await post({ from, to: ['+12125550100'], files: [file] })).status, 201);
    assert.equal(emu.state.outbox().length, 1);
  });

  it('lets a member without a number send from no_number', async () => {
    const t = emu.issuePat({ scopes: ['fax:fax:edit'], account: emu.accounts.memberWithoutNumber });
    const file = (await upload(emu, t)).json.path as string;
    const res = await api(emu, 'POST', '/accounts/self/outbox', {
      token: t,
      json: { from: 'no_number', to: ['+12125550100'], files: [file], return_ids: true },
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(emu.state.outbox(emu.accounts.memberWithoutNumber).length, 1);
    assert.equal(
      (
        await api(emu, 'POST', '/accounts/self/outbox', {
          token,
          json: { from: 'no_number', to: ['+12125550100'], files: [(await upload(emu, token)).json.path] },
        })
      ).json.error,
      'invalid_from',
    );
  });

  it('runs in real time by default, faster with setSpeed', async () => {
    const fast = await startEmulator({ seedFaxes: 0, lifecycle: { submittedMs: 100, convertingMs: 100, sendingMs: 100 } });
    try {
      fast.clock.setSpeed(10);
      const t = fast.demoTokens.fullAccess;
      const file = (await upload(fast, t)).json.path as string;
      const id = (
        await api(fast, 'POST', '/accounts/self/outbox', {
          token: t,
          json: { from: fast.state.numbers()[0].number, to: ['+12125550100'], files: [file], return_ids: true },
        })
      ).json.ids['+12125550100'];
      await new Promise((r) => setTimeout(r, 60));
      assert.equal(fast.state.fax(fast.sentIdOf(id) ?? id)?.status, 'success');
    } finally {
      await fast.stop();
    }
  });
});
