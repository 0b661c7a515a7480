import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { Agent, DecoratorHandler, type Dispatcher } from 'undici';
import { parse } from 'yaml';
import { type Emulator, startEmulator } from '../../emulator';
import type { FaxPlusClient } from '../../../src/api/faxPlusClient';
import { allOperations, type OperationDescriptor } from '../../../src/api/operations';
import { makeClient } from './support/clientFactory';

interface Spec {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        requestBody?: { content: Record<string, { schema: unknown }> };
        responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
      }
    >
  >;
  components: unknown;
}

interface Exchange {
  op: OperationDescriptor;
  status: number;
  contentType: string;
  body: Buffer;
}

/** Which operation a request path belongs to, from the descriptor templates. */
function operationFor(method: string, pathname: string): OperationDescriptor | undefined {
  const local = pathname.replace(/^\/v3/, '');
  return allOperations().find((op) => op.method === method && new RegExp(`^${op.path.replace(/\{[a-z_]+\}/g, '[^/]+')}$`).test(local));
}

/** undici's DecoratorHandler forwards every callback (old and new handler API); its typings omit them. */
const ForwardingHandler = DecoratorHandler as unknown as new (handler: Dispatcher.DispatchHandler) => Dispatcher.DispatchHandler;

/** An undici interceptor that records every response body the client receives, untouched. */
function recordingDispatcher(exchanges: Exchange[]): Dispatcher {
  return new Agent().compose((dispatch) => (opts, handler) => {
    const op = operationFor(String(opts.method), new URL(String(opts.path), 'http://x').pathname);
    let status = 0;
    let contentType = '';
    const chunks: Buffer[] = [];
    class Recorder extends ForwardingHandler {
      override onResponseStart(
        controller: Dispatcher.DispatchController,
        statusCode: number,
        headers: Record<string, string | string[]>,
        statusMessage?: string,
      ) {
        status = statusCode;
        contentType = String(headers['content-type'] ?? '');
        return super.onResponseStart?.(controller, statusCode, headers, statusMessage);
      }
      override onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer) {
        chunks.push(chunk);
        return super.onResponseData?.(controller, chunk);
      }
      override onResponseEnd(controller: Dispatcher.DispatchController, trailers: Record<string, string | string[]>) {
        if (op) exchanges.push({ op, status, contentType, body: Buffer.concat(chunks) });
        return super.onResponseEnd?.(controller, trailers);
      }
    }
    return dispatch(opts, new Recorder(handler));
  });
}

