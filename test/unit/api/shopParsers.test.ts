import * as assert from 'node:assert/strict';
import { type Emulator, type PurchaseAnswer, type ShopNumbersAnswer, startEmulator } from '../../emulator';
import { accountModification } from '../../../src/api/accountModification';
import { ProtocolError } from '../../../src/api/errors';
import type { FaxPlusClient } from '../../../src/api/faxPlusClient';
import { parseAccount } from '../../../src/api/parseAccount';
import { parseAvailableNumbers, parsePurchaseResult, parseShopAreas, parseShopCountries } from '../../../src/api/parseShop';
import { makeClient, rejection } from './support/clientFactory';

describe('number shop and account edits: tolerant parsers against the emulator variants', function () {
  this.timeout(30_000);
  let emu: Emulator;
  let client: FaxPlusClient;

  before(async () => {
    emu = await startEmulator({ seedFaxes: 4, speed: 0 });
  });
  after(() => emu.stop());
  beforeEach(() => {
    emu.reset({ keepTokens: true });
    client = makeClient(emu.apiUrl, {
      credentials: { getCredential: async () => ({ token: emu.demoTokens.fullAccess, kind: 'pat' }) },
    }).client;
  });
  afterEach(() => client.dispose());

  it('lists countries and areas with what the next request needs', async () => {
    const countries = await client.listShopCountries();
    assert.deepEqual(
      countries.find((c) => c.iso === 'US'),
      { iso: 'US', name: 'United States', available: true },
    );
    assert.equal(countries.find((c) => c.iso === 'DE')?.available, false);
    const areas = await client.listShopAreas('US');
    assert.deepEqual(areas[0], { callingCode: '212', city: 'New York', state: 'NY' });
  });

  const full: ShopNumbersAnswer[] = ['numbers', 'data', 'records', 'array', 'flat'];
  for (const shape of full) {
    it(`reads available numbers with item id, number, price, monthly fee and term from the "${shape}" answer`, async () => {
      emu.setVariants({ shopNumbersAnswer: shape });
      const list = await client.listAvailableNumbers('US', '212');
      assert.equal(list.recognised, true);
      assert.equal(list.numbers.length, 5);
      for (const n of list.numbers) {
        assert.match(n.itemId ?? '', /^item-US-212555\d{4}$/);
        assert.match(n.number ?? '', /^\+1212555\d{4}$/);
        assert.equal(n.price, 0);
        assert.equal(n.monthlyFee, 7.99);
        assert.equal(n.months, 1);
        assert.equal(n.currency, 'USD');
      }
    });
  }

  it('tolerates a "sparse" answer: number and item id, nothing else', async () => {
    emu.setVariants({ shopNumbersAnswer: 'sparse' });
    const list = await client.listAvailableNumbers('US', '415');
    assert.equal(list.numbers.length, 5);
    assert.ok(
      list.numbers.every((n) => n.itemId && n.number && n.price === undefined && n.monthlyFee === undefined && n.months === undefined),
    );
  });

  it('asks for numbers containing digits with channel=custom, random ones otherwise', async () => {
    const some = await client.listAvailableNumbers('US', '212', '5074');
    assert.ok(some.numbers.length >= 1 && some.numbers.every((n) => n.number?.includes('5074')));
    await client.listAvailableNumbers('US', '212');
    const queries = emu.requests.filter((r) => r.operationId === 'listShopNumbers').map((r) => ({ ...r.query }));
    assert.deepEqual(queries, [{ channel: 'custom', contains: '5074' }, { channel: 'random' }]);
  });

  const purchases: [PurchaseAnswer, boolean][] = [
    ['number', true],
    ['nested', true],
    ['empty', false],
    ['text', false],
    ['noContent', false],
  ];
  for (const [shape, namesNumber] of purchases) {
    it(`buys a number and accepts the "${shape}" purchase answer`, async () => {
      emu.setVariants({ purchaseAnswer: shape });
      const before = emu.state.balance().balance;
      const [offer] = (await client.listAvailableNumbers('US', '617')).numbers;
      const result = await client.purchaseNumber(offer.itemId!);
      assert.equal(result.number, namesNumber ? offer.number : undefined);
      assert.ok(
        emu.state.numbers().some((n) => n.number === offer.number),
        'the number is the account’s',
      );
      assert.equal(emu.state.balance().balance, Math.round((before - 7.99) * 100) / 100);
      if (shape === 'text') assert.equal(result.raw, 'OK');
    });
  }

  it('sends the purchase once, even when the answer is a 5xx (never retried)', async () => {
    emu.faults.add({ operationId: 'purchaseNumber', kind: 'status', status: 503, times: 5 });
    const error = await rejection(client.purchaseNumber('item-US-2125551000'));
    assert.equal((error as { status?: number }).status, 503);
    assert.equal(emu.requests.filter((r) => r.operationId === 'purchaseNumber').length, 1);
  });

  it('finds lists in unknown containers, keeps an unknown answer to show, and throws typed errors only for countries/areas', () => {
    assert.equal(parseAvailableNumbers({ offers: [{ item: { id: 'x', number: '+1' } }] }).numbers[0].itemId, 'x');
    assert.equal(parseAvailableNumbers({ item: { id: 'y', number: '+2' }, price: '1.50' }).numbers[0].price, 1.5);
    const unknown = parseAvailableNumbers({ message: 'try later' });
    assert.equal(unknown.recognised, false);
    assert.deepEqual(unknown.raw, { message: 'try later' });
    assert.equal(parseAvailableNumbers(null).recognised, false);
    assert.deepEqual(
      parseShopCountries(['US', 'CA']).map((c) => c.iso),
      ['US', 'CA'],
    );
    assert.deepEqual(
      parseShopAreas({ areas: [212, { area_code: '415' }] }).map((a) => a.callingCode),
      ['212', '415'],
    );
    assert.throws(() => parseShopCountries({ nothing: true }), ProtocolError);
    assert.deepEqual(parsePurchaseResult({ data: { item: { number: '+15550001' } } }).number, '+15550001');
    assert.deepEqual(parsePurchaseResult(undefined), { raw: undefined });
  });
});

