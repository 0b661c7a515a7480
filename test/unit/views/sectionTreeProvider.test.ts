import * as assert from 'node:assert/strict';
import { vscodeDouble } from '../support/vscodeDouble';
import { ServerError, UnauthorizedError } from '../../../src/api/errors';
import type { Fax } from '../../../src/api/models';
import { CommandPermissions } from '../../../src/auth/commandPermissions';
import type { TokenFacts } from '../../../src/auth/tokenFacts';
import { SectionTreeProvider } from '../../../src/views/sectionTreeProvider';
import type { SectionDependencies } from '../../../src/views/sectionDependencies';
import type { ItemNode, TreeNode } from '../../../src/views/treeNodes';

const reader: TokenFacts = { kind: 'pat', source: 'secretStorage', scopes: ['fax:fax:read'], tokenName: 'reader', checkedAt: 0 };
const numbersOnly: TokenFacts = { ...reader, scopes: ['fax:numbers:read'] };

function faxNode(id: string): ItemNode {
  return { kind: 'fax', category: 'inbox', fax: { id } as Fax };
}

/** A deferred answer for one fetch, so a test decides when (and how) each load ends. */
interface PendingFetch {
  readonly signal: AbortSignal;
  resolve(items: ItemNode[]): void;
  reject(error: unknown): void;
}

/** The smallest subclass: every fetch waits for the test to answer it. */
class TestSection extends SectionTreeProvider {
  readonly fetches: PendingFetch[] = [];
  /** What storedItems() answers (a copy kept between windows); none unless a test sets it. */
  stored: Promise<ItemNode[] | undefined> = Promise.resolve(undefined);
  /** Every list onServerItems() was told of, by fax id. */
  readonly saved: string[][] = [];
  /** Whether the list has a "Load more…" row after its items. */
  more = false;

  /** A later refresh gets a load of its own (as FaxListProvider.setFilter does). */
  startOwnLoad(): void {
    this.forgetPendingLoad();
  }

  /** A change made in memory (as FaxListProvider.showUpdated does). */
  changeInMemory(change: (items: readonly ItemNode[]) => ItemNode[]): Promise<void> {
    return this.enqueue(async () => change(this.loadedItems), false);
  }

  protected override trailingNodes(): TreeNode[] {
    return this.more ? [{ kind: 'loadMore', view: 'inbox' }] : [];
  }

  protected override storedItems(): Promise<ItemNode[] | undefined> {
    return this.stored;
  }

  protected override onServerItems(items: readonly ItemNode[]): void {
    this.saved.push(items.map((node) => (node as { fax: Fax }).fax.id));
  }

  protected fetchFresh(signal: AbortSignal): Promise<ItemNode[]> {
    return new Promise((resolve, reject) => this.fetches.push({ signal, resolve, reject }));
  }

  protected emptyMessage(): string {
    return 'No faxes.';
  }
}

function setup(token: TokenFacts | 'signedOut' = reader) {
  const facts = token === 'signedOut' ? undefined : token;
  const shown: unknown[] = [];
  const warnings: string[] = [];
  const session = { facts, whenRestored: () => Promise.resolve() };
  const deps = {
    session,
    permissions: new CommandPermissions(),
    errors: {
      describe: (e: unknown) => `described: ${e instanceof Error ? e.message : String(e)}`,
      show: (e: unknown) => {
        shown.push(e);
        return e;
      },
    },
    items: { create: (node: TreeNode) => ({ node }) },
    logger: { warn: (line: string) => warnings.push(line), info: () => undefined, debug: () => undefined, error: () => undefined },
  } as unknown as SectionDependencies;
  const section = new TestSection('inbox', deps);
  let changes = 0;
  let updates = 0;
  section.onDidChangeTreeData(() => changes++);
  section.onDidUpdateItems(() => updates++);
  return { section, session, shown, warnings, changes: () => changes, updates: () => updates };
}

/** The stored copy's read answers only when the test releases it (with what it read). */
function holdStoredRead(section: TestSection): (nodes: ItemNode[]) => void {
  let release!: (nodes: ItemNode[]) => void;
  section.stored = new Promise((resolve) => (release = resolve));
  return release;
}

