import * as assert from 'assert';
import * as fs from 'fs/promises';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SentFax } from '../../src/events/faxEvents';
import { eventually, forgetSentFaxes, signInWith, testEnvironment, type TestEnvironment } from './support/environment';
import { Notices } from './support/notices';
import { SilentPrompter } from './support/scriptedPrompter';

const RECIPIENT = '+12015550123';

describe('Send as fax: failures, never twice, cancellation', () => {
  let env: TestEnvironment;
  let restore: vscode.Disposable[] = [];
  let sent: SentFax[];
  let listener: vscode.Disposable;

  before(async () => {
    env = await testEnvironment();
    await signInWith(env.emulator.demoTokens.fullAccess);
    listener = env.api.events.onDidSendFax((fax) => sent.push(fax));
  });

  after(() => listener.dispose());

  afterEach(() => forgetSentFaxes());

  beforeEach(() => {
    env.emulator.reset({ keepTokens: true });
    env.emulator.clearRequests();
    env.emulator.faults.clear();
    sent = [];
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
  const send = (files = [letter()]) =>
    vscode.commands.executeCommand<Record<string, string> | undefined>('faxplus.sendFax', {
      files,
      to: [RECIPIENT],
      from: from(),
      confirm: false,
    });
  const count = (operationId: string) => env.emulator.requests.filter((r) => r.operationId === operationId).length;
  const faxesTo = (destination: string) => env.emulator.state.outbox().filter((r) => (r.to as string[]).includes(destination));
  const told = () => new Notices(env.api).last();

  it('413 on upload: says the files are too large; no fax is created', async () => {
    env.emulator.faults.add({
      operationId: 'uploadFile',
      kind: 'status',
      status: 413,
      body: { error: 'payload_too_large', description: 'The files are larger than 150 MB' },
    });
    assert.strictEqual(await send(), undefined);
    assert.match(told(), /Uploading letter\.txt\.pdf failed: The files are too large for one fax .*No fax was created/);
    assert.strictEqual(count('sendFax'), 0);
    assert.strictEqual(faxesTo(RECIPIENT).length, 0);
  });

  it('500 when creating the fax: not repeated; not confirmed yet (a 5xx proves nothing), and the attempt stays watched', async () => {
    env.emulator.faults.add({
      operationId: 'sendFax',
      kind: 'status',
      status: 500,
      body: { error: 'internal_error', description: 'database unavailable' },
    });
    assert.strictEqual(await send(), undefined);
    assert.strictEqual(count('sendFax'), 1, 'POST /outbox is never retried');
    assert.ok(count('listOutboxFaxes') >= 1, 'the outbox was searched');
    assert.match(
      told(),
      /^Fax\.Plus has not confirmed the fax yet \(.*HTTP 500.*\)\. It may still be created, so do not send it again now/,
    );
    assert.doesNotMatch(told(), /you can send again/);
    assert.strictEqual(env.api.creationWatches.size, 1, 'the attempt is still looked for');
    assert.strictEqual(faxesTo(RECIPIENT).length, 0);
    assert.deepStrictEqual(sent, []);
  });

  it('400 when creating the fax: Fax.Plus refused it, so no fax was created and the person may send again', async () => {
    env.emulator.faults.add({
      operationId: 'sendFax',
      kind: 'status',
      status: 400,
      body: { error: 'invalid_destination', description: 'not a fax number' },
    });
    assert.strictEqual(await send(), undefined);
    assert.strictEqual(count('sendFax'), 1);
    assert.match(told(), /^Fax\.Plus did not create the fax: .*No fax was created; correct the problem and send again\./);
    assert.strictEqual(env.api.creationWatches.size, 0, 'nothing to watch for');
    assert.strictEqual(count('listOutboxFaxes'), 0, 'a refusal needs no search');
  });

  for (const fault of [
    { label: '504 from a gateway (JSON)', spec: { status: 504 } },
    { label: '502 from a gateway (HTML page)', spec: { status: 502, html: true } },
    { label: 'a reset after the body was read', spec: { reset: true } },
  ]) {
    it(`late commit after ${fault.label}: "not confirmed yet", then the fax is found and reported; never "send again", one POST`, async () => {
      env.emulator.faults.add({ operationId: 'sendFax', kind: 'lateCommit', commitAfterMs: 3000, ...fault.spec });
      const committed = env.emulator.lateCommits.next();
      assert.strictEqual(await send(), undefined);
      assert.match(told(), /^Fax\.Plus has not confirmed the fax yet .*do not send it again now/);
      assert.strictEqual(faxesTo(RECIPIENT).length, 0, 'not created yet when the person was told');
      await committed;
      const found = await eventually(() => {
        assert.match(told(), /^The fax to \+1 201 555 0123 was created after all/);
        return told();
      }, 30_000);
      assert.doesNotMatch(found, /send again/i);
      assert.ok(!env.api.notifications.history.some((n) => /you can send again/.test(n.message)), 'never invited to send again');
      assert.strictEqual(count('sendFax'), 1, 'POST /outbox was made once');
      assert.strictEqual(faxesTo(RECIPIENT).length, 1, 'exactly one fax');
      assert.deepStrictEqual(
        sent.map((s) => Object.keys(s.ids)),
        [[RECIPIENT]],
        'announced, so it is followed to Sent',
      );
      assert.strictEqual(env.api.creationWatches.size, 0, 'the watch ended');
    });
  }

  it('connection reset after the server created the fax: exactly one fax, found and reported as created', async () => {
    env.emulator.faults.add({ operationId: 'sendFax', kind: 'reset', afterCommit: true });
    const ids = await send();
    assert.strictEqual(count('sendFax'), 1, 'POST /outbox is never retried');
    const faxes = faxesTo(RECIPIENT);
    assert.strictEqual(faxes.length, 1, 'exactly one fax on the emulator');
    assert.deepStrictEqual(ids, { [RECIPIENT]: faxes[0].id }, 'the command resolves to the id that was found');
    assert.deepStrictEqual(
      sent.map((s) => s.ids),
      [{ [RECIPIENT]: faxes[0].id }],
      'the Outbox view is told',
    );
    assert.match(
      told(),
      /^The fax was created: Fax\.Plus has it for all 1 recipient\(s\), although its answer was lost .* Do not send it again\./,
    );
  });

  it('connection reset while the body was on its way: zero faxes, but a reset proves nothing, so "not confirmed yet"', async () => {
    env.emulator.faults.add({ operationId: 'sendFax', kind: 'reset', afterCommit: false });
    assert.strictEqual(await send(), undefined);
    assert.strictEqual(count('sendFax'), 1, 'POST /outbox is never retried');
    assert.strictEqual(faxesTo(RECIPIENT).length, 0);
    assert.match(told(), /^Fax\.Plus has not confirmed the fax yet/);
  });

  it('connection reset and the outbox cannot be read: not confirmed, and the Outbox could not be read', async () => {
    env.emulator.faults.add({ operationId: 'sendFax', kind: 'reset', afterCommit: true });
    env.emulator.faults.add({ operationId: 'listOutboxFaxes', kind: 'status', status: 503, times: Infinity });
    assert.strictEqual(await send(), undefined);
    assert.strictEqual(count('sendFax'), 1);
    assert.match(
      told(),
      /^Fax\.Plus has not confirmed the fax yet .*and the Outbox could not be read\. It may still be created, so do not send it again now/,
    );
    assert.strictEqual(faxesTo(RECIPIENT).length, 1, 'the fax does exist: the message did not claim otherwise');
  });

  it('cancelled mid-upload: the outbox request is never made and no fax exists', async () => {
    const dir = path.join(process.env.FAXPLUS_TEST_TMP ?? vscode.workspace.workspaceFolders![0].uri.fsPath, 'send-cancel');
    await fs.mkdir(dir, { recursive: true });
    const big = path.join(dir, 'scan.pdf');
    await fs.writeFile(big, '');
    await fs.truncate(big, 40 * 1024 * 1024);
    let reports = 0;
    restore.push(
      env.api.sendUi.useProgress({
        // Presses Cancel as soon as upload progress shows bytes sent.
        run: (_title, task) => {
          const cancel = new AbortController();
          return task(
            {
              report: (message, increment) => {
                if (/Uploading file 1 of 1/.test(message) && (increment ?? 0) > 0 && reports++ === 0) cancel.abort();
              },
            },
            cancel.signal,
          );
        },
      }),
    );
    assert.strictEqual(await send([vscode.Uri.file(big).toString()]), undefined);
    assert.strictEqual(reports > 0, true, 'the upload had started');
    assert.strictEqual(count('sendFax'), 0, 'the outbox request never started');
    assert.deepStrictEqual(env.emulator.state.outbox(), [], 'nothing in the outbox');
    assert.match(told(), /Sending cancelled before the fax was created\. No fax was created\./);
  });
});
