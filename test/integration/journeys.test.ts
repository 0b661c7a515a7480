import * as assert from 'assert';
import * as vscode from 'vscode';
import type { LoggedRequest } from '../emulator/requestLog';
import {
  emulatorAnsweredAll,
  eventually,
  expandedViews,
  signInWith,
  signOut,
  testEnvironment,
  type TestEnvironment,
} from './support/environment';
import { forExpandedViews, REQUEST_BUDGETS, operationsOf } from '../bench/lib/requestBudgets';
import { Notices } from './support/notices';
import { SECRET_KEYS } from '../../src/auth/secretStore';

/*
 * The order of the requests a person waits on, read from the emulator's log
 * (arrivals and answers in one sequence). Orderings, not timings: a slow
 * /auth/token or a link a round trip away only makes the order visible;
 * `npm run bench:journeys` times the same journeys.
 */
describe('Journeys: what the Inbox waits for', function () {
  this.timeout(90_000);
  let env: TestEnvironment;
  const inbox = () => env.api.sidebar.providers.inbox;
  const providers = () => Object.values(env.api.sidebar.providers);
  const find = (operationId: string): LoggedRequest => {
    const found = env.emulator.requests.find((r) => r.operationId === operationId);
    assert.ok(found, `${operationId} was asked (log: ${operationsOf(env.emulator.requests).join(', ')})`);
    return found;
  };
  const answered = (r: LoggedRequest): number => {
    assert.ok(r.answeredSeq !== undefined, `${r.operationId} was answered`);
    return r.answeredSeq;
  };

  /** Every request answered: nothing of one test is left in flight for the next. */
  const quiet = () => emulatorAnsweredAll(20_000);

  /** What activation does for a returning person (views reset, facts stored): restore from storage, check in the background. */
  function returnAsActivationDoes(): Promise<unknown> {
    return env.api.session.restore().then((state) => (state.status === 'signedIn' ? env.api.session.revalidate() : state));
  }

  async function hideAndForget(): Promise<void> {
    await vscode.commands.executeCommand('workbench.view.explorer');
    await eventually(() => assert.ok(!env.api.sidebar.views.inbox.visible, 'the Inbox is hidden'));
    await quiet();
    providers().forEach((p) => p.reset());
    env.emulator.clearRequests();
  }

  before(async () => {
    env = await testEnvironment();
  });

  beforeEach(() => {
    env.emulator.reset({ keepTokens: true });
  });

  afterEach(async () => {
    env.emulator.link.latencyMs = 0;
    env.emulator.faults.clear();
    await quiet();
  });

  after(async () => {
    await signOut();
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('a returning person: the Inbox is asked for and painted while /auth/token is still unanswered, and nothing else is asked', async () => {
    // A new window knows no balance yet: signed out first, so a balance an earlier suite fetched moments ago
    // (the chat tools' sends refresh it) does not spare this journey its getBalance.
    // The sign-out deletes the Inbox's stored copy, and the Inbox stays hidden until the journey: the paint below is the list's.
    await signOut();
    await vscode.commands.executeCommand('workbench.view.explorer');
    await signInWith(env.emulator.demoTokens.fullAccess);
    await hideAndForget();
    assert.strictEqual(await env.api.secrets.get(SECRET_KEYS.inboxCopy), undefined, 'no copy of the Inbox is kept');
    // /auth/token answers late: a list queued behind it would paint only after its answer.
    env.emulator.faults.add({ operationId: 'getTokenInfo', kind: 'latency', ms: 5000 });
    const check = returnAsActivationDoes();
    await vscode.commands.executeCommand('workbench.view.extension.faxplus');
    await eventually(() => assert.ok(inbox().loadedItems.length > 0, 'the Inbox shows faxes'), 30_000);
    const token = find('getTokenInfo');
    assert.strictEqual(token.answeredSeq, undefined, 'the Inbox was painted before /auth/token answered');
    assert.ok(find('listFaxes').seq < answered(find('listFaxes')), 'painted from the list');
    await check;
    assert.ok(find('listFaxes').seq < answered(token), 'the list was asked before /auth/token answered');
    await quiet();
    assert.strictEqual(env.api.session.state.status, 'signedIn');
    assert.deepStrictEqual(operationsOf(env.emulator.requests), forExpandedViews(REQUEST_BUDGETS.returning, expandedViews(env)));
  });

  it("a returning person sees the Inbox as last loaded at once, then the server's list; no other sign-in ever sees that copy", async () => {
    const ids = () => inbox().loadedItems.map((n) => (n.kind === 'fax' ? n.fax.id : n.kind));
    let fromServer = false;
    const loads = inbox().onDidLoad(() => (fromServer = true));
    /** Whether the server had answered when the Inbox first showed faxes. */
    const firstShownFromServer = () =>
      new Promise<boolean>((resolve) => {
        fromServer = false;
        const updates = inbox().onDidUpdateItems(() => {
          if (inbox().loadedItems.length > 0) {
            updates.dispose();
            resolve(fromServer);
          }
        });
      });
    try {
      await signOut();
      await signInWith(env.emulator.demoTokens.fullAccess);
      await vscode.commands.executeCommand('workbench.view.extension.faxplus');
      await eventually(() => assert.ok(inbox().loadedItems.length > 0, 'the Inbox loaded'), 30_000);
      const lastLoaded = ids();
      const kept = await eventually(async () => {
        const text = await env.api.secrets.get(SECRET_KEYS.inboxCopy);
        assert.ok(text, 'a copy of the first page is kept in SecretStorage');
        return text;
      });
      assert.ok(!kept.includes(env.emulator.demoTokens.fullAccess), 'the copy holds no token');
      await hideAndForget();

      // A new window: a fax arrived meanwhile, and the server is a round trip away.
      const arrived = env.emulator.receiveFax({ pages: 1 });
      env.emulator.link.latencyMs = 500;
      const painted = firstShownFromServer();
      const check = returnAsActivationDoes();
      await vscode.commands.executeCommand('workbench.view.extension.faxplus');
      assert.strictEqual(await painted, false, 'faxes were shown before the server answered');
      assert.deepStrictEqual(ids(), lastLoaded, 'the Inbox as last loaded, without the fax that arrived since');
      await eventually(() => assert.strictEqual(ids()[0], arrived.id, "the server's list replaced the copy"), 30_000);
      await check;
      await quiet();

      // Another account signed in over this one: the first answer is its own list, never the copy.
      env.emulator.link.latencyMs = 0;
      const other = firstShownFromServer();
      await signInWith(env.emulator.demoTokens.member);
      assert.strictEqual(await other, true, "another account's Inbox waits for the server");
      await quiet();
      const memberCopy = await env.api.secrets.get(SECRET_KEYS.inboxCopy);
      // Deleted at the switch, or replaced by the member's own page (test/unit/views/storedFirstPage.test.ts holds the delete itself).
      assert.ok(!memberCopy || !memberCopy.includes(lastLoaded[0]), "the first account's copy is gone");

      // Signing out deletes the copy: signing in again to the first account waits for the server too.
      await signInWith(env.emulator.demoTokens.fullAccess);
      await eventually(() => assert.ok(inbox().loadedItems.length > 0, 'the Inbox loaded'), 30_000);
      await quiet();
      await signOut();
      await eventually(async () =>
        assert.strictEqual(await env.api.secrets.get(SECRET_KEYS.inboxCopy), undefined, 'the sign-out deleted the copy'),
      );
      const again = firstShownFromServer();
      await signInWith(env.emulator.demoTokens.fullAccess);
      assert.strictEqual(await again, true, 'after a sign-out nothing was kept to paint');
    } finally {
      loads.dispose();
    }
  });

  it('a returning person whose stored token was revoked: the painted Inbox is dropped and the views say signed out', async () => {
    const token = env.emulator.issuePat({ scopes: ['fax:all:edit'], name: 'Revoked while away' });
    await signInWith(token);
    await hideAndForget();
    env.emulator.faults.add({ operationId: 'getTokenInfo', kind: 'latency', ms: 3000 });
    const notices = new Notices(env.api);
    const mark = notices.mark();
    const check = returnAsActivationDoes();
    await vscode.commands.executeCommand('workbench.view.extension.faxplus');
    await eventually(() => assert.ok(inbox().loadedItems.length > 0, 'the Inbox was painted from the stored facts'), 30_000);
    assert.strictEqual(find('getTokenInfo').answeredSeq, undefined, 'painted before the check answered');
    // Revoked elsewhere while the check is on its way: its answer is a 401.
    env.emulator.revokeToken(token);
    await check;
    const state = env.api.session.state;
    assert.strictEqual(state.status, 'signedOut');
    assert.strictEqual(state.status === 'signedOut' && state.problem, 'unauthorized');
    assert.strictEqual(env.api.contextKeys.get('faxplus.signedIn'), false, 'the welcome view says signed out');
    assert.strictEqual(notices.signInPromptsSince(mark).length, 1, 'one "sign in again" prompt');
    for (const provider of providers()) {
      assert.strictEqual(provider.loadedItems.length, 0, `${provider.view} holds nothing of the revoked token`);
      assert.deepStrictEqual(await provider.getChildren(), [], `${provider.view} shows nothing (the welcome view explains)`);
    }
    // Dismiss the prompt: an open one would swallow the next test's.
    await vscode.commands.executeCommand('notifications.clearAll');
    await eventually(() => assert.strictEqual(env.api.notifications.pending, 0, 'the prompt was dismissed'));
  });

  it('sign-in: two round trips to the Inbox — the token and account asked together, then the lists together', async () => {
    await signOut();
    await vscode.commands.executeCommand('workbench.view.extension.faxplus');
    await eventually(() => assert.ok(env.api.sidebar.views.inbox.visible, 'the Inbox is shown'));
    await quiet();
    env.emulator.clearRequests();
    // A server a round trip away: requests sent together overlap, requests sent one after another do not.
    env.emulator.link.latencyMs = 400;
    await signInWith(env.emulator.demoTokens.fullAccess);
    await eventually(() => assert.ok(inbox().loadedItems.length > 0, 'the Inbox shows faxes'), 30_000);
    await quiet();
    const tokenInfo = find('getTokenInfo');
    const user = find('getUser');
    const list = find('listFaxes');
    // Round trip 1: both checks on their way before either answered.
    assert.ok(
      Math.max(tokenInfo.seq, user.seq) < Math.min(answered(tokenInfo), answered(user)),
      'the token and the account are asked together',
    );
    // Nothing reaches the server with the new token before Fax.Plus accepted it.
    for (const r of env.emulator.requests.filter((x) => x !== tokenInfo && x !== user)) {
      assert.ok(r.seq > answered(tokenInfo), `${r.operationId} waited for the token's check`);
    }
    // Round trip 2: the list follows the checks directly, no request answered in between.
    const between = env.emulator.requests.filter(
      (r) => r.answeredSeq !== undefined && r.answeredSeq > Math.max(answered(tokenInfo), answered(user)) && r.answeredSeq < list.seq,
    );
    assert.deepStrictEqual(
      between.map((r) => r.operationId),
      [],
      'no request is answered between the checks and the list',
    );
  });
});
