import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import '../support/vscodeDouble';
import type { Fax } from '../../../src/api/models';
import type { AuthSession } from '../../../src/auth/authSession';
import type { AuthState } from '../../../src/auth/authState';
import { SECRET_KEYS, SecretStore } from '../../../src/auth/secretStore';
import type { TokenFacts } from '../../../src/auth/tokenFacts';
import { StoredFirstPage } from '../../../src/views/storedFirstPage';

const alice: TokenFacts = { kind: 'pat', source: 'secretStorage', scopes: ['all'], checkedAt: 0, account: { uid: 'alice' } };
const bob: TokenFacts = { ...alice, account: { uid: 'bob' } };

const received: Fax = {
  id: 'f1',
  status: 'success',
  from: '+12025550123',
  comment: 'quarterly report',
  pages: 3,
  isRead: false,
  startTime: new Date('2026-11-30T09:15:00Z'),
};

/** SecretStorage in memory, counting what reached it; `changed` plays another window's writes. */
function storage() {
  const values = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  const calls: string[] = [];
  const secrets = {
    get: async (key: string) => {
      calls.push(`get ${key}`);
      return values.get(key);
    },
    store: async (key: string, value: string) => {
      calls.push(`store ${key}`);
      values.set(key, value);
    },
    delete: async (key: string) => {
      calls.push(`delete ${key}`);
      values.delete(key);
    },
    onDidChange: changed.event,
  } as unknown as vscode.SecretStorage;
  return { values, changed, calls, secrets };
}

