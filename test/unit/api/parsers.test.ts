import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { FaxPlusError, ProtocolError } from '../../../src/api/errors';
import { parseAccount, parseAccountList, parseMemberDetails } from '../../../src/api/parseAccount';
import { parseFax, parseFaxList } from '../../../src/api/parseFax';
import { parseFaxNumber, parseNumberList } from '../../../src/api/parseNumber';
import { parseOutboxFax, parseOutboxList } from '../../../src/api/parseOutbox';
import { parseBalance, parseFilePath, parseSendFaxResult } from '../../../src/api/parseSmallResponses';
import { parseTokenInfo } from '../../../src/api/parseTokenInfo';
import { parseWebhookId, parseWebhookList } from '../../../src/api/parseWebhook';

const FAX = {
  id: 'f1',
  owner_id: 'u1',
  comment: '',
  cost_details: {},
  pages: 2,
  status: 'failed_quantum_flux',
  direction: 'incoming',
  from_number: '+15551',
  to: '+15552',
  start_time: '2024-03-04 05:06:07',
  is_read: false,
};

describe('tolerant parsers', () => {
  it('fax: unknown status kept, sender from from_number, date parsed as UTC', () => {
    const fax = parseFax(FAX);
    assert.equal(fax.status, 'failed_quantum_flux');
    assert.equal(fax.from, '+15551');
    assert.equal(fax.startTime?.toISOString(), '2024-03-04T05:06:07.000Z');
    assert.equal(fax.isRead, false);
    assert.equal(parseFax({ ...FAX, from: '+1999' }).from, '+1999');
  });

  it('fax: missing optional fields and wrong cosmetic types are fine', () => {
    const fax = parseFax({ id: 'f2', pages: 'many', start_time: 'soon' });
    assert.equal(fax.id, 'f2');
    assert.equal(fax.pages, undefined);
    assert.equal(fax.startTime, undefined);
    assert.equal(fax.status, 'unknown');
    assert.equal(fax.comment, '');
  });

  it('fax list: {data:{records}}; a missing data/records is an empty list; missing id or a wrong type → ProtocolError', () => {
    assert.equal(parseFaxList({ data: { records: [FAX] } }).length, 1);
    assert.equal(parseFaxList({ records: [FAX] }).length, 1);
    for (const empty of [{}, { data: {} }, { data: null }, { records: [] }, { data: { records: null } }]) {
      assert.deepEqual(parseFaxList(empty), [], JSON.stringify(empty));
    }
    for (const bad of [{ data: { records: [{ status: 'x' }] } }, { data: { records: {} } }, { data: [] }, { data: 'x' }, [], 'x', null]) {
      assert.throws(() => parseFaxList(bad), ProtocolError, JSON.stringify(bad));
    }
    assert.deepEqual(parseOutboxList({}), []);
    assert.throws(() => parseOutboxList({ records: {} }), ProtocolError);
  });

  it('token info: scopes as an array or a space/comma separated string; OAuth is `all`; seconds or ms dates', () => {
    assert.deepEqual(parseTokenInfo({ token_type: 'pat', scopes: 'fax:fax:read fax:numbers:read' }).scopes, [
      'fax:fax:read',
      'fax:numbers:read',
    ]);
    assert.deepEqual(parseTokenInfo({ token_type: 'pat', scopes: 'fax:fax:read,fax:numbers:read' }).scopes, [
      'fax:fax:read',
      'fax:numbers:read',
    ]);
    assert.deepEqual(parseTokenInfo({ token_type: 'pat', scopes: 'fax:fax:read, fax:numbers:read' }).scopes, [
      'fax:fax:read',
      'fax:numbers:read',
    ]);
    assert.deepEqual(parseTokenInfo({ token_type: 'pat', scopes: ['fax:fax:read'] }).scopes, ['fax:fax:read']);
    for (const scopes of [undefined, [], '', 'fax:fax:read', ['x'], null]) {
      assert.deepEqual(parseTokenInfo({ token_type: 'oauth', scopes }).scopes, ['all'], JSON.stringify(scopes));
    }
    assert.throws(() => parseTokenInfo({ token_type: 'pat' }), ProtocolError);
    assert.throws(() => parseTokenInfo({ token_type: 'pat', scopes: [1] }), ProtocolError);
    assert.equal(parseTokenInfo({ token_type: 'pat', scopes: [], expiration_date: 1_800_000_000 }).expiresAt?.getTime(), 1_800_000_000_000);
    assert.equal(
      parseTokenInfo({ token_type: 'pat', scopes: [], expiration_date: 1_800_000_000_000 }).expiresAt?.getTime(),
      1_800_000_000_000,
    );
  });

  it('small answers: upload path or file_path; numeric sendFax ids; balance numbers, numeric strings or other keys', () => {
    assert.equal(parseFilePath({ file_path: '/transient-2' }), '/transient-2');
    assert.equal(parseFilePath({ path: '/a', file_path: '/b' }), '/a');
    assert.throws(() => parseFilePath({ file_path: 3 }), ProtocolError);
    assert.deepEqual(parseSendFaxResult({ ids: { '+1': 'a', '+2': 3, '+3': null, '+4': '' } }).ids, { '+1': 'a', '+2': '3' });
    assert.deepEqual(parseBalance({ balance: '12.50', currency: 'EUR' }), {
      balance: 12.5,
      currency: 'EUR',
      raw: { balance: '12.50', currency: 'EUR' },
    });
    assert.equal(parseBalance({ credit: '7', currency_code: 'USD' }).balance, 7);
    assert.equal(parseBalance({ credit: '7', currency_code: 'USD' }).currency, 'USD');
    assert.equal(parseBalance({ data: { amount: 3.25 } }).balance, 3.25);
    const unknown = parseBalance({ funds: 'lots' });
    assert.equal(unknown.balance, undefined);
    assert.deepEqual(unknown.raw, { funds: 'lots' });
    assert.equal(parseBalance({ balance: 'twelve' }).balance, undefined);
  });

  it('outbox, numbers, accounts, token info, webhooks, small bodies', () => {
    const outbox = parseOutboxList({
      records: [
        { id: 'o1', uid: 'u', status: 'converting', to: ['+1'], files: ['/f'], send_time: '2024-01-01 10:00:00 +0100', src: '+1555' },
      ],
    });
    assert.equal(outbox[0].sendTime?.toISOString(), '2024-01-01T09:00:00.000Z');
    assert.equal(outbox[0].from, '+1555');
    assert.equal(parseOutboxFax({ id: 'o2' }).to.length, 0);

    const numbers = parseNumberList({
      numbers: [{ id: 'n', number: '+1555', assigned_to: ['u'], status: 'porting', owner_id: 'o', acquired_date: '2024-01-01 00:00:00' }],
    });
    assert.equal(numbers[0].status, 'porting');
    assert.throws(() => parseFaxNumber({ id: 'n' }), ProtocolError);

    const members = parseAccountList({
      members: [{ uid: 'm1', email: 'e', account_type: 'corporate_member', status: 'active', creation_date: 'x', member_of: {} }],
    });
    assert.deepEqual(members[0].memberOf, []);
    assert.equal(parseAccount({ uid: 'u', account_data: { company_name: 'ACME' } }).companyName, 'ACME');
    assert.deepEqual(parseMemberDetails({ role: 'member', quota: 5 }), { role: 'member', quota: 5 });

    const token = parseTokenInfo({ token_type: 'pat', scopes: ['fax:fax:read'], name: 'ci', expiration_date: 1_800_000_000_000 });
    assert.equal(token.expiresAt?.getTime(), 1_800_000_000_000);
    assert.deepEqual(parseTokenInfo({ token_type: 'pat', scopes: 'fax:all:edit' }).scopes, ['fax:all:edit']);
    assert.throws(() => parseTokenInfo({ scopes: [] }), ProtocolError);

    assert.deepEqual(parseWebhookList({ data: [{ id: 'h', target: 'https://x', event: 'fax_sent' }] }), [
      { id: 'h', target: 'https://x', event: 'fax_sent' },
    ]);
    assert.deepEqual(parseWebhookList({}), []);
    assert.equal(parseWebhookId({ id: 'h1' }), 'h1');
    assert.equal(parseFilePath({ path: '/transient-1' }), '/transient-1');
    assert.throws(() => parseFilePath({}), ProtocolError);
    assert.deepEqual(parseSendFaxResult({}).ids, {});
    assert.deepEqual(parseSendFaxResult({ ids: { '+1': 'a', '+2': 3 } }).ids, { '+1': 'a', '+2': '3' });
    assert.equal(parseBalance({ balance: 12.5, currency: 'USD' }).balance, 12.5);
  });

  const parsers: [string, (v: unknown) => unknown][] = [
    ['parseFax', parseFax],
    ['parseFaxList', parseFaxList],
    ['parseOutboxFax', parseOutboxFax],
    ['parseOutboxList', parseOutboxList],
    ['parseFaxNumber', parseFaxNumber],
    ['parseNumberList', parseNumberList],
    ['parseAccount', parseAccount],
    ['parseAccountList', parseAccountList],
    ['parseMemberDetails', parseMemberDetails],
    ['parseTokenInfo', parseTokenInfo],
    ['parseWebhookList', parseWebhookList],
    ['parseWebhookId', parseWebhookId],
    ['parseFilePath', parseFilePath],
    ['parseSendFaxResult', parseSendFaxResult],
    ['parseBalance', parseBalance],
  ];

  /** Arbitrary JSON, biased towards the API's own keys so parsers get past their first checks. */
  const keys = fc.constantFrom(
    'id',
    'uid',
    'data',
    'records',
    'numbers',
    'members',
    'status',
    'from',
    'from_number',
    'start_time',
    'scopes',
    'token_type',
    'path',
    'ids',
    'number',
    'target',
    'comment',
    'cover_page',
    'assigned_to',
    '__proto__',
    'constructor',
  );
  const { json } = fc.letrec((tie) => ({
    json: fc.oneof(
      { depthSize: 'small' },
      fc.jsonValue({ maxDepth: 2 }),
      fc.dictionary(keys, tie('json'), { maxKeys: 6 }),
      fc.array(tie('json'), { maxLength: 4 }),
      fc.constantFrom('2024-01-01 00:00:00', '2024-02-31 00:00:00', ''),
    ),
  }));

  for (const [name, parse] of parsers) {
    it(`${name} never throws anything but a typed error (property over arbitrary JSON)`, () => {
      fc.assert(
        fc.property(json, (value) => {
          try {
            parse(JSON.parse(JSON.stringify(value ?? null)));
          } catch (error) {
            assert.ok(error instanceof FaxPlusError, `${name} threw ${String(error)}`);
          }
        }),
        { numRuns: 400 },
      );
    });
  }
});