/** Lets queued promise callbacks run (the load queue chains on microtasks). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('views: SectionTreeProvider (the tree base class)', () => {
  let section: TestSection | undefined;
  beforeEach(() => vscodeDouble.reset());
  afterEach(() => section?.dispose());

  it('loads only when the view first asks, then renders from memory', async () => {
    const t = setup();
    section = t.section;
    assert.equal(t.section.fetches.length, 0, 'nothing is fetched before the view asks');
    const first = t.section.getChildren();
    await settle();
    assert.equal(t.section.fetches.length, 1);
    t.section.fetches[0].resolve([faxNode('a'), faxNode('b')]);
    assert.deepEqual(
      (await first).map((n) => (n as { fax: Fax }).fax.id),
      ['a', 'b'],
    );
    assert.equal(t.updates(), 1);

    const again = await t.section.getChildren();
    assert.equal(again.length, 2);
    assert.equal(t.section.fetches.length, 1, 'a second look makes no request');
  });

  it('two looks before the first answer share one request', async () => {
    const t = setup();
    section = t.section;
    const a = t.section.getChildren();
    const b = t.section.getChildren();
    await settle();
    assert.equal(t.section.fetches.length, 1);
    t.section.fetches[0].resolve([faxNode('a')]);
    assert.equal((await a).length, 1);
    assert.equal((await b).length, 1);
  });

  describe('a stored copy (a returning person)', () => {
    const ids = (nodes: readonly TreeNode[]) => nodes.map((n) => (n.kind === 'fax' ? n.fax.id : n.kind));

    it("is shown at once, and the server's list replaces it when it answers", async () => {
      const t = setup();
      section = t.section;
      t.section.stored = Promise.resolve([faxNode('old1'), faxNode('old2')]);
      const shown = await t.section.getChildren();
      assert.deepEqual(ids(shown), ['old1', 'old2'], 'the copy, before the server answered');
      assert.equal(t.section.fetches.length, 1, 'the server is asked at the same time');
      assert.equal(t.updates(), 1);
      const changesBefore = t.changes();
      t.section.fetches[0].resolve([faxNode('new'), faxNode('old1')]);
      await settle();
      assert.deepEqual(ids(await t.section.getChildren()), ['new', 'old1']);
      assert.ok(t.changes() > changesBefore, 'the tree is told to draw the fresh list');
      assert.deepEqual(t.section.saved, [['new', 'old1']], "only the server's list is saved, never the copy");
      assert.equal(t.section.fetches.length, 1);
    });

    it('two looks at once, and a look while the copy is shown, draw it without waiting and ask the server once', async () => {
      const t = setup();
      section = t.section;
      t.section.stored = Promise.resolve([faxNode('old')]);
      const [a, b] = await Promise.all([t.section.getChildren(), t.section.getChildren()]);
      assert.deepEqual(ids(a), ['old']);
      assert.deepEqual(ids(b), ['old']);
      assert.deepEqual(ids(await t.section.getChildren()), ['old'], 'after the paint');
      assert.equal(t.section.fetches.length, 1);
    });

    it('shows no "Load more…" under the copy, only under the server\'s list', async () => {
      const t = setup();
      section = t.section;
      t.section.more = true;
      t.section.stored = Promise.resolve([faxNode('old')]);
      assert.deepEqual(ids(await t.section.getChildren()), ['old']);
      t.section.fetches[0].resolve([faxNode('new')]);
      await settle();
      assert.deepEqual(ids(await t.section.getChildren()), ['new', 'loadMore']);
    });

    it('a change in memory waits for the load under the copy, and one after a failed refresh keeps the error', async () => {
      const t = setup();
      section = t.section;
      t.section.isVisible = () => true;
      t.section.stored = Promise.resolve([faxNode('old')]);
      await t.section.getChildren();
      const change = t.section.changeInMemory((items) => items.map((n) => faxNode(`${(n as { fax: Fax }).fax.id}-read`)));
      await settle();
      assert.deepEqual(ids(await t.section.getChildren()), ['old'], 'not applied over the copy');
      t.section.fetches[0].resolve([faxNode('new')]);
      await change;
      assert.deepEqual(ids(await t.section.getChildren()), ['new-read'], "applied to the server's list");

      const refresh = t.section.refresh();
      await settle();
      t.section.fetches[1].reject(new ServerError('HTTP 500', { operationId: 'listFaxes', status: 500 }));
      await refresh;
      await t.section.changeInMemory((items) => [...items]);
      assert.equal(ids(await t.section.getChildren())[0], 'error', 'a change in memory does not hide the failed refresh');
    });

    it('a failed load replaces the copy with one error node, as without a copy', async () => {
      const t = setup();
      section = t.section;
      t.section.stored = Promise.resolve([faxNode('old')]);
      await t.section.getChildren();
      assert.equal(t.section.showsStoredCopy, true);
      t.section.fetches[0].reject(new ServerError('HTTP 500', { operationId: 'listFaxes', status: 500 }));
      await settle();
      assert.deepEqual(ids(await t.section.getChildren()), ['error']);
      assert.equal(t.section.showsStoredCopy, false);
      assert.deepEqual(t.section.saved, []);
    });

    it('a reset while the copy is read (sign-out, another account) shows nothing of it', async () => {
      const t = setup();
      section = t.section;
      const release = holdStoredRead(t.section);
      const pending = t.section.getChildren();
      await settle();
      assert.equal(t.section.fetches.length, 1, 'the server is asked without waiting for the copy');
      t.section.reset();
      release([faxNode('someone else')]);
      t.section.fetches[0].resolve([faxNode('before the reset')]);
      assert.deepEqual(ids(await pending), [], 'neither the copy nor an answer from before the reset');

      t.section.stored = Promise.resolve(undefined);
      const next = t.section.getChildren();
      await settle();
      t.section.fetches[1].resolve([faxNode('mine')]);
      assert.deepEqual(ids(await next), ['mine']);
      assert.deepEqual(t.section.saved, [['mine']], 'the answer from before the reset is not saved either');
    });

    it('an answer that comes before the copy is read is shown, not the copy', async () => {
      const t = setup();
      section = t.section;
      const release = holdStoredRead(t.section);
      const pending = t.section.getChildren();
      await settle();
      t.section.fetches[0].resolve([faxNode('fresh')]);
      await settle();
      release([faxNode('old')]);
      assert.deepEqual(ids(await pending), ['fresh']);
      assert.equal(t.updates(), 1);
    });

    it('none stored: the first look waits for the server, as without a copy', async () => {
      const t = setup();
      section = t.section;
      const pending = t.section.getChildren();
      await settle();
      assert.equal(t.updates(), 0);
      t.section.fetches[0].resolve([faxNode('a')]);
      assert.deepEqual(ids(await pending), ['a']);
    });
  });

  it('a load started on its own is shared by the next refresh, even after the older load ends', async () => {
    const t = setup();
    section = t.section;
    t.section.isVisible = () => true;
    const first = t.section.getChildren();
    await settle();
    t.section.fetches[0].resolve([faxNode('a')]);
    await first;

    const older = t.section.refresh();
    await settle();
    t.section.startOwnLoad();
    const own = t.section.refresh();
    t.section.fetches[1].resolve([faxNode('older')]);
    await older;
    await settle();
    const again = t.section.refresh();
    await settle();
    t.section.fetches[2].resolve([faxNode('new')]);
    await Promise.all([own, again]);
    await settle();
    assert.equal(t.section.fetches.length, 3, 'the last refresh joined the load on its way instead of asking again');
    assert.deepEqual(
      t.section.loadedItems.map((n) => (n as { fax: Fax }).fax.id),
      ['new'],
    );
  });

  it('signed out: shows nothing and fetches nothing (the welcome view explains)', async () => {
    const t = setup('signedOut');
    section = t.section;
    assert.deepEqual(await t.section.getChildren(), []);
    assert.equal(t.section.fetches.length, 0);
  });

  it('a token that may not read the section: one node naming the scope, no request', async () => {
    const t = setup(numbersOnly);
    section = t.section;
    const nodes = await t.section.getChildren();
    assert.equal(nodes.length, 1);
    const [node] = nodes;
    assert.equal(node.kind, 'missingScope');
    assert.ok(
      node.kind === 'missingScope' && node.scopes.length > 0 && node.scopes.every((s) => s.startsWith('fax:')),
      JSON.stringify(node),
    );
    assert.equal(t.section.fetches.length, 0);
  });

  it('an empty list shows one node with the empty message', async () => {
    const t = setup();
    section = t.section;
    const pending = t.section.getChildren();
    await settle();
    t.section.fetches[0].resolve([]);
    assert.deepEqual(await pending, [{ kind: 'empty', view: 'inbox', message: 'No faxes.' }]);
  });

  it('a failed load becomes one error node (no notification), and a refresh of the shown view replaces it', async () => {
    const t = setup();
    section = t.section;
    t.section.isVisible = () => true;
    const pending = t.section.getChildren();
    await settle();
    t.section.fetches[0].reject(new ServerError('HTTP 500', { operationId: 'listFaxes', status: 500 }));
    const nodes = await pending;
    assert.deepEqual(nodes, [{ kind: 'error', view: 'inbox', message: 'described: HTTP 500' }]);
    assert.equal(t.section.lastFailure, 'described: HTTP 500');
    assert.deepEqual(t.shown, [], 'a tree load never shows a toast');
    assert.equal(t.warnings.length, 1);

    const refreshed = t.section.refresh();
    await settle();
    assert.equal(t.section.fetches.length, 2);
    t.section.fetches[1].resolve([faxNode('c')]);
    await refreshed;
    assert.equal(t.section.lastFailure, undefined);
    assert.deepEqual(
      (await t.section.getChildren()).map((n) => n.kind),
      ['fax'],
    );
  });

  it('a 401 goes to the one sign-in prompt, not into an error node', async () => {
    const t = setup();
    section = t.section;
    const pending = t.section.getChildren();
    await settle();
    const rejected = new UnauthorizedError('HTTP 401', { operationId: 'listFaxes', status: 401 });
    t.section.fetches[0].reject(rejected);
    await pending;
    assert.deepEqual(t.shown, [rejected]);
    assert.equal(t.section.lastFailure, undefined);
  });

  it('a hidden view only marks its data stale; shown again, it renders the old list at once and then the fresh one', async () => {
    const t = setup();
    section = t.section;
    const first = t.section.getChildren();
    await settle();
    t.section.fetches[0].resolve([faxNode('old')]);
    await first;

    t.section.isVisible = () => false;
    const changesBefore = t.changes();
    await t.section.refresh();
    assert.equal(t.section.fetches.length, 1, 'a hidden view makes no request');
    assert.equal(t.changes(), changesBefore + 1);

    t.section.isVisible = () => true;
    const shown = await t.section.getChildren();
    assert.deepEqual(
      shown.map((n) => (n as { fax: Fax }).fax.id),
      ['old'],
      'the stale list is shown without waiting',
    );
    await settle();
    assert.equal(t.section.fetches.length, 2, 'and a fresh load started');
    const redrawn = new Promise<void>((resolve) => t.section.onDidChangeTreeData(() => resolve()));
    t.section.fetches[1].resolve([faxNode('new')]);
    await redrawn;
    assert.deepEqual(
      t.section.loadedItems.map((n) => (n as { fax: Fax }).fax.id),
      ['new'],
    );
  });

  it('reset drops the answer of a load started before it, and aborts that load', async () => {
    const t = setup();
    section = t.section;
    void t.section.getChildren();
    await settle();
    const stale = t.section.fetches[0];
    t.section.reset();
    assert.equal(stale.signal.aborted, true);
    stale.resolve([faxNode('from-the-old-token')]);
    await settle();
    assert.equal(t.section.hasLoaded, false);
    assert.deepEqual(t.section.loadedItems, []);
  });

  it('a poll rejects when the load failed, so the poller backs off', async () => {
    const t = setup();
    section = t.section;
    const first = t.section.getChildren();
    await settle();
    t.section.fetches[0].resolve([faxNode('a')]);
    await first;
    const poll = t.section.poll();
    await settle();
    t.section.fetches[1].reject(new ServerError('HTTP 503', { operationId: 'listFaxes', status: 503 }));
    await assert.rejects(poll, /described: HTTP 503/);
  });

  it('dispose aborts a load in flight', async () => {
    const t = setup();
    void t.section.getChildren();
    await settle();
    t.section.dispose();
    assert.equal(t.section.fetches[0].signal.aborted, true);
  });
});
