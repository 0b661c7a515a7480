import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TrackedOutcome } from '../../src/views/sentFaxTracker';
import { eventually, forgetSentFaxes, signInWith, signOut, testEnvironment, type TestEnvironment } from './support/environment';
import { Notices } from './support/notices';
import { SilentPrompter } from './support/scriptedPrompter';

function setting(key: string, value: unknown): Thenable<void> {
  return vscode.workspace.getConfiguration('faxplus').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('Following a sent fax to its outcome (views hidden), and commands during the start-up check', function () {
  this.timeout(90_000);
  let env: TestEnvironment;
  let restore: vscode.Disposable[] = [];
  let settled: TrackedOutcome[];

  before(async () => {
    env = await testEnvironment();
    await signInWith(env.emulator.demoTokens.fullAccess);
    // Poll the followed fax every second (the floor), so the test does not wait the default 15 s.
    await setting('polling.outboxSeconds', 1);
  });

  after(async () => {
    await setting('polling.outboxSeconds', undefined);
    env.emulator.sentFaxIds = 'new';
  });

  after(() => forgetSentFaxes());

  beforeEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await eventually(() =>
      assert.ok(!env.api.sidebar.views.outbox.visible && !env.api.sidebar.views.sent.visible, 'no Fax.Plus view is visible'),
    );
    env.emulator.reset({ keepTokens: true });
    env.emulator.sentFaxIds = 'new';
    settled = [];
    restore.push(env.api.sidebar.tracker.onDidSettle((o) => settled.push(o)));
    restore.push(env.api.sendUi.usePrompter(new SilentPrompter()));
  });

  afterEach(() => {
    restore.forEach((d) => d.dispose());
    restore = [];
    env.emulator.faults.clear();
    env.api.creationWatches.cancelAll();
  });

  const from = () =>
    env.emulator.state.numbers().find((n) => n.status === 'active' && n.assigned_to.includes(env.emulator.accounts.admin))!.number;
  const letter = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'letter.txt').toString();
  const send = (to: string) =>
    vscode.commands.executeCommand<Record<string, string> | undefined>('faxplus.sendFax', {
      files: [letter()],
      to: [to],
      from: from(),
      confirm: false,
    });
  const notices = () => new Notices(env.api).sidebar();

  /** Sends, lets the emulator finish the fax, and waits for the tracker to settle it. */
  async function sendAndFinish(to: string): Promise<{ outboxId: string; outcome: TrackedOutcome; shownBefore: number }> {
    const shownBefore = notices().length;
    const ids = await send(to);
    const outboxId = ids?.[to];
    assert.ok(outboxId, 'the fax was created');
    assert.match(outboxId, /^[0-9a-f]{32}$/, 'an outbox id');
    env.emulator.clock.advance(60_000); // the emulator finishes the fax
    const outcome = await eventually(() => {
      const found = settled.find((o) => o.outboxId === outboxId);
      assert.ok(
        found,
        `the tracker settled the fax; requests: ${env.emulator.requests
          .slice(-12)
          .map((r) => `${r.operationId}:${r.status}`)
          .join(' ')}`,
      );
      return found;
    }, 30_000);
    return { outboxId, outcome, shownBefore };
  }

  for (const ids of ['new', 'kept'] as const) {
    it(`announces the final status once, with no view visible (Sent ids ${ids})`, async () => {
      env.emulator.sentFaxIds = ids;
      const to = '+12015550123';
      const { outboxId, outcome, shownBefore } = await sendAndFinish(to);
      const faxId = env.emulator.sentIdOf(outboxId);
      assert.ok(faxId);
      assert.strictEqual(faxId === outboxId, ids === 'kept');
      assert.strictEqual(outcome.fax?.id, faxId, 'the Sent record of THIS fax was found');
      await eventually(() => assert.strictEqual(notices().length, shownBefore + 1));
      const shown = notices().at(-1)!;
      assert.match(shown.message, /^Fax to \+1 201 555 0123 was delivered\./);
      assert.strictEqual(shown.severity, 'info');
      assert.ok(!env.api.sidebar.views.outbox.visible && !env.api.sidebar.views.sent.visible, 'still no view visible');
      const asked = env.emulator.requests.map((r) => r.operationId);
      assert.ok(asked.includes('getOutboxFax'), 'asked about this fax in the outbox');
      // The send itself marks the Outbox changed, which VS Code may or may not turn into one reload; a poll would be several.
      assert.ok(
        asked.filter((o) => o === 'listOutboxFaxes').length <= 1,
        `did not poll the whole Outbox list for a hidden view: ${asked.join(' ')}`,
      );
      assert.strictEqual(env.api.sidebar.tracker.isFollowing(outboxId), false, 'stopped following once settled');
      // Nothing more is asked once it settled: the tracker no longer follows it (above), and the
      // receipt's one request for the confirmation report (it may also have gone before the log was cleared) is done.
      env.emulator.clearRequests();
      await env.api.receipts.recorder.idle();
      const about = env.emulator.requests.filter((r) => r.path.includes(outboxId) || r.path.includes(faxId));
      assert.deepStrictEqual(
        about.filter((r) => r.operationId !== 'getFaxReport'),
        [],
      );
      assert.ok(about.length <= 1, `at most one report request: ${about.map((r) => r.operationId).join(' ')}`);
    });
  }

  for (const skew of [0, -600_000]) {
    it(`a fax cancelled before the first look does not take the Sent record of the next fax to the same number (server clock ${skew / 60_000} min)`, async () => {
      // A computer whose clock is minutes off: the Sent record is placed by the server's Date header, not by this clock.
      env.emulator.setVariants({ serverClockSkewMs: skew });
      const to = '+12015550124';
      const cancelled = (await send(to))?.[to];
      assert.ok(cancelled, 'the first fax was created');
      // Cancelled elsewhere (the web app) before the tracker's first look, a second after the send.
      const answer = await fetch(`${env.emulator.apiUrl}/accounts/self/outbox/${cancelled}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${env.emulator.demoTokens.fullAccess}` },
      });
      assert.strictEqual(answer.status, 200, 'cancelled on the server');
      env.emulator.clock.advance(5_000);
      const { outboxId, outcome } = await sendAndFinish(to);
      assert.strictEqual(outcome.fax?.id, env.emulator.sentIdOf(outboxId), 'the second fax found its own Sent record');
      const first = settled.find((o) => o.outboxId === cancelled);
      assert.strictEqual(first?.fax, undefined, 'the cancelled fax took no record');
      await forgetSentFaxes(); // the cancelled fax would be looked for in Sent for another minute
    });
  }

  it('a fax that failed: an error notification with Resend, and Resend sends it to the same number', async () => {
    const to = '+12015550199'; // the emulator fails …99 with failed_no_answer
    const { outcome, shownBefore } = await sendAndFinish(to);
    assert.strictEqual(outcome.fax?.status, 'failed_no_answer');
    await eventually(() => assert.strictEqual(notices().length, shownBefore + 1));
    const shown = notices().at(-1)!;
    assert.strictEqual(shown.severity, 'error');
    assert.match(shown.message, /^Fax to \+1 201 555 0199 failed: /);
    assert.deepStrictEqual(shown.actions, ['Resend']);

    // What [Resend] runs (FaxNotifications passes the Sent record's id).
    env.emulator.clearRequests();
    const again = await vscode.commands.executeCommand<{ ids: Record<string, string> }>('faxplus.resendFax', {
      faxId: outcome.fax!.id,
      confirm: false,
    });
    assert.deepStrictEqual(Object.keys(again.ids), [to]);
    assert.strictEqual(env.emulator.requests.filter((r) => r.operationId === 'sendFax').length, 1);
  });

  it('a command run while the token is still being checked waits for the check instead of refusing', async () => {
    await signOut();
    const refusalsBefore = new Notices(env.api).mark();
    env.emulator.faults.add({ operationId: 'getTokenInfo', kind: 'latency', ms: 3000 });
    process.env.FAXPLUS_TOKEN = env.emulator.demoTokens.fullAccess;
    try {
      // As at start-up: the token comes from the environment and /auth/token is slow.
      const restoring = env.api.session.restore();
      assert.strictEqual(env.api.session.state.status, 'signedOut', 'not signed in yet when the command runs');
      const ids = await send('+12015550123');
      assert.ok(ids && ids['+12015550123'], 'the command waited and sent the fax');
      assert.deepStrictEqual(new Notices(env.api).refusalsSince(refusalsBefore), [], 'no "Sign in to Fax.Plus first"');
      const order = env.emulator.requests.map((r) => r.operationId).filter((o) => o === 'getTokenInfo' || o === 'sendFax');
      assert.deepStrictEqual(order.slice(0, 2), ['getTokenInfo', 'sendFax']);
      await restoring;
    } finally {
      delete process.env.FAXPLUS_TOKEN;
      await signInWith(env.emulator.demoTokens.fullAccess);
    }
  });
});
