import * as assert from 'node:assert/strict';
import { RecipientAllowList } from '../../../src/chat/recipientAllowList';
import { DailySendLimit, localDay, type CounterStore } from '../../../src/chat/dailySendLimit';

class MapStore implements CounterStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
}

describe('chat: recipient allow-list', () => {
  it('an empty list lets every number through (the person still approves each send)', () => {
    const list = new RecipientAllowList([]);
    assert.equal(list.open, true);
    assert.deepEqual(list.check(['+16175550199']), { ok: true });
  });

  it('matches numbers as E.164 whatever their spacing, and names each refused one', () => {
    const list = new RecipientAllowList(['+1 617 555 0199', '+44 20 7946 0958']);
    assert.deepEqual(list.check(['+16175550199', '+442079460958']), { ok: true });
    const verdict = list.check(['+16175550199', '+16175550100']);
    assert.ok(!verdict.ok);
    assert.deepEqual(verdict.refused, ['+16175550100']);
    assert.match(verdict.message, /\+16175550100 is not in the setting "faxplus\.chat\.allowedRecipients"/);
  });

  it('an unreadable entry never widens the list: with only typos, nothing is allowed', () => {
    const list = new RecipientAllowList(['617 555 0199', 42, 'lab']);
    assert.equal(list.open, false);
    assert.deepEqual(list.unreadable, ['617 555 0199', '42', 'lab']);
    assert.equal(list.check(['+16175550199']).ok, false);
  });
});

describe('chat: daily send limit', () => {
  it('counts sends per local day in the store and refuses at the limit', async () => {
    const store = new MapStore();
    let now = new Date(2026, 11, 2, 9, 0);
    const limit = new DailySendLimit(store, () => now);
    assert.deepEqual(limit.check(2), { ok: true, left: 2 });
    await limit.count();
    await limit.count();
    assert.equal(limit.usedToday(), 2);
    const refused = limit.check(2);
    assert.ok(!refused.ok);
    assert.match(refused.message, /chat already sent 2 fax\(es\) today/);
    now = new Date(2026, 11, 3, 0, 1);
    assert.equal(limit.usedToday(), 0, 'a new day starts at zero');
    assert.deepEqual(limit.check(2), { ok: true, left: 2 });
    await limit.count();
    assert.deepEqual(store.get('faxplus.chat.sendsByDay'), { day: localDay(now), count: 1 });
  });

  it('0 turns sending from chat off', () => {
    const verdict = new DailySendLimit(new MapStore()).check(0);
    assert.ok(!verdict.ok);
    assert.match(verdict.message, /turned off/);
  });

  it('a hand-edited, malformed count reads as none', () => {
    const store = new MapStore();
    const now = new Date();
    store.values.set('faxplus.chat.sendsByDay', { day: localDay(now), count: 'many' });
    assert.equal(new DailySendLimit(store, () => now).usedToday(), 0);
  });
});