describe('contract: what the client sends and what it receives match openapi.yaml', function () {
  this.timeout(60_000);
  const spec = parse(readFileSync(join(__dirname, '../../contract/openapi.yaml'), 'utf8')) as Spec;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: spec.components });
  const compile = (schema: unknown): ValidateFunction =>
    ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"openapi#/components/')) as object);

  const specOp = (id: string) => {
    for (const item of Object.values(spec.paths)) for (const op of Object.values(item)) if (op.operationId === id) return op;
    throw new Error(id);
  };

  let emu: Emulator;
  let client: FaxPlusClient;
  const exchanges: Exchange[] = [];
  const reportDir = mkdtempSync(join(tmpdir(), 'faxplus-contract-'));

  before(async () => {
    emu = await startEmulator({ seedFaxes: 40, speed: 0 });
    client = makeClient(emu.apiUrl, {
      credentials: { getCredential: async () => ({ token: emu.demoTokens.fullAccess, kind: 'pat' }) },
      dispatcher: recordingDispatcher(exchanges),
    }).client;

    // Drive every typed method the product uses.
    const number = emu.state.numbers()[0].number;
    const spare = emu.state.numbers().find((n) => n.assigned_to.length === 0)?.number ?? number;
    await client.getTokenInfo();
    await client.getAccount();
    await client.listMembers();
    await client.getMemberDetails(emu.accounts.member);
    await client.updateMemberDetails(emu.accounts.member, { role: 'member', quota: 9 });
    const faxes = await client.listFaxes({ category: 'inbox', limit: 5, after: new Date(0), before: new Date(Date.now() + 60_000) });
    await client.getFax(faxes[0].id);
    await client.updateFax(faxes[0].id, { comment: 'c', isRead: true });
    await client.downloadFileBytes(faxes[0].id, 'pdf');
    await client.downloadReport(faxes[0].id, join(reportDir, 'report.pdf'));
    await client.deleteFax(faxes[1].id);
    await client.listNumbers();
    await client.getNumber(number);
    await client.assignNumber(spare, emu.accounts.memberWithoutNumber);
    await client.revokeNumber(spare, emu.accounts.memberWithoutNumber);
    const path = await client.uploadFile({
      name: 'a.pdf',
      size: 4,
      open: async function* () {
        yield Buffer.from('%PDF');
      },
    });
    const sent = await client.sendFax({
      from: number,
      to: ['+12125550100', '+12125550101'],
      files: [path],
      comment: { text: 'contract', tags: ['t'] },
      options: { enhancement: true, retry: { count: 2, delay: 5 } },
      coverPage: { nameTo: 'To', nameFrom: 'From', subject: 'Subj', flags: ['urgent'], message: 'm' },
      sendTime: new Date(Date.now() + 86_400_000),
    });
    await client.listOutbox();
    const outboxId = Object.values(sent.ids)[0];
    await client.getOutboxFax(outboxId);
    await client.deleteOutboxFax(outboxId);
    const hook = await client.createWebhook({ target: 'https://example.com/h', event: 'fax_sent' });
    await client.listWebhooks('fax_sent');
    await client.deleteWebhook(hook);
    await client.getBalance();
    await client.listShopCountries();
    await client.listShopAreas('US');
    const [offer] = (await client.listAvailableNumbers('US', '212', '5074')).numbers;
    await client.listAvailableNumbers('US', '212');
    await client.purchaseNumber(offer.itemId!);
    await client.updateAccount({ lastname: 'Contract', notifications: { settings: { email: { send_fax: true } } } });
  });
  after(async () => {
    client.dispose();
    await emu.stop();
    rmSync(reportDir, { recursive: true, force: true });
  });

  it('exercised the product operations', () => {
    const seen = new Set(exchanges.map((e) => e.op.id));
    assert.ok(seen.size >= 25, [...seen].join(', '));
  });

  it("every JSON request body the client sent validates against the operation's requestBody schema", () => {
    const withBodies = emu.requests.filter((r) => r.bodyJson !== undefined);
    assert.ok(withBodies.length >= 6);
    for (const r of withBodies) {
      const op = specOp(String(r.operationId));
      const schema = op.requestBody?.content['application/json']?.schema;
      assert.ok(schema, `${r.operationId} takes no JSON body`);
      const validate = compile(schema);
      assert.ok(validate(r.bodyJson), `${r.operationId}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(r.bodyJson)}`);
    }
  });

  it('the upload is multipart/form-data as the spec says', () => {
    const upload = emu.requests.find((r) => r.operationId === 'uploadFile');
    assert.match(upload?.headers['content-type'] ?? '', /^multipart\/form-data; boundary=/);
    assert.ok(specOp('uploadFile').requestBody?.content['multipart/form-data']);
  });

  it("every response the emulator returned validates against the spec's response schema", () => {
    let validated = 0;
    for (const e of exchanges) {
      const responses = specOp(e.op.id).responses;
      const declared = responses[String(e.status)] ?? responses.default;
      assert.ok(declared, `${e.op.id} ${e.status} not declared`);
      const media = declared.content?.[e.contentType.split(';')[0].trim()];
      if (declared.content && !media) assert.fail(`${e.op.id} ${e.status}: content type ${e.contentType} not declared`);
      if (!media?.schema || !e.contentType.includes('json')) continue;
      const validate = compile(media.schema);
      const json: unknown = JSON.parse(e.body.toString('utf8'));
      assert.ok(validate(json), `${e.op.id} ${e.status}: ${ajv.errorsText(validate.errors)}`);
      validated++;
    }
    assert.ok(validated >= 15, String(validated));
  });
});
