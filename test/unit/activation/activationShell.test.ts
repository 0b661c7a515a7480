import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ActivationShell, type ExtensionParts } from '../../../src/activation/activationShell';
import { COMMANDS } from '../../../src/manifest/commandIds';
import { CHAT_TOOLS } from '../../../src/chat/chatToolNames';
import { VIEW_NAMES, type TreeNode } from '../../../src/views/treeNodes';
import type { SidebarTreeViews } from '../../../src/views/sidebarTreeViews';
import { vscodeDouble, type Registration, type TreeViewDouble } from '../support/vscodeDouble';

/** A stand-in for what extensionMain.ts wires: records what reaches it. */
function fakeParts() {
  const ran: { id: string; args: readonly unknown[] }[] = [];
  const sessions = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  const decorationsChanged = new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>();
  const decorated: unknown[] = [];
  const parts: ExtensionParts = {
    runCommand: async (id, args) => {
      ran.push({ id, args });
      return `ran ${id}`;
    },
    viewerSerializer: { deserializeWebviewPanel: async () => undefined },
    authenticationProvider: {
      onDidChangeSessions: sessions.event,
      getSessions: async () => [],
      createSession: async () => {
        throw new Error('not in this test');
      },
      removeSession: async () => undefined,
    },
    fileDecorations: {
      onDidChangeFileDecorations: decorationsChanged.event,
      provideFileDecoration: (uri) => {
        decorated.push(uri);
        return { badge: 'F' };
      },
    },
    chatTools: { tool: () => ({ invoke: async () => ({ content: [] }) as unknown as vscode.LanguageModelToolResult }) },
  };
  return { parts, ran, sessions, decorationsChanged, decorated };
}

/** A provider for one view, as the sidebar's are. */
function fakeProvider(items: TreeNode[]) {
  const changed = new vscode.EventEmitter<TreeNode | undefined>();
  const provider: vscode.TreeDataProvider<TreeNode> = {
    onDidChangeTreeData: changed.event,
    getTreeItem: () => new vscode.TreeItem('row'),
    getChildren: () => items,
    getParent: () => undefined,
  };
  return { provider, changed };
}

const registered = (kind: Registration['kind']) => vscodeDouble.registered.filter((r) => r.kind === kind);
const sortedIds = (kind: Registration['kind']) =>
  registered(kind)
    .map((r) => r.id)
    .sort();
const handlerOf = <T>(kind: Registration['kind'], id: string) => registered(kind).find((r) => r.id === id)!.handler as T;
const node: TreeNode = { kind: 'message', text: 'a row' } as unknown as TreeNode;

