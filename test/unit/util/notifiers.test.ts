import * as assert from 'node:assert/strict';
import { vscodeDouble } from '../support/vscodeDouble';
import { WindowNotifier } from '../../../src/util/windowNotifier';
import { RecordingNotifier } from '../../../src/util/recordingNotifier';
import { commandAction, showLogsAction } from '../../../src/util/noticeActions';
import type { NoticeAction, NoticeSeverity, Notifier } from '../../../src/util/notifier';
import { COMMANDS } from '../../../src/manifest/commandIds';

describe('util: WindowNotifier', () => {
  beforeEach(() => vscodeDouble.reset());

  it("shows each severity with VS Code's matching message and the action labels as buttons", async () => {
    const notifier = new WindowNotifier();
    await notifier.notify('info', 'i', showLogsAction());
    await notifier.notify('warning', 'w');
    await notifier.notify('error', 'e', commandAction('Sign In', COMMANDS.signIn), showLogsAction());
    assert.deepEqual(
      vscodeDouble.messages.map((m) => [m.severity, m.message, m.items]),
      [
        ['info', 'i', ['Show Logs']],
        ['warning', 'w', []],
        ['error', 'e', ['Sign In', 'Show Logs']],
      ],
    );
  });

  it('runs the action the person picked, and only that one, before the promise settles', async () => {
    const ran: string[] = [];
    vscodeDouble.answer = (m) => m.items[1];
    await new WindowNotifier().notify('error', 'x', { label: 'A', run: () => ran.push('A') }, { label: 'B', run: () => ran.push('B') });
    assert.deepEqual(ran, ['B']);
  });

  it('runs nothing when the message is dismissed', async () => {
    let ran = false;
    await new WindowNotifier().notify('warning', 'x', { label: 'A', run: () => (ran = true) });
    assert.equal(ran, false);
  });

  it('"Show Logs" runs the Show Logs command', async () => {
    vscodeDouble.answer = (m) => m.items[0];
    await new WindowNotifier().notify('error', 'x', showLogsAction());
    assert.deepEqual(
      vscodeDouble.executed.map((e) => e.command),
      [COMMANDS.showLogs],
    );
  });

  it('asks modally and returns the chosen label', async () => {
    vscodeDouble.answer = (m) => m.items[0];
    assert.equal(await new WindowNotifier().ask('Buy it?', { detail: 'cannot be undone' }, 'Buy'), 'Buy');
    assert.equal(vscodeDouble.messages[0].severity, 'warning');
  });
});

/** A notifier that answers with a fixed label, to see what the decorator passes on. */
class AnsweringNotifier implements Notifier {
  readonly seen: [NoticeSeverity, string, string[]][] = [];
  constructor(private readonly label: string | undefined) {}
  async notify(severity: NoticeSeverity, message: string, ...actions: readonly NoticeAction[]): Promise<void> {
    this.seen.push([severity, message, actions.map((a) => a.label)]);
    actions.find((a) => a.label === this.label)?.run();
  }
  async ask(message: string, _options: { readonly detail?: string }, ...choices: readonly string[]): Promise<string | undefined> {
    this.seen.push(['warning', message, [...choices]]);
    return choices.find((c) => c === this.label);
  }
}

describe('util: RecordingNotifier', () => {
  it('records every message and question in order and still passes each one on', async () => {
    const inner = new AnsweringNotifier('Retry');
    const recorder = new RecordingNotifier(inner);
    let retried = false;
    await recorder.notify('error', 'failed', { label: 'Retry', run: () => (retried = true) });
    await recorder.notify('info', 'done');
    assert.equal(await recorder.ask('Swap?', {}, 'Retry', 'Keep'), 'Retry');
    assert.deepEqual(recorder.history, [
      { severity: 'error', message: 'failed', actions: ['Retry'], modal: false },
      { severity: 'info', message: 'done', actions: [], modal: false },
      { severity: 'warning', message: 'Swap?', actions: ['Retry', 'Keep'], modal: true },
    ]);
    assert.equal(inner.seen.length, 3, 'the window still got all three');
    assert.equal(retried, true, 'the chosen action still runs');
  });

  it('records at the moment of showing, before anyone answers', () => {
    const recorder = new RecordingNotifier({ notify: () => new Promise<void>(() => undefined), ask: () => new Promise(() => undefined) });
    void recorder.notify('warning', 'pending');
    assert.deepEqual(
      recorder.history.map((n) => n.message),
      ['pending'],
    );
  });
});
