import * as assert from 'assert';
import * as vscode from 'vscode';
import type { FaxNode } from '../../src/views/treeNodes';
import { eventually, expandedViews, signInWith, signOut, testEnvironment, type TestEnvironment } from './support/environment';
import { forExpandedViews, REQUEST_BUDGETS, operationsOf } from '../bench/lib/requestBudgets';

/*
 * The requests each everyday journey costs, counted from the emulator's log.
 * Fax.Plus is a round trip away and watches for aggressive polling: a request
 * a journey does not need is time a person waits and load the service sees.
 * These are counts, not timings; `npm run bench` times the same journeys.
 */
describe('Request budget per journey', function () {
  this.timeout(60_000);
  let env: TestEnvironment;

  /**
   * Every request answered and none new for QUIET_MS: the journey's requests
   * are all in the log. (A request can follow its trigger only after an
   * async SecretStorage read, which a loaded host can make slow.)
   */
  async function settled(): Promise<string[]> {
    const QUIET_MS = 750;
    let seen = env.emulator.requests.length;
    let since = Date.now();
    await eventually(() => {
      const now = env.emulator.requests.length;
      if (now !== seen || env.emulator.requests.some((r) => r.status === 0)) {
        seen = now;
        since = Date.now();
      }
      assert.ok(Date.now() - since >= QUIET_MS, 'requests still arriving');
    }, 20_000);
    return operationsOf(env.emulator.requests);
  }
  const inbox = () => env.api.sidebar.providers.inbox;

  before(async () => {
    env = await testEnvironment();
  });

  beforeEach(() => {
    env.emulator.reset({ keepTokens: true });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('sign in (sidebar hidden): the token and account checked, the balance shown, nothing else', async () => {
    await signOut();
    await vscode.commands.executeCommand('workbench.view.explorer');
    await settled();
    env.emulator.clearRequests();
    await signInWith(env.emulator.demoTokens.fullAccess);
    assert.deepStrictEqual(await settled(), [...REQUEST_BUDGETS.signIn]);
  });

  it('open the sidebar: one request per expanded view (Outbox and Inbox), none for collapsed ones', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    await vscode.commands.executeCommand('workbench.view.explorer');
    await settled();
    for (const provider of Object.values(env.api.sidebar.providers)) {
      provider.reset();
    }
    env.emulator.clearRequests();
    await vscode.commands.executeCommand('workbench.view.extension.faxplus');
    await eventually(() => assert.ok(inbox().loadedItems.length > 0, 'the inbox shows faxes'), 15_000);
    const asked = await settled();
    // A collapsed view is not visible; the suites before this one may have expanded some.
    assert.deepStrictEqual(asked, forExpandedViews(REQUEST_BUDGETS.openSidebar, expandedViews(env)));
  });

  it('send a one-file fax to one number: one upload, one outbox request, one Outbox reload', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    await vscode.commands.executeCommand('workbench.view.extension.faxplus');
    await settled();
    env.emulator.clearRequests();
    const from = env.emulator.state
      .numbers()
      .find((n) => n.status === 'active' && n.assigned_to.includes(env.emulator.accounts.admin))!.number;
    // Every answer given, confirm off: nobody is asked (a prompt would leave the command waiting and fail the test).
    const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'invoice.pdf');
    const ids = await vscode.commands.executeCommand('faxplus.sendFax', {
      files: [file.toString()],
      to: ['+12015550123'],
      from,
      confirm: false,
    });
    assert.ok(ids, 'the fax was sent');
    assert.deepStrictEqual(await settled(), [...REQUEST_BUDGETS.sendFax]);
  });

  it('open a fax, then the next one, from the Inbox: the document and the read mark, no list reload', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    await vscode.commands.executeCommand('faxplus.inbox.focus');
    await eventually(() => assert.ok(inbox().loadedItems.length > 0, 'the inbox shows faxes'), 15_000);
    await settled();
    const unread = inbox().loadedItems.filter((n): n is FaxNode => n.kind === 'fax' && n.fax.isRead === false);
    assert.ok(unread.length >= 2, 'the seed has two unread faxes on the first page');
    for (const [node, budget] of [
      [unread[0], REQUEST_BUDGETS.openFax],
      [unread[1], REQUEST_BUDGETS.openNextFax],
    ] as const) {
      env.emulator.clearRequests();
      const opened = await vscode.commands.executeCommand<{ faxId: string }>('faxplus.openFax', node);
      assert.strictEqual(opened?.faxId, node.fax.id);
      assert.deepStrictEqual(await settled(), [...budget]);
      const shown = inbox().loadedItems.find((n): n is FaxNode => n.kind === 'fax' && n.fax.id === node.fax.id);
      assert.strictEqual(shown?.fax.isRead, true, 'the Inbox shows it read');
    }
  });
});