describe('activation: the shell registers everything and builds the rest on first use', () => {
  let builds: number;
  let fake: ReturnType<typeof fakeParts>;
  let shell: ActivationShell;
  let inboxProvider: ReturnType<typeof fakeProvider>;

  /** What extensionMain.ts does with the views: each gets its provider. */
  const build = (treeViews: SidebarTreeViews): ExtensionParts => {
    builds++;
    for (const name of VIEW_NAMES) treeViews.show(name, name === 'inbox' ? inboxProvider.provider : fakeProvider([]).provider);
    return fake.parts;
  };

  beforeEach(() => {
    vscodeDouble.reset();
    builds = 0;
    fake = fakeParts();
    inboxProvider = fakeProvider([node]);
    shell = new ActivationShell(build);
  });

  afterEach(() => shell.dispose());

  it('registers every command, view, chat tool, the serializer, the Accounts provider and decorations, and builds nothing', () => {
    assert.deepEqual(sortedIds('command'), Object.values(COMMANDS).sort());
    assert.deepEqual(
      registered('treeView').map((r) => r.id),
      VIEW_NAMES.map((v) => `faxplus.${v}`),
    );
    assert.deepEqual(sortedIds('tool'), Object.values(CHAT_TOOLS).sort());
    assert.deepEqual(
      registered('webviewSerializer').map((r) => r.id),
      ['faxplus.faxViewer'],
    );
    assert.deepEqual(
      registered('authenticationProvider').map((r) => r.id),
      ['faxplus'],
    );
    assert.equal(registered('fileDecorations').length, 1);
    const outbox = handlerOf<TreeViewDouble>('treeView', 'faxplus.outbox');
    assert.ok(outbox.options.dragAndDropController, 'files can be dropped on the Outbox');
    assert.equal(builds, 0);
    assert.equal(shell.wiring, undefined);
  });

  it('a command builds the rest once and runs with its arguments; the next command reuses the build', async () => {
    const run = handlerOf<(...args: unknown[]) => Promise<unknown>>('command', COMMANDS.refreshInbox);
    assert.equal(await run('a', 2), `ran ${COMMANDS.refreshInbox}`);
    await handlerOf<(...args: unknown[]) => Promise<unknown>>('command', COMMANDS.signOut)();
    assert.equal(builds, 1);
    assert.deepEqual(fake.ran, [
      { id: COMMANDS.refreshInbox, args: ['a', 2] },
      { id: COMMANDS.signOut, args: [] },
    ]);
    assert.equal(shell.wiring?.firstUse, `the command ${COMMANDS.refreshInbox}`);
    assert.ok(typeof shell.wiring?.ms === 'number');
  });

  it("a view shown builds the rest; the view then answers from the sidebar's provider and passes its changes on", async () => {
    const inbox = handlerOf<TreeViewDouble>('treeView', 'faxplus.inbox');
    inbox.show();
    assert.equal(builds, 1);
    assert.equal(shell.wiring?.firstUse, 'the inbox view');
    const forwarding = inbox.options.treeDataProvider as vscode.TreeDataProvider<TreeNode>;
    assert.deepEqual(await forwarding.getChildren(), [node]);
    let changes = 0;
    forwarding.onDidChangeTreeData?.(() => changes++);
    inboxProvider.changed.fire(undefined);
    assert.equal(changes, 1);
  });

  it('VS Code asking a view for items builds the rest and gets the answer of that same ask', async () => {
    const inbox = handlerOf<TreeViewDouble>('treeView', 'faxplus.inbox').options.treeDataProvider as vscode.TreeDataProvider<TreeNode>;
    assert.deepEqual(await inbox.getChildren(), [node]);
    assert.equal(builds, 1);
  });

  it('the explorer asking for decorations builds nothing; once built, decorations are asked again and answered', () => {
    const provider = handlerOf<vscode.FileDecorationProvider>('fileDecorations', '');
    let refreshed = 0;
    provider.onDidChangeFileDecorations?.(() => refreshed++);
    const uri = { path: '/a.md' } as unknown as vscode.Uri;
    assert.equal(provider.provideFileDecoration(uri, new vscode.CancellationTokenSource().token), undefined);
    assert.equal(builds, 0);
    shell.parts('a test');
    assert.equal(refreshed, 1, 'every decoration is asked for again');
    assert.deepEqual(provider.provideFileDecoration(uri, new vscode.CancellationTokenSource().token), { badge: 'F' });
    fake.decorationsChanged.fire(uri);
    assert.equal(refreshed, 2, "the receipts' changes are passed on");
  });

  it("the Accounts menu's ask builds the rest, and the provider's session changes are passed on", async () => {
    const provider = handlerOf<vscode.AuthenticationProvider>('authenticationProvider', 'faxplus');
    const events: unknown[] = [];
    provider.onDidChangeSessions((e) => events.push(e));
    assert.deepEqual(await provider.getSessions(undefined, {}), []);
    assert.equal(shell.wiring?.firstUse, "VS Code's Accounts menu");
    const change = { added: [], removed: [], changed: [] };
    fake.sessions.fire(change);
    assert.deepEqual(events, [change]);
  });

  it('a build that failed is not tried again (half a build may hold status bars and timers), and nothing builds after deactivation', () => {
    const failing = new ActivationShell(() => {
      builds++;
      throw new Error('wiring broke');
    });
    try {
      assert.throws(() => failing.parts('first'), /wiring broke/);
      assert.throws(() => failing.parts('second'), /wiring broke/);
      assert.equal(builds, 1);
    } finally {
      failing.dispose();
    }
    shell.dispose();
    assert.throws(() => shell.parts('late'), /deactivated/);
    assert.equal(builds, 1);
    assert.ok(
      vscodeDouble.registered.every((r) => r.kind === 'treeView' || r.disposed),
      'deactivation unregisters everything',
    );
    assert.ok(registered('treeView').every((r) => (r.handler as TreeViewDouble).disposed));
  });
});
