import * as assert from 'node:assert/strict';
import { request } from 'undici';
import { startEmulator, withVariants, type Emulator } from '../../emulator';
import {
  DEFAULT_VARIANTS,
  HOSTILE_VARIANTS,
  parseVariantAssignment,
  resolveVariants,
  VARIANT_VALUES,
  variantsFromArgv,
} from '../../emulator/variants';
import { api, http } from './client';

/** Each variant changes what the emulator answers, exactly as README "Variants" says. */
describe('emulator: variants', function () {
  this.timeout(20_000);
  let emu: Emulator;
  let token: string;

  before(async () => {
    emu = await startEmulator({ seedFaxes: 30, speed: 0 });
    token = emu.demoTokens.fullAccess;
  });
  after(async () => {
    await emu.stop();
  });
  beforeEach(() => {
    emu.reset({ keepTokens: true });
  });

  const list = async (query: string) => (await api(emu, 'GET', `/accounts/self/faxes?${query}`, { token })).json;

  it('defaults are realistic and every default is one of its values', () => {
    assert.deepEqual(emu.variants, DEFAULT_VARIANTS);
    for (const [key, values] of Object.entries(VARIANT_VALUES)) {
      assert.ok((values as unknown[]).includes(DEFAULT_VARIANTS[key as keyof typeof DEFAULT_VARIANTS]), key);
    }
  });

  it('listOrder asc answers the oldest records first; limitCap cuts a larger limit', async () => {
    emu.setVariants({ listOrder: 'asc', limitCap: 7 });
    const records = (await list('category=inbox&limit=50')).data.records as { start_time: string }[];
    assert.equal(records.length, 7);
    const all = emu.state.faxes('inbox');
    assert.equal(records[0].start_time, all[all.length - 1].start_time);
    assert.deepEqual(
      records.map((r) => r.start_time),
      records.map((r) => r.start_time).sort(),
    );
  });

  it('beforeInclusive includes the records of that very second', async () => {
    const t = emu.state.faxes('inbox')[3].start_time;
    const exclusive = (await list(`category=inbox&before=${encodeURIComponent(t)}`)).data.records as { start_time: string }[];
    assert.ok(exclusive.every((r) => r.start_time < t));
    emu.setVariants({ beforeInclusive: true });
    const inclusive = (await list(`category=inbox&before=${encodeURIComponent(t)}`)).data.records as { start_time: string }[];
    assert.equal(inclusive[0].start_time, t);
  });

  it('emptyList shapes an empty fax list and an empty outbox', async () => {
    const far = encodeURIComponent('2001-01-01 00:00:00');
    assert.deepEqual(await list(`category=inbox&before=${far}`), { data: { records: [] } });
    const shapes = { noData: [{}, {}], noRecords: [{ data: {} }, {}], flat: [{ records: [] }, { records: [] }] } as const;
    for (const [shape, [faxes, outbox]] of Object.entries(shapes)) {
      emu.setVariants({ emptyList: shape as 'noData' });
      assert.deepEqual(await list(`category=inbox&before=${far}`), faxes, shape);
      assert.deepEqual((await api(emu, 'GET', '/accounts/self/outbox', { token })).json, outbox, shape);
    }
  });

  it('tokenInfo 404/405 removes GET /auth/token; other operations still answer', async () => {
    for (const status of ['404', '405'] as const) {
      emu.setVariants({ tokenInfo: status });
      assert.equal((await api(emu, 'GET', '/auth/token', { token })).status, Number(status));
      assert.equal((await api(emu, 'GET', '/accounts/self', { token })).status, 200);
    }
  });

  it('patScopes and tokenDates shape a PAT answer', async () => {
    emu.setVariants({ patScopes: 'comma', tokenDates: 's' });
    const pat = emu.issuePat({ scopes: ['fax:fax:read', 'fax:numbers:read'] });
    const info = (await api(emu, 'GET', '/auth/token', { token: pat })).json;
    assert.equal(info.scopes, 'fax:fax:read,fax:numbers:read');
    assert.ok(info.expiration_date < 1e11 && info.expiration_date > 1e9);
    emu.setVariants({ patScopes: 'space' });
    assert.equal((await api(emu, 'GET', '/auth/token', { token: pat })).json.scopes, 'fax:fax:read fax:numbers:read');
  });

  it('uploadKey, sendFaxIds, balanceShape and assignMethod change their answers', async () => {
    emu.setVariants({ uploadKey: 'file_path', sendFaxIds: 'numbers', balanceShape: 'otherKeys', assignMethod: 'post' });
    const boundary = 'x-boundary';
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="fax_file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\r\n--${boundary}--\r\n`,
    );
    const up = await api(emu, 'POST', '/accounts/self/files', {
      token,
      body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    assert.equal(up.json.path, undefined);
    assert.match(up.json.file_path, /^\/transient-/);
    const from = emu.state.numbers().find((n) => n.assigned_to.includes(emu.accounts.admin))!.number;
    const sent = await api(emu, 'POST', '/accounts/self/outbox', {
      token,
      json: { from, to: ['+15550001111'], files: [up.json.file_path], return_ids: true },
    });
    const id = sent.json.ids['+15550001111'];
    assert.equal(typeof id, 'number');
    assert.equal((await api(emu, 'GET', `/accounts/self/outbox/${id}`, { token })).status, 200);
    assert.deepEqual(Object.keys((await api(emu, 'GET', '/shop/balance', { token })).json).sort(), ['credit', 'currency_code']);
    const free = encodeURIComponent(emu.state.numbers()[2].number);
    const assign = { assigned_to: emu.accounts.memberWithoutNumber };
    assert.equal((await api(emu, 'PUT', `/accounts/self/numbers/${free}`, { token, json: assign })).status, 405);
    assert.equal((await api(emu, 'POST', `/accounts/self/numbers/${free}`, { token, json: assign })).status, 200);
    emu.setVariants({ balanceShape: 'strings' });
    assert.equal(typeof (await api(emu, 'GET', '/shop/balance', { token })).json.balance, 'string');
  });

  it('gatewayErrorEvery answers every Nth GET with an HTML 502/503/504 page; the gatewayHtml fault does it once', async () => {
    emu.setVariants({ gatewayErrorEvery: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await api(emu, 'GET', '/accounts/self', { token });
      statuses.push(r.status);
      if (r.status >= 500) {
        assert.match(String(r.headers['content-type']), /text\/html/);
        assert.match(r.text, /<html>/);
      }
    }
    assert.deepEqual(statuses.filter((s) => s >= 500).sort(), [502, 503, 504]);
    emu.setVariants({ gatewayErrorEvery: 0 });
    emu.faults.add({ kind: 'gatewayHtml', status: 504, operationId: 'sendFax' });
    const r = await api(emu, 'POST', '/accounts/self/outbox', { token, json: {} });
    assert.equal(r.status, 504);
    assert.match(r.text, /504 Gateway Time-out/);
  });

  it('oauthState drop leaves state off the redirect; tokenParams query ignores the body', async () => {
    emu.setVariants({ oauthState: 'drop', tokenParams: 'query' });
    const login = await request(
      `${emu.loginUrl}?response_type=code&client_id=${emu.oauthClient.id}&redirect_uri=${encodeURIComponent('http://127.0.0.1:9/cb')}&scope=all&state=abc`,
    );
    await login.body.dump();
    const location = new URL(String(login.headers.location));
    assert.equal(location.searchParams.get('state'), null);
    const code = location.searchParams.get('code')!;
    const basic = `Basic ${Buffer.from(`${emu.oauthClient.id}:${emu.oauthClient.secret}`).toString('base64')}`;
    const params = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1:9/cb' });
    const inBody = await http(emu, 'POST', emu.tokenUrl, {
      body: params.toString(),
      headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(inBody.status, 400);
    assert.notEqual(inBody.json.error, 'invalid_grant');
    const inQuery = await http(emu, 'POST', `${emu.tokenUrl}?${params}`, {
      headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(inQuery.status, 200);
    emu.setVariants({ tokenParams: 'either' });
    const both = await http(emu, 'POST', `${emu.tokenUrl}?grant_type=refresh_token`, {
      body: `refresh_token=${inQuery.json.refresh_token}`,
      headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(both.status, 400, 'parameters in both places are refused');
  });

  it('setVariants: a preset replaces all, keys change only themselves, bad input names what is allowed; reset restores the start', () => {
    assert.deepEqual(emu.setVariants('hostile'), HOSTILE_VARIANTS);
    assert.equal(emu.setVariants({ listOrder: 'desc' }).limitCap, HOSTILE_VARIANTS.limitCap);
    assert.throws(() => emu.setVariants({ listOrder: 'sideways' as 'asc' }), /listOrder is one of desc, asc/);
    assert.throws(() => emu.setVariants({ nope: 1 } as never), /Unknown emulator variant nope/);
    assert.throws(() => emu.setVariants({ limitCap: 0 }), /whole number/);
    emu.reset();
    assert.deepEqual(emu.variants, DEFAULT_VARIANTS);
  });

  it('withVariants puts the previous variants back, also after a throw', async () => {
    emu.setVariants({ uploadKey: 'file_path' });
    assert.equal(await withVariants(emu, { listOrder: 'asc' }, () => emu.variants.listOrder), 'asc');
    await assert.rejects(
      withVariants(emu, 'hostile', () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.deepEqual(emu.variants, { ...DEFAULT_VARIANTS, uploadKey: 'file_path' });
  });

  it('--variant key=value parses booleans and numbers for their keys', () => {
    assert.deepEqual(parseVariantAssignment('beforeInclusive=true'), { beforeInclusive: true });
    assert.deepEqual(parseVariantAssignment('limitCap=20'), { limitCap: 20 });
    assert.deepEqual(parseVariantAssignment('tokenInfo=405'), { tokenInfo: '405' });
    assert.throws(() => parseVariantAssignment('limitCap'), /key=value/);
    assert.deepEqual(resolveVariants('hostile'), HOSTILE_VARIANTS);
  });

  it('control API: GET/POST /__emulator/variants with a preset and keys', async () => {
    const set = await http(emu, 'POST', `${emu.controlUrl}/variants`, { json: { preset: 'hostile', uploadKey: 'path' } });
    assert.equal(set.status, 200);
    assert.deepEqual(set.json.variants, { ...HOSTILE_VARIANTS, uploadKey: 'path' });
    assert.deepEqual((await http(emu, 'GET', `${emu.controlUrl}/variants`)).json.variants, emu.variants);
    const bad = await http(emu, 'POST', `${emu.controlUrl}/variants`, { json: { listOrder: 'x' } });
    assert.equal(bad.status, 400);
    assert.match(bad.json.description, /listOrder is one of/);
  });

  it('CLI flags: --variants hostile, then --variant key=value on top, in order', () => {
    const v = variantsFromArgv(['--port', '0', '--variants', 'hostile', '--variant', 'listOrder=desc', '--variant=limitCap=20']);
    assert.deepEqual(v, { ...HOSTILE_VARIANTS, listOrder: 'desc', limitCap: 20 });
    assert.deepEqual(variantsFromArgv(['--variants=realistic']), DEFAULT_VARIANTS);
    assert.throws(() => variantsFromArgv(['--variants', 'friendly']), /Unknown variants preset friendly/);
    assert.throws(() => variantsFromArgv(['--variant', 'tokenParams=header']), /tokenParams is one of/);
  });
});
