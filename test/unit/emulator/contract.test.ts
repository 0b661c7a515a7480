import * as assert from 'node:assert/strict';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { type Emulator, startEmulator, withVariants } from '../../emulator';
import { loadSpec, type OpenApiDocument } from '../../emulator/routes';
import { findSpecPath } from '../../emulator/specFile';
import { api, type CallResult, upload } from './client';

interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

function operationsOf(doc: OpenApiDocument): SpecOperation[] {
  const ops: SpecOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'put', 'post', 'delete']) {
      const op = item[method] as { operationId: string; responses: SpecOperation['responses'] } | undefined;
      if (op) {
        ops.push({ operationId: op.operationId, method, path, responses: op.responses });
      }
    }
  }
  return ops;
}

describe('emulator: every operation answers as the contract says', () => {
  const doc = loadSpec(findSpecPath());
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: doc.components });
  const validators = new Map<string, ValidateFunction>();
  const validatorFor = (schema: unknown): ValidateFunction => {
    const key = JSON.stringify(schema);
    let v = validators.get(key);
    if (!v) {
      // Responses refer to '#/components/…'; resolve them inside the 'openapi' document.
      v = ajv.compile({
        $id: `resp${validators.size}`,
        ...(JSON.parse(key.replace(/"#\/components\//g, '"openapi#/components/')) as object),
      });
      validators.set(key, v);
    }
    return v;
  };

  let emu: Emulator;
  let token: string;
  let adminNumber: string;
  before(async () => {
    emu = await startEmulator({ seedFaxes: 30, speed: 0 });
    token = emu.demoTokens.fullAccess;
    adminNumber = emu.state.numbers()[0].number;
  });
  after(() => emu.stop());

  const enc = (n: string) => encodeURIComponent(n);
  const call = (method: string, path: string, json?: unknown) => api(emu, method, path, { token, json });
  const sendOne = async (): Promise<string> => {
    const path = (await upload(emu, token)).json.path;
    const res = await call('POST', '/accounts/self/outbox', { from: adminNumber, to: ['+12125550100'], files: [path], return_ids: true });
    return res.json.ids['+12125550100'];
  };

  /** One 2xx call per operation, each setting up what it needs. */
  const scenarios: Record<string, () => Promise<CallResult>> = {
    getAccounts: () => call('GET', '/accounts'),
    getUser: () => call('GET', '/accounts/self'),
    updateUser: () => call('PUT', '/accounts/self', { name: 'Dana', settings: { caller_id_name: 'Front desk' } }),
    getMemberDetails: () => call('GET', `/accounts/self/member-details/${emu.accounts.member}`),
    updateMemberDetails: () => call('PUT', `/accounts/self/member-details/${emu.accounts.member}`, { quota: 300, role: 'member' }),
    listFaxes: () => call('GET', '/accounts/self/faxes?category=inbox&limit=30'),
    getFax: () => call('GET', `/accounts/self/faxes/${emu.state.faxes('inbox')[0].id}`),
    updateFax: () => call('PUT', `/accounts/self/faxes/${emu.state.faxes('inbox')[0].id}`, { comment: 'ok', is_read: true }),
    deleteFax: () => call('DELETE', `/accounts/self/faxes/${emu.state.faxes('spam')[0].id}`),
    uploadFile: () => upload(emu, token),
    getFile: () => call('GET', `/accounts/self/files/${emu.state.faxes('inbox')[1].id}?format=pdf`),
    getFaxReport: () => call('GET', `/accounts/self/report/${emu.state.faxes('sent')[0].id}`),
    listNumbers: () => call('GET', '/accounts/self/numbers'),
    getNumber: () => call('GET', `/accounts/self/numbers/${enc(adminNumber)}`),
    updateNumber: () =>
      call('PUT', `/accounts/self/numbers/${enc(emu.state.numbers()[2].number)}`, { assigned_to: emu.accounts.memberWithoutNumber }),
    updateNumberPost: () =>
      withVariants(emu, { assignMethod: 'post' }, () =>
        call('POST', `/accounts/self/numbers/${enc(emu.state.numbers()[2].number)}`, { assigned_to: emu.accounts.memberWithoutNumber }),
      ),
    revokeNumber: () => call('DELETE', `/accounts/${emu.accounts.member}/numbers/${enc(emu.state.numbers()[1].number)}`),
    listOutboxFaxes: async () => {
      await sendOne();
      emu.clock.advance(1500);
      return call('GET', '/accounts/self/outbox');
    },
    sendFax: async () => {
      const path = (await upload(emu, token)).json.path;
      return call('POST', '/accounts/self/outbox', {
        from: adminNumber,
        to: ['+12125550100', '+13055550111'],
        files: [path],
        comment: { tags: ['contract'], text: 'hello' },
        options: { enhancement: true, retry: { count: 2, delay: 5 } },
        cover_page: { name_to: 'Reception', name_from: 'Dana', subject: 'Referral', flags: ['urgent'] },
        return_ids: true,
      });
    },
    getOutboxFax: async () => call('GET', `/accounts/self/outbox/${await sendOne()}`),
    updateOutboxFax: async () => call('PUT', `/accounts/self/outbox/${await sendOne()}`, { comment: 'changed' }),
    deleteOutboxFax: async () => call('DELETE', `/accounts/self/outbox/${await sendOne()}`),
    getWebhooks: async () => {
      await call('POST', '/hooks', { target: 'https://example.com/hook', event: 'fax_received' });
      return call('GET', '/hooks?event=fax_received');
    },
    createWebhook: () => call('POST', '/hooks', { target: 'https://example.com/sent', event: 'fax_sent' }),
    deleteWebhook: async () =>
      call('DELETE', `/hooks/${(await call('POST', '/hooks', { target: 'https://example.com/x', event: 'fax_sent' })).json.id}`),
    getTokenInfo: () => call('GET', '/auth/token'),
    getBalance: () => call('GET', '/shop/balance'),
    listCountries: () => call('GET', '/shop/numbers/countries'),
    listAreas: () => call('GET', '/shop/numbers/countries/US/areas'),
    listShopNumbers: () => call('GET', '/shop/numbers/countries/US/areas/415/numbers?channel=random'),
    purchaseNumber: async () => {
      const list = await call('GET', '/shop/numbers/countries/US/areas/212/numbers');
      return call('POST', '/shop/numbers/purchase', { item_id: list.json.numbers[0].item.id });
    },
  };

  const ops = operationsOf(doc);

  it('the spec has 31 operations and each has a scenario here', () => {
    assert.equal(ops.length, 31);
    assert.deepEqual(
      ops.map((o) => o.operationId).filter((id) => !scenarios[id]),
      [],
    );
    assert.deepEqual([...emu.operationIds].sort(), ops.map((o) => o.operationId).sort());
  });

  for (const op of ops) {
    it(`${op.operationId}: ${op.method.toUpperCase()} ${op.path} → 2xx matching its schema`, async () => {
      emu.clearRequests();
      const res = await scenarios[op.operationId]();
      assert.ok(res.status >= 200 && res.status < 300, `${op.operationId} answered ${res.status}: ${res.text}`);
      const last = emu.requests[emu.requests.length - 1];
      assert.equal(last.operationId, op.operationId);
      const documented = op.responses[String(res.status)];
      assert.ok(documented, `${op.operationId}: status ${res.status} is not documented`);
      const content = documented.content;
      if (!content) {
        return; // "no body documented"
      }
      if (content['application/json']) {
        const validate = validatorFor(content['application/json'].schema);
        assert.ok(validate(res.json), `${op.operationId}: ${ajv.errorsText(validate.errors)}\n${res.text.slice(0, 500)}`);
        return;
      }
      const type = String(res.headers['content-type']);
      assert.ok(Object.keys(content).includes(type), `${op.operationId}: content-type ${type}`);
      if (type === 'application/pdf') {
        assert.equal(res.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      }
    });
  }

  it('the validator is not vacuous', () => {
    const fax = validatorFor({ $ref: '#/components/schemas/Fax' });
    assert.equal(fax({}), false);
    assert.equal(fax({ ...emu.state.faxes('inbox')[0], pages: 'two' }), false);
    assert.equal(fax(emu.state.faxes('inbox')[0]), true);
  });

  it('lists of every category, including faxes the lifecycle produced, validate', async () => {
    await sendOne();
    emu.clock.advance(60_000);
    const validate = validatorFor({ $ref: '#/components/schemas/FaxList' });
    for (const category of ['inbox', 'sent', 'spam']) {
      const res = await call('GET', `/accounts/self/faxes?category=${category}&limit=1000`);
      assert.ok(validate(res.json), `${category}: ${ajv.errorsText(validate.errors)}`);
    }
    const member = await api(emu, 'GET', '/accounts/self/faxes?category=sent', { token: emu.demoTokens.member });
    assert.ok(validate(member.json), ajv.errorsText(validate.errors));
  });

  it('getFile serves a TIFF on ?format=tiff', async () => {
    const res = await call('GET', `/accounts/self/files/${emu.state.faxes('inbox')[2].id}?format=tiff`);
    assert.equal(res.headers['content-type'], 'image/tiff');
    assert.equal(res.bytes.subarray(0, 4).toString('latin1'), 'II*\0');
  });

  it('every spec error answer has the Error shape', async () => {
    const validate = validatorFor({ $ref: '#/components/schemas/Error' });
    for (const res of [
      await api(emu, 'GET', '/accounts/self'),
      await api(emu, 'GET', '/accounts/self/faxes', { token: emu.issuePat({ scopes: ['fax:numbers:read'] }) }),
      await api(emu, 'GET', '/accounts', { token: emu.demoTokens.member }),
      await call('GET', '/accounts/self/faxes/nope'),
      await call('POST', '/accounts/self/outbox', { from: adminNumber, to: ['x'], files: [] }),
    ]) {
      const body = res.json as { error: unknown; description: unknown };
      assert.ok(res.status >= 400);
      assert.ok(validate(body), ajv.errorsText(validate.errors));
      assert.equal(typeof body.error, 'string');
      assert.equal(typeof body.description, 'string');
    }
  });
});
