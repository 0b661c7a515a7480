import * as assert from 'assert';
import type * as vscode from 'vscode';
import { DEFAULT_RECENT_RECIPIENTS_KEY, RecentRecipients, type KeyValueStore } from '../../../src/send/recentRecipients';

/** Behaves like `vscode.Memento`: update(key, undefined) deletes the key. */
class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, structuredClone(value));
  }
}

describe('RecentRecipients', () => {
  it('is empty at first', () => {
    assert.deepStrictEqual(new RecentRecipients(new MemoryStore()).list(), []);
  });

  it('lists the latest numbers first, in the order they were sent', async () => {
    const recent = new RecentRecipients(new MemoryStore());
    await recent.remember(['+12015550101', '+12015550102']);
    await recent.remember(['+442079460958']);
    assert.deepStrictEqual(recent.list(), ['+442079460958', '+12015550101', '+12015550102']);
  });

  it('moves a number sent again to the front instead of listing it twice', async () => {
    const recent = new RecentRecipients(new MemoryStore());
    await recent.remember(['+12015550101', '+12015550102', '+12015550103']);
    await recent.remember(['+12015550103', '+12015550103']);
    assert.deepStrictEqual(recent.list(), ['+12015550103', '+12015550101', '+12015550102']);
  });

  it('keeps 20 numbers by default, dropping the oldest', async () => {
    const recent = new RecentRecipients(new MemoryStore());
    for (let i = 0; i < 25; i++) await recent.remember([`+120155501${String(i).padStart(2, '0')}`]);
    const listed = recent.list();
    assert.strictEqual(listed.length, 20);
    assert.strictEqual(listed[0], '+12015550124');
    assert.strictEqual(listed[19], '+12015550105');
  });

  it('caps one large send at the capacity too', async () => {
    const recent = new RecentRecipients(new MemoryStore(), { capacity: 3 });
    await recent.remember(['+12015550101', '+12015550102', '+12015550103', '+12015550104']);
    assert.deepStrictEqual(recent.list(), ['+12015550101', '+12015550102', '+12015550103']);
  });

  it('persists in the injected store under its key, so a new instance sees the same list', async () => {
    const store = new MemoryStore();
    await new RecentRecipients(store).remember(['+12015550101']);
    assert.deepStrictEqual(store.get(DEFAULT_RECENT_RECIPIENTS_KEY), ['+12015550101']);
    assert.deepStrictEqual(new RecentRecipients(store).list(), ['+12015550101']);
    await new RecentRecipients(store, { key: 'other' }).remember(['+442079460958']);
    assert.deepStrictEqual(new RecentRecipients(store).list(), ['+12015550101']);
  });

  it('clear() removes the key', async () => {
    const store = new MemoryStore();
    const recent = new RecentRecipients(store);
    await recent.remember(['+12015550101']);
    await recent.clear();
    assert.deepStrictEqual(recent.list(), []);
    assert.strictEqual(store.values.has(DEFAULT_RECENT_RECIPIENTS_KEY), false);
  });

  it('survives a corrupted stored value', async () => {
    const store = new MemoryStore();
    store.values.set(DEFAULT_RECENT_RECIPIENTS_KEY, { not: 'a list' });
    assert.deepStrictEqual(new RecentRecipients(store).list(), []);
    store.values.set(DEFAULT_RECENT_RECIPIENTS_KEY, ['+12015550101', 7, null, '']);
    const recent = new RecentRecipients(store);
    assert.deepStrictEqual(recent.list(), ['+12015550101']);
    await recent.remember(['+442079460958']);
    assert.deepStrictEqual(recent.list(), ['+442079460958', '+12015550101']);
  });

  it('works with a store whose update returns a bare thenable, like vscode.Memento', async () => {
    // Compile-time check that the extension can pass context.globalState as is.
    const acceptsMemento = (memento: vscode.Memento): KeyValueStore => memento;
    void acceptsMemento;
    const values = new Map<string, unknown>();
    const store: KeyValueStore = {
      get: <T>(key: string) => values.get(key) as T | undefined,
      update: (key, value) => {
        values.set(key, value);
        return { then: (resolve?: (v: void) => unknown) => Promise.resolve(resolve?.()) } as PromiseLike<void>;
      },
    };
    await new RecentRecipients(store).remember(['+12015550101']);
    assert.deepStrictEqual(values.get(DEFAULT_RECENT_RECIPIENTS_KEY), ['+12015550101']);
  });
});
