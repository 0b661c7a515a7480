import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, signInWith, testEnvironment, type TestEnvironment } from './support/environment';
import { Notices } from './support/notices';
import type { AvailableNumberList, ShopArea } from '../../src/api/shopModels';
import type { PurchaseOutcome } from '../../src/commands/buyNumberCommand';

describe('Buy a Fax Number', function () {
  this.timeout(60_000);
  let env: TestEnvironment;

  const count = (operationId: string) => env.emulator.requests.filter((r) => r.operationId === operationId).length;
  const lastRefusal = () => new Notices(env.api).lastRefusal();
  const money = (amount: number) => new Intl.NumberFormat(vscode.env.language, { style: 'currency', currency: 'USD' }).format(amount);
  const ownNumbers = () => env.emulator.state.numbers().map((n) => n.number);

  async function offers(area: string, contains?: string): Promise<AvailableNumberList> {
    const list = await vscode.commands.executeCommand<AvailableNumberList>('faxplus.buyNumber', { country: 'US', area, contains });
    assert.ok(list && list.numbers.length > 0, `numbers for sale in ${area}`);
    return list;
  }

  before(async () => {
    env = await testEnvironment();
    env.emulator.reset({ keepTokens: true });
  });

  beforeEach(() => {
    env.emulator.faults.clear();
    env.emulator.clearRequests();
    env.emulator.setVariants({ shopNumbersAnswer: 'numbers', purchaseAnswer: 'number' });
  });

  after(() => {
    env.emulator.faults.clear();
  });

  it('lets a read-only token browse areas and numbers with price, monthly fee and term, but not buy', async () => {
    await signInWith(env.emulator.demoTokens.readOnly);
    assert.strictEqual(env.api.contextKeys.get('faxplus.can.shop.browse'), true, 'Buy a Fax Number… is shown');
    assert.strictEqual(env.api.contextKeys.get('faxplus.can.buyNumber'), false);
    const areas = await vscode.commands.executeCommand<{ areas: ShopArea[] }>('faxplus.buyNumber', { country: 'US' });
    assert.deepStrictEqual(
      areas.areas.map((a) => a.callingCode),
      ['212', '415', '617'],
    );
    const list = await offers('212');
    assert.strictEqual(list.numbers.length, 5);
    for (const n of list.numbers) {
      assert.match(n.number ?? '', /^\+1212555\d{4}$/);
      assert.ok(n.itemId && n.price === 0 && n.monthlyFee === 7.99 && n.months === 1 && n.currency === 'USD', JSON.stringify(n));
    }
    const some = await offers('212', '5074');
    assert.ok(some.numbers.every((n) => n.number?.includes('5074')));

    const before = ownNumbers();
    const result = await vscode.commands.executeCommand('faxplus.buyNumber', { item_id: list.numbers[0].itemId, confirm: false });
    assert.strictEqual(result, undefined);
    assert.match(lastRefusal(), /needs the scope fax:shop:edit or fax:all:edit/);
    assert.strictEqual(count('purchaseNumber'), 0, 'no purchase request');
    assert.deepStrictEqual(ownNumbers(), before);
  });

  it('refuses browsing to a token without a shop scope, naming fax:shop:read, and asks Fax.Plus nothing', async () => {
    await signInWith(env.emulator.issuePat({ scopes: ['fax:numbers:edit'], name: 'Numbers only' }));
    env.emulator.clearRequests();
    assert.strictEqual(env.api.contextKeys.get('faxplus.can.shop.browse'), false, 'Buy a Fax Number… is hidden');
    const result = await vscode.commands.executeCommand('faxplus.buyNumber', { country: 'US', area: '212' });
    assert.strictEqual(result, undefined);
    assert.match(lastRefusal(), /fax:shop:read or fax:all:read/);
    assert.deepStrictEqual(
      env.emulator.requests.filter((r) => /^(listCountries|listAreas|listShopNumbers|purchaseNumber)$/.test(r.operationId ?? '')),
      [],
    );
  });

  it('buys a number: one request, the balance goes down, the number is in Numbers and selected there', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    const balanceBefore = env.emulator.state.balance().balance;
    const [offer] = (await offers('415')).numbers;

    const outcome = await vscode.commands.executeCommand<PurchaseOutcome>('faxplus.buyNumber', { item_id: offer.itemId, confirm: false });
    assert.strictEqual(outcome.number, offer.number);
    assert.strictEqual(count('purchaseNumber'), 1);
    assert.deepStrictEqual(env.emulator.requests.find((r) => r.operationId === 'purchaseNumber')?.bodyJson, { item_id: offer.itemId });
    assert.ok(ownNumbers().includes(offer.number!), 'the account owns the number');
    const balanceAfter = env.emulator.state.balance().balance;
    assert.ok(balanceAfter < balanceBefore);
    assert.ok(env.api.balance.text.includes(money(balanceAfter)), `${env.api.balance.text} shows ${money(balanceAfter)}`);
    const numbers = env.api.sidebar.providers.numbers.loadedItems;
    assert.ok(
      numbers.some((n) => n.kind === 'number' && n.number.number === offer.number),
      'Numbers lists it',
    );
    assert.strictEqual(outcome.revealed, true);
    await eventually(() =>
      assert.ok(
        env.api.sidebar.views.numbers.selection.some((n) => n.kind === 'number' && n.number.number === offer.number),
        'and selects it',
      ),
    );
  });

  it('never buys from an argument object without confirm: false, nor without an exact item_id', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    const [offer] = (await offers('617')).numbers;
    assert.strictEqual(await vscode.commands.executeCommand('faxplus.buyNumber', { item_id: offer.itemId }), undefined);
    assert.match(lastRefusal(), /needs "confirm": false/);
    assert.strictEqual(
      await vscode.commands.executeCommand('faxplus.buyNumber', { item_id: ` ${offer.itemId}`, confirm: false }),
      undefined,
    );
    assert.match(lastRefusal(), /exact item id/);
    assert.strictEqual(await vscode.commands.executeCommand('faxplus.buyNumber', { itemid: offer.itemId, confirm: false }), undefined);
    assert.match(lastRefusal(), /unknown argument itemid/);
    assert.strictEqual(count('purchaseNumber'), 0);
    assert.ok(!ownNumbers().includes(offer.number!));
  });

  it('shows what came back when the purchase answer is plain text, and still finds the number', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    env.emulator.setVariants({ purchaseAnswer: 'text' });
    const offer = (await offers('617')).numbers[1];
    const outcome = await vscode.commands.executeCommand<PurchaseOutcome>('faxplus.buyNumber', { item_id: offer.itemId, confirm: false });
    assert.strictEqual(outcome.result?.raw, 'OK');
    assert.strictEqual(outcome.number, offer.number, 'found as the number that is new in Numbers');
    assert.strictEqual(outcome.revealed, true);
  });

  it('after a lost answer (connection reset after the purchase) looks at Numbers, says it was bought and never repeats it', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    const offer = (await offers('212')).numbers[1];
    env.emulator.faults.add({ operationId: 'purchaseNumber', kind: 'reset', afterCommit: true });
    const outcome = await vscode.commands.executeCommand<PurchaseOutcome>('faxplus.buyNumber', { item_id: offer.itemId, confirm: false });
    assert.strictEqual(count('purchaseNumber'), 1, 'the purchase was sent once');
    assert.strictEqual(outcome.number, offer.number);
    assert.strictEqual(outcome.result, undefined, 'the answer was lost');
    assert.ok(count('listNumbers') >= 2, 'Numbers was looked at before and after');
    assert.ok(ownNumbers().includes(offer.number!));
  });

  it('after a gateway error with nothing bought, says it could not confirm and never that buying again is safe', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    const offer = (await offers('212')).numbers[2];
    env.emulator.faults.add({ operationId: 'purchaseNumber', kind: 'status', status: 502, body: { error: 'bad_gateway' } });
    const before = ownNumbers();
    const result = await vscode.commands.executeCommand('faxplus.buyNumber', {
      item_id: offer.itemId,
      confirm: false,
      number: offer.number,
    });
    assert.strictEqual(result, undefined);
    assert.strictEqual(count('purchaseNumber'), 1, 'not repeated');
    assert.match(lastRefusal(), /Could not confirm whether .* was bought .*before buying again/);
    assert.doesNotMatch(lastRefusal(), /Nothing was bought|you can buy again/i);
    assert.deepStrictEqual(ownNumbers(), before);
  });

  it('after a refusal (4xx) says nothing was bought', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    const taken = env.emulator.state.numbers()[0].number;
    const local = taken.replace(/^\+1/, '');
    const result = await vscode.commands.executeCommand('faxplus.buyNumber', { item_id: `item-US-${local}`, confirm: false });
    assert.strictEqual(result, undefined);
    assert.match(lastRefusal(), /did not sell .* Nothing was bought\./);
    assert.strictEqual(count('purchaseNumber'), 1);
  });
});
