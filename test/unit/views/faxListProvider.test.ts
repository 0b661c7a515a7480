import * as assert from 'node:assert/strict';
import { vscodeDouble } from '../support/vscodeDouble';
import type { Fax } from '../../../src/api/models';
import { CommandPermissions } from '../../../src/auth/commandPermissions';
import type { TokenFacts } from '../../../src/auth/tokenFacts';
import { FaxListProvider, type FaxListCopy } from '../../../src/views/faxListProvider';
import type { SectionDependencies } from '../../../src/views/sectionDependencies';
import type { TreeNode } from '../../../src/views/treeNodes';

const reader: TokenFacts = { kind: 'pat', source: 'secretStorage', scopes: ['fax:fax:read'], checkedAt: 0, account: { uid: 'u1' } };

function fax(id: string, day: number): Fax {
  return { id, status: 'success', comment: '', startTime: new Date(Date.UTC(2026, 10, day)) };
}

/** One list request the test answers: what it asked for, and its single page. */
interface PendingList {
  readonly after?: Date;
  answer(faxes: Fax[]): void;
  fail(error: Error): void;
}

/** The Inbox's provider over a client whose pages the test hands out, with a copy that records what is saved. */
function setup(stored?: Fax[]) {
  const lists: PendingList[] = [];
  const saved: string[][] = [];
  const client = {
    async *iterateFaxes(options: { after?: Date }): AsyncGenerator<Fax[]> {
      // A page per request, while the test answers with faxes; an empty answer ends the listing.
      for (;;) {
        const page = await new Promise<Fax[]>((resolve, reject) => lists.push({ after: options.after, answer: resolve, fail: reject }));
        if (page.length === 0) return;
        yield page;
      }
    },
  };
  const deps = {
    session: { facts: reader, whenRestored: () => Promise.resolve() },
    permissions: new CommandPermissions(),
    clients: { get: () => client },
    errors: { describe: (e: unknown) => String(e), show: (e: unknown) => e },
    items: { create: (node: TreeNode) => ({ node }) },
    logger: { warn: () => undefined, info: () => undefined, debug: () => undefined, error: () => undefined },
  } as unknown as SectionDependencies;
  const copy: FaxListCopy = {
    read: async () => stored,
    save: (faxes) => void saved.push(faxes.map((f) => f.id)),
  };
  const provider = new FaxListProvider('inbox', deps, () => 50, copy);
  provider.isVisible = () => true;
  return { provider, lists, saved };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A date filter whose window is January 2020. */
const JANUARY_2020 = { since: new Date(Date.UTC(2020, 0, 1)), until: new Date(Date.UTC(2020, 1, 1)) };

/** The Inbox's first look, answered with `faxes` (no copy stored). */
async function loadInbox(t: ReturnType<typeof setup>, faxes: Fax[]): Promise<void> {
  const first = t.provider.getChildren();
  await settle();
  t.lists[0].answer(faxes);
  await first;
}
const ids = (nodes: readonly TreeNode[]) => nodes.map((n) => (n.kind === 'fax' ? n.fax.id : n.kind));

describe('views: FaxListProvider and the Inbox copy', () => {
  let provider: FaxListProvider | undefined;
  beforeEach(() => vscodeDouble.reset());
  afterEach(() => provider?.dispose());

  it('saves the first page the server sent, and paints a stored one before the server answers', async () => {
    const t = setup([fax('stored', 1)]);
    provider = t.provider;
    assert.deepEqual(ids(await t.provider.getChildren()), ['stored']);
    t.lists[0].answer([fax('new', 3), fax('stored', 1)]);
    await settle();
    assert.deepEqual(ids(await t.provider.getChildren()), ['new', 'stored', 'loadMore']);
    assert.deepEqual(t.saved, [['new', 'stored']]);
  });

  it('a list asked for a date window is never saved as the Inbox, even when the filter is cleared while it loads', async () => {
    const t = setup();
    provider = t.provider;
    await loadInbox(t, [fax('today', 20)]);
    assert.deepEqual(t.saved, [['today']]);

    const windowed = t.provider.setFilter(JANUARY_2020);
    await settle();
    assert.ok(t.lists[1].after, 'the filter asked for its window');
    const cleared = t.provider.setFilter(undefined);
    await settle();
    t.lists[1].answer([fax('jan2020', 5)]);
    await windowed;
    await settle();
    assert.equal(t.lists.length, 3, 'clearing the filter asked again instead of sharing the windowed load');
    t.lists[2].answer([fax('today', 20)]);
    await cleared;
    assert.deepEqual(ids(await t.provider.getChildren()), ['today', 'loadMore'], 'the Inbox, not January 2020');
    assert.ok(!t.saved.flat().includes('jan2020'), `the windowed list was never saved: ${JSON.stringify(t.saved)}`);
    assert.deepEqual(t.saved.at(-1), ['today']);
  });

  it('"Load more" over the copy loads the first page and the next one', async () => {
    const t = setup([fax('stored', 1)]);
    provider = t.provider;
    await t.provider.getChildren();
    const more = t.provider.loadMore();
    t.lists[0].answer([fax('p1', 3)]);
    await settle();
    assert.equal(t.lists.length, 2, 'the next page is asked for after the first');
    t.lists[1].answer([fax('p2', 2)]);
    await more;
    assert.deepEqual(ids(await t.provider.getChildren()), ['p1', 'p2', 'loadMore']);
  });

  it("a date window's list left on screen by a failed reload is not saved when a fax in it is marked read", async () => {
    const t = setup();
    provider = t.provider;
    await loadInbox(t, [fax('today', 20)]);
    const windowed = t.provider.setFilter(JANUARY_2020);
    await settle();
    t.lists[1].answer([fax('jan2020', 5)]);
    await windowed;
    const cleared = t.provider.setFilter(undefined);
    await settle();
    t.lists[2].fail(new Error('HTTP 500'));
    await cleared;
    await t.provider.showUpdated('jan2020', { isRead: true });
    assert.ok(!t.saved.flat().includes('jan2020'), `the windowed list was never saved: ${JSON.stringify(t.saved)}`);
  });

  it('a failed first load drops the copy (one error node), saves nothing, and the next answer is saved', async () => {
    const t = setup([fax('stored', 1)]);
    provider = t.provider;
    await t.provider.getChildren();
    t.lists[0].fail(new Error('HTTP 500'));
    await settle();
    await t.provider.showUpdated('stored', { isRead: true });
    assert.deepEqual(ids(await t.provider.getChildren()), ['error']);
    assert.deepEqual(t.saved, []);

    const retried = t.provider.refresh();
    await settle();
    t.lists[1].answer([fax('stored', 1)]);
    await retried;
    assert.deepEqual(t.saved, [['stored']], 'saved once the server answered');
  });
});
