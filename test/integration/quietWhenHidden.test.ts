import * as assert from 'assert';
import * as vscode from 'vscode';
import { emulatorAnsweredAll, eventually, signInWith, signOut, testEnvironment, type TestEnvironment } from './support/environment';

/**
 * Fax.Plus watches for aggressive polling: with every Fax.Plus view hidden and
 * nothing sent from this window pending, nothing calls the API in the background.
 * The intervals are shortened to one second so the quiet window covers several.
 */
describe('Quiet while the Fax.Plus views are hidden', function () {
  this.timeout(60_000);
  let env: TestEnvironment;
  const config = () => vscode.workspace.getConfiguration('faxplus');
  const SHORT = { 'polling.balanceSeconds': 1, 'polling.inboxSeconds': 1, 'polling.outboxSeconds': 1 };
  /** Several balance, Inbox and Outbox intervals. */
  const QUIET_WINDOW_MS = 4_000;
  const balanceRequests = () => env.emulator.requests.filter((r) => r.operationId === 'getBalance');
  const workspaceFile = (name: string) => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, name);

  before(async () => {
    env = await testEnvironment();
    for (const [key, value] of Object.entries(SHORT)) await config().update(key, value, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await signInWith(env.emulator.demoTokens.fullAccess);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    for (const key of Object.keys(SHORT)) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await signOut();
  });

  it('makes no request at all over several intervals while every view is hidden', async () => {
    assert.ok(
      Object.values(env.api.sidebar.views).every((view) => !view.visible),
      'no Fax.Plus view is visible',
    );
    assert.strictEqual(env.api.balance.shown, true, 'the balance item stays in the status bar');
    await emulatorAnsweredAll(); // the sign-in's own requests
    env.emulator.clearRequests();
    // Proving that nothing happens needs a window of time; it is not a timing assertion.
    await new Promise((resolve) => setTimeout(resolve, QUIET_WINDOW_MS));
    assert.deepStrictEqual(
      env.emulator.requests.map((r) => `${r.method} ${r.path}`),
      [],
    );
  });

  it('checks the balance when a view becomes visible, then on its interval while it stays visible', async () => {
    env.emulator.clearRequests();
    await vscode.commands.executeCommand('faxplus.inbox.focus');
    await eventually(() => assert.ok(balanceRequests().length >= 1, 'checked when the view became visible'));
    await eventually(() => assert.ok(balanceRequests().length >= 2, 'checked again on the interval'), 10_000);
    assert.ok(env.api.balance.text.includes(String(Math.floor(env.emulator.state.balance().balance))), env.api.balance.text);
  });

  it('stops again when the views are hidden', async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await eventually(() => assert.ok(Object.values(env.api.sidebar.views).every((view) => !view.visible)));
    await emulatorAnsweredAll(); // a request already under way
    env.emulator.clearRequests();
    // Proving that nothing happens needs a window of time; it is not a timing assertion.
    await new Promise((resolve) => setTimeout(resolve, QUIET_WINDOW_MS));
    assert.deepStrictEqual(balanceRequests(), [], 'no balance check while hidden');
  });

  it('checks the balance after a fax is sent, even with the views hidden', async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await eventually(() => assert.ok(Object.values(env.api.sidebar.views).every((view) => !view.visible)));
    await emulatorAnsweredAll(); // a request already under way
    env.emulator.clearRequests();
    const from = env.emulator.state
      .numbers()
      .find((n) => n.status === 'active' && n.assigned_to.includes(env.emulator.accounts.admin))!.number;
    const ids = await vscode.commands.executeCommand('faxplus.sendFax', {
      files: [workspaceFile('letter.txt').toString()],
      to: ['+1 201 555 0123'],
      from,
      confirm: false,
    });
    assert.ok(ids && Object.keys(ids).length === 1, 'the fax was sent');
    await eventually(() => assert.ok(balanceRequests().length >= 1, 'the balance was checked after the send'));
    const send = env.emulator.requests.findIndex((r) => r.operationId === 'sendFax');
    const balance = env.emulator.requests.findIndex((r) => r.operationId === 'getBalance');
    assert.ok(send >= 0 && balance > send, 'after the send, not before');
  });
});