describe('account modification: only changed fields are sent', () => {
  const current = parseAccount({
    uid: 'u1',
    email: 'a@example.com',
    name: 'Ada',
    lastname: 'Lovelace',
    phone: '+15551234567',
    account_type: 'corporate_admin',
    status: 'active',
    notifications: {
      black_list: { uids: ['x'] },
      settings: { language: 'en', email: { receive_fax: true, send_fax: false, addresses: ['a@example.com'] }, sms: { numbers: [] } },
    },
  });

  it('reads the notification toggles the account holds', () => {
    assert.deepEqual(current.notifications?.toggles, { email: { receive_fax: true, send_fax: false } });
  });

  it('sends nothing when nothing changed', () => {
    assert.equal(
      accountModification(current, {
        name: 'Ada',
        lastname: 'Lovelace',
        phone: '+15551234567',
        notifications: { email: { receive_fax: true } },
      }),
      undefined,
    );
  });

  it('sends only the changed names and phone', () => {
    assert.deepEqual(accountModification(current, { name: 'Ada', lastname: 'King', phone: '+15550000000' }), {
      lastname: 'King',
      phone: '+15550000000',
    });
  });

  it('changes a toggle without losing the rest of the notification settings', () => {
    const body = accountModification(current, { notifications: { email: { send_fax: true }, sms: { receive_fax: true } } });
    assert.deepEqual(body, {
      notifications: {
        black_list: { uids: ['x'] },
        settings: {
          language: 'en',
          email: { receive_fax: true, send_fax: true, addresses: ['a@example.com'] },
          sms: { numbers: [], receive_fax: true },
        },
      },
    });
    assert.equal(current.notifications?.toggles.email?.send_fax, false, 'the account read is not modified');
  });

  it('ignores unknown channels and events (argument objects cannot reach other keys)', () => {
    const wanted = JSON.parse('{"notifications": {"__proto__": {"x": true}, "fax": {"receive_fax": true}, "email": {"bogus": true}}}');
    assert.equal(accountModification(current, wanted), undefined);
  });
});
