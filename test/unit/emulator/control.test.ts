import * as assert from 'node:assert/strict';
import { type Emulator, startEmulator } from '../../emulator';
import { api, http, upload } from './client';

describe('emulator: control API, request log, reset and restart', () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ seedFaxes: 10, speed: 0 });
  });
  after(() => emu.stop());

  const ctl = (method: string, path: string, json?: unknown) => http(emu, method, `${emu.controlUrl}${path}`, { json });

  it('summarises itself and hands out demo tokens and new PATs', async () => {
    const summary = await ctl('GET', '/');
    assert.equal(summary.json.apiUrl, emu.apiUrl);
    assert.deepEqual((await ctl('GET', '/demo-tokens')).json, emu.demoTokens);
    const issued = await ctl('POST', '/issue-pat', { scopes: ['fax:fax:read'], name: 'bench' });
    const info = await api(emu, 'GET', '/auth/token', { token: issued.json.token });
    assert.equal(info.json.name, 'bench');
  });

  it('adds and clears faults, advances the clock and sets its speed', async () => {
    await ctl('POST', '/faults', { operationId: 'getUser', kind: 'status', status: 502, times: null });
    assert.equal((await api(emu, 'GET', '/accounts/self', { token: emu.demoTokens.fullAccess })).status, 502);
    assert.equal((await api(emu, 'GET', '/accounts/self', { token: emu.demoTokens.fullAccess })).status, 502);
    await ctl('POST', '/clear-faults');
    assert.equal((await api(emu, 'GET', '/accounts/self', { token: emu.demoTokens.fullAccess })).status, 200);
    const before = emu.clock.now();
    await ctl('POST', '/advance', { ms: 5000 });
    assert.ok(emu.clock.now() - before >= 5000);
    await ctl('POST', '/speed', { factor: 0 });
    assert.equal(emu.clock.speed, 0);
  });

  it('logs requests with query, JSON body, percent-encoded path and no control calls', async () => {
    await ctl('POST', '/clear-requests');
    const number = emu.state.numbers()[0].number;
    await api(emu, 'GET', `/accounts/self/numbers/${encodeURIComponent(number)}`, { token: emu.demoTokens.fullAccess });
    await api(emu, 'GET', '/accounts/self/faxes?category=sent&limit=3', {
      token: emu.demoTokens.fullAccess,
      headers: { 'user-agent': 'emu-test' },
    });
    await api(emu, 'PUT', `/accounts/self/faxes/${emu.state.faxes('inbox')[0].id}`, {
      token: emu.demoTokens.fullAccess,
      json: { is_read: true },
    });
    await ctl('GET', '/');
    const log = (await ctl('GET', '/requests')).json.requests as typeof emu.requests;
    assert.deepEqual(
      log.map((r) => r.operationId),
      ['getNumber', 'listFaxes', 'updateFax'],
    );
    assert.equal(log[0].path, `/v3/accounts/self/numbers/%2B${number.slice(1)}`);
    assert.equal(log[0].status, 200);
    assert.deepEqual(log[1].query, { category: 'sent', limit: '3' });
    assert.equal(log[1].headers['user-agent'], 'emu-test');
    assert.deepEqual(log[2].bodyJson, { is_read: true });
  });

  it('reset() restores the seed and drops issued tokens but keeps demo tokens', async () => {
    const token = emu.demoTokens.fullAccess;
    const pat = emu.issuePat({ scopes: ['fax:all:read'] });
    const id = emu.state.faxes('inbox')[0].id;
    await api(emu, 'DELETE', `/accounts/self/faxes/${id}`, { token });
    await upload(emu, token);
    emu.revokeToken(emu.demoTokens.readOnly);
    emu.reset();
    assert.ok(emu.state.fax(id));
    assert.equal(emu.state.files().length, 0);
    assert.equal((await api(emu, 'GET', '/auth/token', { token: pat })).status, 401);
    assert.equal((await api(emu, 'GET', '/auth/token', { token })).status, 200);
    assert.equal((await api(emu, 'GET', '/auth/token', { token: emu.demoTokens.readOnly })).status, 200);
    assert.equal(emu.requests.length, 3);
  });

  it('reset({keepTokens}) keeps issued tokens', async () => {
    const pat = emu.issuePat({ scopes: ['fax:all:read'] });
    emu.reset({ keepTokens: true });
    assert.equal((await api(emu, 'GET', '/auth/token', { token: pat })).status, 200);
  });

  it('restart() listens again on the same port with fresh state', async () => {
    const port = emu.port;
    await api(emu, 'DELETE', `/accounts/self/faxes/${emu.state.faxes('inbox')[0].id}`, { token: emu.demoTokens.fullAccess });
    const count = emu.state.faxes('inbox').length;
    await emu.restart();
    assert.equal(emu.port, port);
    assert.equal(emu.state.faxes('inbox').length, count + 1);
    assert.equal((await api(emu, 'GET', '/accounts/self', { token: emu.demoTokens.fullAccess })).status, 200);
  });

  it('answers unknown paths with 404 and wrong methods with 405, in the Error shape', async () => {
    const token = emu.demoTokens.fullAccess;
    const missing = await api(emu, 'GET', '/nothing/here', { token });
    assert.equal(missing.status, 404);
    assert.equal(missing.json.error, 'not_found');
    assert.equal((await api(emu, 'PATCH', '/accounts/self', { token })).status, 405);
  });

  it('lets the admin assign and revoke numbers; percent-encoded numbers in paths', async () => {
    const token = emu.demoTokens.fullAccess;
    const free = emu.state.numbers()[2].number;
    const path = `/accounts/self/numbers/${encodeURIComponent(free)}`;
    assert.equal((await api(emu, 'PUT', path, { token, json: { assigned_to: emu.accounts.memberWithoutNumber } })).status, 200);
    const memberToken = emu.issuePat({ scopes: ['fax:numbers:read'], account: emu.accounts.memberWithoutNumber });
    const mine = await api(emu, 'GET', '/accounts/self/numbers', { token: memberToken });
    assert.deepEqual(
      mine.json.numbers.map((n: { number: string }) => n.number),
      [free],
    );
    assert.equal(
      (await api(emu, 'DELETE', `/accounts/${emu.accounts.memberWithoutNumber}/numbers/${encodeURIComponent(free)}`, { token })).status,
      200,
    );
    assert.equal((await api(emu, 'GET', '/accounts/self/numbers', { token: memberToken })).json.numbers.length, 0);
    assert.equal(
      (await api(emu, 'DELETE', `/accounts/self/numbers/${encodeURIComponent(emu.state.numbers()[0].number)}`, { token })).status,
      400,
    );
    assert.equal(
      (await api(emu, 'PUT', path, { token: emu.demoTokens.member, json: { assigned_to: emu.accounts.member } })).json.error,
      'forbidden',
    );
  });
});
