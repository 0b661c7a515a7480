import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, signInWith, testEnvironment, type TestEnvironment } from './support/environment';
import type { ChangedList } from '../../src/events/faxEvents';
import type { FaxNode } from '../../src/views/treeNodes';

describe('Clicking a fax in the sidebar', () => {
  let env: TestEnvironment;
  let changed: ChangedList[];
  let listener: vscode.Disposable | undefined;

  const count = (operationId: string) => env.emulator.requests.filter((r) => r.operationId === operationId).length;

  /** An unread inbox fax as the Inbox tree shows it, and the command its click runs. */
  async function unreadInboxItem(): Promise<{ node: FaxNode; command: vscode.Command }> {
    const provider = env.api.sidebar.provider('inbox');
    // Unread both in the tree and on the server: earlier tests may have changed faxes behind a hidden view.
    const node = (await provider.getChildren()).find(
      (n): n is FaxNode =>
        n.kind === 'fax' && n.fax.isRead === false && env.emulator.state.fax(n.fax.id)?.is_read === false && !env.api.viewers.get(n.fax.id),
    );
    assert.ok(node, 'the inbox lists an unread fax that is not open yet');
    const command = provider.getTreeItem(node).command;
    assert.ok(command, 'the fax item has a click command');
    return { node, command };
  }

  before(async () => {
    env = await testEnvironment();
    listener = env.api.events.onDidChangeList((list) => changed.push(list));
  });

  beforeEach(() => {
    env.emulator.faults.clear();
    changed = [];
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(() => listener?.dispose());

  it('opens the fax in the viewer and marks it read, keeping its comment', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    const { node, command } = await unreadInboxItem();
    const comment = env.emulator.state.fax(node.fax.id)?.comment;
    env.emulator.clearRequests();

    assert.strictEqual(command.command, 'faxplus.openFax');
    const opened = await vscode.commands.executeCommand<{ faxId: string }>(command.command, ...(command.arguments ?? []));

    assert.strictEqual(opened?.faxId, node.fax.id);
    assert.ok(env.api.viewers.get(node.fax.id), 'the viewer shows the fax');
    assert.strictEqual(env.emulator.state.fax(node.fax.id)?.is_read, true);
    assert.strictEqual(env.emulator.state.fax(node.fax.id)?.comment, comment);
    assert.strictEqual(count('getFax'), 0, 'the node carried the record');
    assert.deepStrictEqual(changed, [], 'no list reload: the change is known exactly');
    await eventually(async () => {
      const rows = await env.api.sidebar.provider('inbox').getChildren();
      const row = rows.find((n): n is FaxNode => n.kind === 'fax' && n.fax.id === node.fax.id);
      assert.strictEqual(row?.fax.isRead, true, 'the inbox now lists it as read');
    });
    assert.strictEqual(count('listFaxes'), 0, 'without asking for the list again');
  });

  it('opens the fax for a read-only token without changing it', async () => {
    await signInWith(env.emulator.demoTokens.readOnly);
    const { node, command } = await unreadInboxItem();
    env.emulator.clearRequests();

    const opened = await vscode.commands.executeCommand<{ faxId: string }>(command.command, ...(command.arguments ?? []));

    assert.strictEqual(opened?.faxId, node.fax.id);
    assert.ok(env.api.viewers.get(node.fax.id), 'the viewer shows the fax');
    assert.strictEqual(count('getFile'), 1);
    assert.strictEqual(count('updateFax'), 0, 'no PUT');
    assert.strictEqual(env.emulator.state.fax(node.fax.id)?.is_read, false);
    assert.deepStrictEqual(changed, []);
  });
});
