import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { buildOutboxPayload, type OutboxPayloadInput } from '../../../src/send/outboxPayload';
import { formatSendTime } from '../../../src/send/schedule';

/**
 * PayloadOutbox from the contract, made strict: the spec leaves additionalProperties open,
 * so a misspelt key would pass unnoticed; here every object in the body is closed.
 */
function payloadOutboxValidator(): ValidateFunction {
  const spec = parse(readFileSync(join(__dirname, '../../contract/openapi.yaml'), 'utf8'));
  const schemas = structuredClone(spec.components.schemas) as Record<string, Record<string, unknown>>;
  for (const name of ['PayloadOutbox', 'OutboxComment', 'OutboxOptions', 'RetryOptions', 'CoverPage']) {
    assert.ok(schemas[name], `${name} is in the contract`);
    schemas[name].additionalProperties = false;
  }
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: { schemas } });
  return ajv.compile({ $ref: 'openapi#/components/schemas/PayloadOutbox' });
}

const validatePayload = payloadOutboxValidator();
const assertMatchesContract = (body: unknown) =>
  assert.ok(validatePayload(body), JSON.stringify(validatePayload.errors, null, 2));

const minimal: OutboxPayloadInput = { from: '+12015550100', to: ['+12015550123'], filePaths: ['/transient-1'] };

describe('buildOutboxPayload', () => {
  it('sends only from, to, files and return_ids when nothing else is chosen', () => {
    const body = buildOutboxPayload(minimal);
    assert.deepStrictEqual(body, { from: '+12015550100', to: ['+12015550123'], files: ['/transient-1'], return_ids: true });
    assertMatchesContract(body);
  });

  it('maps every option to the API names', () => {
    const body = buildOutboxPayload({
      from: '+12015550100',
      to: ['+12015550123', '+442079460958'],
      filePaths: ['/transient-1', '/transient-2'],
      comment: 'referral #42',
      coverPage: { to: 'Dr. Rivera', from: 'Front desk', subject: 'Referral', message: 'Two pages follow.', flags: ['urgent', 'confidential', 'urgent'] },
      sendTime: formatSendTime(new Date(Date.UTC(2026, 10, 25, 4, 0)), 330),
      retry: { count: 2, delay: 15 },
      enhancement: true,
    });
    assert.deepStrictEqual(body, {
      from: '+12015550100',
      to: ['+12015550123', '+442079460958'],
      files: ['/transient-1', '/transient-2'],
      comment: { text: 'referral #42' },
      options: { enhancement: true, retry: { count: 2, delay: 15 } },
      cover_page: { name_to: 'Dr. Rivera', name_from: 'Front desk', subject: 'Referral', message: 'Two pages follow.', flags: ['urgent', 'confidential'] },
      send_time: '2026-11-25 09:30:00 +0530',
      return_ids: true,
    });
    assertMatchesContract(body);
  });

  it('includes a partly set option without inventing the rest', () => {
    const onlyDelay = buildOutboxPayload({ ...minimal, retry: { delay: 10 } });
    assert.deepStrictEqual(onlyDelay.options, { retry: { delay: 10 } });
    assertMatchesContract(onlyDelay);
    const noEnhancement = buildOutboxPayload({ ...minimal, enhancement: false, retry: {} });
    assert.deepStrictEqual(noEnhancement.options, { enhancement: false });
    assertMatchesContract(noEnhancement);
  });

  it('fills the cover page fields the contract requires with blanks', () => {
    const body = buildOutboxPayload({ ...minimal, coverPage: { subject: 'Invoice', flags: [] } });
    assert.deepStrictEqual(body.cover_page, { name_to: '', name_from: '', subject: 'Invoice' });
    assertMatchesContract(body);
    assertMatchesContract(buildOutboxPayload({ ...minimal, coverPage: {} }));
  });

  it('leaves out an empty comment', () => {
    assert.strictEqual('comment' in buildOutboxPayload({ ...minimal, comment: '' }), false);
  });

  it('copies the lists instead of sharing them with the caller', () => {
    const to = ['+12015550123'];
    const body = buildOutboxPayload({ ...minimal, to });
    to.push('+442079460958');
    assert.deepStrictEqual(body.to, ['+12015550123']);
  });

  it('the contract check itself catches a wrong body', () => {
    assert.strictEqual(validatePayload({ from: '+1', to: ['+1'], files: [], returnIds: true }), false);
    assert.strictEqual(validatePayload({ from: '+1', to: ['+1'], files: [], cover_page: { subject: 'x' } }), false);
    assert.strictEqual(validatePayload({ from: '+1', to: ['+1'], files: Array(11).fill('/f') }), false);
    assert.strictEqual(validatePayload({ from: '+1', to: ['+1'], files: [], options: { retry: { count: 1.5 } } }), false);
  });
});
