import * as assert from 'assert';
import * as vscode from 'vscode';
import { signInWith, signOut, testEnvironment, type TestEnvironment } from './support/environment';
import type { FaxNode } from '../../src/views/treeNodes';

/** Fax.Plus watches for aggressive polling: a poll must cost one request however many pages are shown. */
describe('Polling a long Inbox', function () {
  this.timeout(60_000);
  let env: TestEnvironment;

  const faxIds = async () =>
    (await env.api.sidebar.provider('inbox').getChildren()).filter((n) => n.kind === 'fax').map((n) => (n as FaxNode).fax.id);
  // The Inbox's own lists: an earlier suite may have left Sent or Spam expanded, and they list faxes too.
  const listRequests = () =>
    env.emulator.requests.filter((r) => r.operationId === 'listFaxes' && (r.query.category ?? 'inbox') === 'inbox');

  before(async () => {
    env = await testEnvironment();
    await vscode.workspace.getConfiguration('faxplus').update('pageSize', 20, vscode.ConfigurationTarget.Global);
    await signInWith(env.emulator.demoTokens.fullAccess);
    await vscode.commands.executeCommand('faxplus.inbox.focus');
  });

  after(async () => {
    // Visible views load on every sign-in; later suites count their own requests.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.workspace.getConfiguration('faxplus').update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    await signOut();
  });

  it('asks for the newest page only, keeps the older pages, and puts a new fax on top', async () => {
    const provider = env.api.sidebar.provider('inbox');
    await provider.getChildren();
    await vscode.commands.executeCommand('faxplus.loadMore', { view: 'inbox' });
    await vscode.commands.executeCommand('faxplus.loadMore', { view: 'inbox' });
    const before = await faxIds();
    assert.ok(before.length > 40, `three pages shown (${before.length})`);

    env.emulator.clearRequests();
    await provider.poll();
    assert.strictEqual(listRequests().length, 1, 'one request for a poll');
    assert.deepStrictEqual(await faxIds(), before, 'nothing changed, nothing moved');

    const arrived = env.emulator.receiveFax();
    env.emulator.clearRequests();
    await provider.poll();
    assert.strictEqual(listRequests().length, 1);
    const after = await faxIds();
    assert.strictEqual(after[0], arrived.id, 'the new fax is on top');
    assert.deepStrictEqual(after.slice(1), before, 'the older pages stay as they were');
  });
});
