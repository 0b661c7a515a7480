import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { vscodeDouble } from '../support/vscodeDouble';
import { UnauthorizedPrompt } from '../../../src/errors/unauthorizedPrompt';
import { RecordingNotifier } from '../../../src/util/recordingNotifier';
import type { AuthSession } from '../../../src/auth/authSession';
import type { AuthState } from '../../../src/auth/authState';
import type { NoticeAction } from '../../../src/util/notifier';
import { COMMANDS } from '../../../src/manifest/commandIds';

/** A notifier whose messages stay open until the test answers them. */
class OpenMessages {
  readonly open: { actions: readonly NoticeAction[]; answer(label?: string): void }[] = [];
  notify(_severity: string, _message: string, ...actions: readonly NoticeAction[]): Promise<void> {
    return new Promise((resolve) =>
      this.open.push({
        actions,
        answer: (label) => {
          actions.find((a) => a.label === label)?.run();
          resolve();
        },
      }),
    );
  }
  ask(): Promise<string | undefined> {
    return Promise.resolve(undefined);
  }
}

describe('errors: UnauthorizedPrompt', () => {
  let states: vscode.EventEmitter<AuthState>;
  let window: OpenMessages;
  let notifier: RecordingNotifier;
  let prompt: UnauthorizedPrompt;

  beforeEach(() => {
    vscodeDouble.reset();
    states = new vscode.EventEmitter<AuthState>();
    window = new OpenMessages();
    notifier = new RecordingNotifier(window);
    prompt = new UnauthorizedPrompt({ onDidChange: states.event } as unknown as AuthSession, notifier);
  });
  afterEach(() => {
    prompt.dispose();
    states.dispose();
  });

  it('a burst of rejections gives one prompt while it is open; Replace Token runs Sign In', async () => {
    for (let i = 0; i < 5; i++) states.fire({ status: 'signedOut', problem: 'unauthorized' });
    assert.equal(notifier.history.length, 1);
    assert.match(notifier.history[0].message, /no longer accepts your token/);
    assert.deepEqual(notifier.history[0].actions, ['Replace Token']);
    window.open[0].answer('Replace Token');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(
      vscodeDouble.executed.map((e) => e.command),
      [COMMANDS.signIn],
    );
  });

  it('prompts again once the first prompt was dismissed; says "expired" for an expired token', async () => {
    states.fire({ status: 'signedOut', problem: 'unauthorized' });
    window.open[0].answer(undefined);
    await new Promise((r) => setImmediate(r));
    states.fire({ status: 'signedOut', problem: 'expired' });
    assert.equal(notifier.history.length, 2);
    assert.match(notifier.history[1].message, /has expired/);
  });

  it('says nothing for a plain sign-out or a sign-in', () => {
    states.fire({ status: 'signedOut' });
    states.fire({ status: 'signedIn', facts: { kind: 'pat', source: 'secretStorage', scopes: [], checkedAt: 0 } });
    assert.deepEqual(notifier.history, []);
  });
});
