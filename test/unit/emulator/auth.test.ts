import * as assert from 'node:assert/strict';
import { type Emulator, startEmulator } from '../../emulator';
import { api, upload } from './client';

describe('emulator: authentication and scopes', () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ seedFaxes: 10 });
  });
  after(() => emu.stop());

  it('answers 401 invalid_token without a token, for an unknown token and a revoked one', async () => {
    const none = await api(emu, 'GET', '/auth/token');
    assert.equal(none.status, 401);
    assert.equal(none.json.error, 'invalid_token');
    const unknown = await api(emu, 'GET', '/auth/token', { token: 'alohi_pat_doesnotexist0000000000000000000' });
    assert.equal(unknown.status, 401);
    const pat = emu.issuePat({ scopes: ['fax:all:read'] });
    assert.equal((await api(emu, 'GET', '/auth/token', { token: pat })).status, 200);
    emu.revokeToken(pat);
    const revoked = await api(emu, 'GET', '/auth/token', { token: pat });
    assert.equal(revoked.status, 401);
    assert.equal(revoked.json.error, 'invalid_token');
  });

  it('says when a token expired, with a different description', async () => {
    const expired = await api(emu, 'GET', '/auth/token', { token: emu.demoTokens.expired });
    const unknown = await api(emu, 'GET', '/auth/token', { token: 'alohi_pat_nope' });
    assert.equal(expired.status, 401);
    assert.equal(expired.json.error, 'invalid_token');
    assert.match(expired.json.description, /expired/);
    assert.notEqual(expired.json.description, unknown.json.description);
  });

  it('expires a PAT when the emulator clock passes its expiration date', async () => {
    const pat = emu.issuePat({ scopes: ['fax:all:read'], expiresInMs: 60_000 });
    assert.equal((await api(emu, 'GET', '/accounts/self', { token: pat })).status, 200);
    emu.clock.advance(61_000);
    const res = await api(emu, 'GET', '/accounts/self', { token: pat });
    assert.equal(res.status, 401);
    assert.match(res.json.description, /expired/);
  });

  it('describes a PAT: type, scopes, name, preview and dates in ms', async () => {
    const token = emu.issuePat({ scopes: ['fax:fax:read', 'fax:numbers:read'], name: 'CI token', expiresInMs: 5 * 86_400_000 });
    const res = await api(emu, 'GET', '/auth/token', { token });
    assert.equal(res.status, 200);
    assert.equal(res.json.token_type, 'pat');
    assert.deepEqual(res.json.scopes, ['fax:fax:read', 'fax:numbers:read']);
    assert.equal(res.json.name, 'CI token');
    assert.match(res.json.preview, /^alohi_pat_[A-Za-z0-9]{2}…[A-Za-z0-9]{3}$/);
    assert.ok(!res.json.preview.includes(token.slice(12, 30)));
    assert.equal(typeof res.json.expiration_date, 'number');
    assert.ok(res.json.expiration_date - res.json.created_date >= 5 * 86_400_000 - 1000);
    assert.match(token, /^alohi_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{57}$/, 'shaped like a real PAT');
  });

  it('refuses an operation the scopes do not permit with 403 insufficient_scope naming the scopes', async () => {
    const token = emu.issuePat({ scopes: ['fax:numbers:read'] });
    const res = await api(emu, 'GET', '/accounts/self/faxes?category=inbox', { token });
    assert.equal(res.status, 403);
    assert.equal(res.json.error, 'insufficient_scope');
    assert.match(res.json.description, /fax:fax:read/);
    const ro = await api(emu, 'PUT', `/accounts/self/faxes/${emu.state.faxes('inbox')[0].id}`, {
      token: emu.demoTokens.readOnly,
      json: { is_read: true },
    });
    assert.equal(ro.status, 403);
    assert.match(ro.json.description, /fax:fax:edit/);
  });

  it('lets edit include read within a group', async () => {
    const token = emu.issuePat({ scopes: ['fax:fax:edit'] });
    assert.equal((await api(emu, 'GET', '/accounts/self/faxes?category=sent', { token })).status, 200);
    assert.equal((await api(emu, 'GET', '/accounts/self/numbers', { token })).status, 403);
  });

  it('lets fax:fax:edit upload files (documented as fax:file:edit)', async () => {
    const token = emu.issuePat({ scopes: ['fax:fax:edit'] });
    const res = await upload(emu, token);
    assert.equal(res.status, 200);
    assert.match(res.json.path, /^\/transient-[0-9a-f-]{36}$/);
    const readOnly = await upload(emu, emu.issuePat({ scopes: ['fax:fax:read'] }));
    assert.equal(readOnly.status, 403);
  });

  it('lets any valid token read its own token info', async () => {
    const token = emu.issuePat({ scopes: ['fax:webhook:read'] });
    assert.equal((await api(emu, 'GET', '/auth/token', { token })).status, 200);
  });

  it('refuses admin-only operations and other users to members with 403 forbidden', async () => {
    const member = emu.demoTokens.member;
    for (const [method, path] of [
      ['GET', '/accounts'],
      ['GET', `/accounts/self/member-details/${emu.accounts.member}`],
      ['GET', `/accounts/${emu.accounts.admin}`],
      ['GET', `/accounts/${emu.accounts.memberWithoutNumber}/faxes`],
    ]) {
      const res = await api(emu, method, path, { token: member });
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.equal(res.json.error, 'forbidden');
    }
    assert.equal((await api(emu, 'GET', '/accounts/self', { token: member })).json.uid, emu.accounts.member);
    assert.equal((await api(emu, 'GET', `/accounts/${emu.accounts.member}`, { token: member })).status, 200);
  });

  it('lets the admin act for a member by uid', async () => {
    const res = await api(emu, 'GET', `/accounts/${emu.accounts.member}/faxes?category=inbox`, { token: emu.demoTokens.fullAccess });
    assert.equal(res.status, 200);
    assert.ok(res.json.data.records.every((f: { owner_id: string }) => f.owner_id === emu.accounts.member));
    assert.equal((await api(emu, 'GET', '/accounts/0000/faxes', { token: emu.demoTokens.fullAccess })).status, 404);
  });

  it('never logs the token itself', async () => {
    emu.clearRequests();
    await api(emu, 'GET', '/auth/token', { token: emu.demoTokens.fullAccess });
    const [entry] = emu.requests;
    assert.equal(entry.operationId, 'getTokenInfo');
    assert.equal(entry.hasAuthorization, true);
    assert.equal(entry.status, 200);
    assert.ok(!JSON.stringify(emu.requests).includes(emu.demoTokens.fullAccess));
    assert.match(entry.tokenPreview ?? '', /…/);
    assert.equal(entry.headers.authorization, undefined);
  });
});