/** The session as the copy sees it: who is signed in, and its changes. */
function session(facts: TokenFacts | undefined) {
  const changed = new vscode.EventEmitter<AuthState>();
  const s = {
    facts,
    onDidChange: changed.event,
    sign(next: TokenFacts | undefined) {
      s.facts = next;
      changed.fire(next ? { status: 'signedIn', facts: next } : { status: 'signedOut' });
    },
  };
  return s;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('views: StoredFirstPage (the Inbox kept between windows)', () => {
  let copy: StoredFirstPage | undefined;
  afterEach(() => copy?.dispose());

  const warnings: string[] = [];
  const logger = { warn: (line: string) => warnings.push(line), info: () => undefined, debug: () => undefined, error: () => undefined };
  beforeEach(() => (warnings.length = 0));

  function setup(facts: TokenFacts | undefined = alice) {
    const store = storage();
    const who = session(facts);
    copy = new StoredFirstPage(new SecretStore(store.secrets), who as unknown as AuthSession, logger);
    return { store, who, copy };
  }

  /** A window signed in to alice whose Inbox copy has been saved. */
  async function setupWithCopy() {
    const t = setup();
    t.copy.save([received]);
    await settle();
    return t;
  }

  it('gives back what was saved, dates as dates, in a new window of the same account', async () => {
    const t = await setupWithCopy();
    assert.ok(t.store.values.has(SECRET_KEYS.inboxCopy), 'kept in SecretStorage');

    const next = new StoredFirstPage(new SecretStore(t.store.secrets), t.who as unknown as AuthSession, logger);
    try {
      const faxes = await next.read();
      assert.deepEqual(faxes, [received]);
      assert.ok(faxes?.[0].startTime instanceof Date);
    } finally {
      next.dispose();
    }
  });

  it('never shows one account the copy of another, even when the account changes while storage answers', async () => {
    const t = await setupWithCopy();
    t.who.facts = bob;
    assert.equal(await t.copy.read(), undefined);

    t.who.facts = alice;
    t.store.changed.fire({ key: SECRET_KEYS.inboxCopy }); // the next read goes to storage
    const reading = t.copy.read();
    t.who.facts = bob;
    assert.equal(await reading, undefined);
  });

  it('signing in to another account (without signing out) deletes the copy of the one before', async () => {
    const t = await setupWithCopy();
    t.who.sign(bob);
    await settle();
    assert.equal(t.store.values.has(SECRET_KEYS.inboxCopy), false);
    t.who.sign(alice);
    assert.equal(await t.copy.read(), undefined);
  });

  it('signing in to an account not known (no uid) deletes the copy too', async () => {
    const t = await setupWithCopy();
    t.who.sign({ ...bob, account: undefined });
    await settle();
    assert.equal(t.store.values.has(SECRET_KEYS.inboxCopy), false);
  });

  it("the new account's copy, saved while the old one's was still being read, is not deleted", async () => {
    const t = await setupWithCopy();
    t.store.changed.fire({ key: SECRET_KEYS.inboxCopy }); // a read of alice's copy is on its way
    t.who.sign(bob);
    t.copy.save([{ ...received, id: 'b1' }]); // bob's Inbox answered first
    await settle();
    await settle();
    assert.deepEqual(
      (await t.copy.read())?.map((f) => f.id),
      ['b1'],
    );
    assert.ok(t.store.values.get(SECRET_KEYS.inboxCopy)?.includes('"b1"'), "bob's copy is still stored");
  });

  it('a read that began before a save does not make the window forget what it wrote', async () => {
    const t = await setupWithCopy();
    t.store.changed.fire({ key: SECRET_KEYS.inboxCopy }); // reads A
    t.copy.save([{ ...received, id: 'b' }]); // B, while the read of A is on its way
    await settle();
    t.copy.save([received]); // A again: storage holds B, so this must be written
    await settle();
    assert.ok(t.store.values.get(SECRET_KEYS.inboxCopy)?.includes('"f1"'));
  });

  it('a window starting signed in to the same account keeps the copy', async () => {
    const t = setup(undefined);
    t.store.values.set(SECRET_KEYS.inboxCopy, JSON.stringify({ version: 1, owner: 'account:alice', faxes: [received] }));
    t.who.sign(alice);
    await settle();
    assert.ok(t.store.values.has(SECRET_KEYS.inboxCopy));
    assert.deepEqual(
      (await t.copy.read())?.map((f) => f.id),
      ['f1'],
    );
  });

  it('keeps only what a row shows: not the cover page, the file path or the owner', async () => {
    const t = setup();
    t.copy.save([
      {
        ...received,
        ownerId: 'alice',
        file: '/storage/f1.tiff',
        coverPage: { subject: 'Lab results', message: 'Confidential' },
        description: 'internal',
      } as Fax,
    ]);
    await settle();
    const text = t.store.values.get(SECRET_KEYS.inboxCopy) ?? '';
    for (const secret of ['Lab results', 'Confidential', '/storage/f1.tiff', 'internal', 'ownerId']) {
      assert.ok(!text.includes(secret), `${secret} is not stored`);
    }
    assert.deepEqual(await t.copy.read(), [received]);
  });

  it('is deleted when the window is signed out, and nothing is read while signed out', async () => {
    const t = await setupWithCopy();
    t.who.sign(undefined);
    await settle();
    assert.equal(t.store.values.has(SECRET_KEYS.inboxCopy), false);
    assert.equal(await t.copy.read(), undefined);
    t.who.sign(alice);
    assert.equal(await t.copy.read(), undefined, 'signing in again finds nothing until the Inbox loads');
  });

  it('starts reading as soon as the window is signed in, before the Inbox asks', async () => {
    const t = setup(undefined);
    assert.deepEqual(t.store.calls, []);
    t.who.sign(alice);
    assert.deepEqual(t.store.calls, [`get ${SECRET_KEYS.inboxCopy}`]);
    await t.copy.read();
    assert.equal(t.store.calls.length, 1, 'the Inbox uses that read');
  });

  it('writes only when the page changed, and again once another window deleted it', async () => {
    const t = setup();
    const stores = () => t.store.calls.filter((c) => c.startsWith('store')).length;
    t.copy.save([received]);
    t.copy.save([{ ...received }]);
    await settle();
    t.copy.save([{ ...received, isRead: true }]);
    await settle();
    assert.equal(stores(), 2);

    t.store.values.delete(SECRET_KEYS.inboxCopy);
    t.store.changed.fire({ key: SECRET_KEYS.inboxCopy });
    await settle();
    t.copy.save([{ ...received, isRead: true }]);
    await settle();
    assert.equal(stores(), 3);
    assert.ok(t.store.values.has(SECRET_KEYS.inboxCopy));
  });

  it('reads storage once per window, and again after another window wrote it', async () => {
    const t = setup();
    t.store.values.set(SECRET_KEYS.inboxCopy, JSON.stringify({ version: 1, owner: 'account:alice', faxes: [received] }));
    await t.copy.read();
    await t.copy.read();
    assert.equal(t.store.calls.filter((c) => c.startsWith('get')).length, 1);

    t.store.values.set(SECRET_KEYS.inboxCopy, JSON.stringify({ version: 1, owner: 'account:alice', faxes: [{ ...received, id: 'f2' }] }));
    t.store.changed.fire({ key: SECRET_KEYS.inboxCopy });
    assert.deepEqual(
      (await t.copy.read())?.map((f) => f.id),
      ['f2'],
    );
  });

  it('ignores what it cannot read: not JSON, another format, records that are not faxes', async () => {
    const t = setup();
    for (const text of ['{not json', JSON.stringify({ version: 2, owner: 'account:alice', faxes: [received] })]) {
      t.store.values.set(SECRET_KEYS.inboxCopy, text);
      t.store.changed.fire({ key: SECRET_KEYS.inboxCopy });
      assert.equal(await t.copy.read(), undefined, text);
    }
    t.store.values.set(
      SECRET_KEYS.inboxCopy,
      JSON.stringify({ version: 1, owner: 'account:alice', faxes: [{ id: 7 }, null, { ...received, startTime: 'yesterday' }] }),
    );
    t.store.changed.fire({ key: SECRET_KEYS.inboxCopy });
    const [only, ...rest] = (await t.copy.read()) ?? [];
    assert.equal(rest.length, 0);
    assert.equal(only.id, 'f1');
    assert.equal(only.startTime, undefined, 'a date that is not one is dropped, not shown as Invalid Date');
  });

  it('a keyring that fails costs only the copy: reads give nothing, saves are dropped quietly', async () => {
    const failing = {
      get: () => Promise.reject(new Error('no keyring')),
      store: () => Promise.reject(new Error('no keyring')),
      delete: () => Promise.reject(new Error('no keyring')),
      onDidChange: new vscode.EventEmitter<vscode.SecretStorageChangeEvent>().event,
    } as unknown as vscode.SecretStorage;
    const who = session(alice);
    copy = new StoredFirstPage(new SecretStore(failing), who as unknown as AuthSession, logger);
    assert.equal(await copy.read(), undefined);
    copy.save([received]);
    await settle();
    who.sign(undefined);
    await settle();
    assert.equal(warnings.length, 1, 'a copy that could not be deleted is logged');
    assert.match(warnings[0], /could not be deleted: .*no keyring/);
  });

  it('keeps nothing for a sign-in whose account is unknown', async () => {
    const t = setup({ ...alice, account: undefined, fingerprint: 'f00d' });
    t.copy.save([received]);
    await settle();
    assert.equal(t.store.values.size, 0);
  });
});
