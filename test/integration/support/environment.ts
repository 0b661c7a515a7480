import * as assert from 'assert';
import * as vscode from 'vscode';
import { startEmulator, type Emulator } from '../../emulator';
import type { FaxPlusTestApi } from '../../../src/extensionExports';
import type { ViewName } from '../../../src/views/treeNodes';

export const EXTENSION_ID = 'faxdesk.faxplus-vscode';

export interface TestEnvironment {
  readonly emulator: Emulator;
  readonly api: FaxPlusTestApi;
  readonly extension: vscode.Extension<FaxPlusTestApi>;
}

/**
 * One emulator and one activation for the whole run. Every test file is its
 * own bundle, so the shared instance lives on globalThis rather than in
 * module state. The emulator starts before the extension activates so the
 * extension's first request already goes to it (FAXPLUS_API_BASE_URL).
 */
const KEY = Symbol.for('faxplus.integration.environment');
type Holder = { [KEY]?: Promise<TestEnvironment> };

export function testEnvironment(): Promise<TestEnvironment> {
  const holder = globalThis as unknown as Holder;
  holder[KEY] ??= (async () => {
    const emulator = await startEmulator({ seedFaxes: 120 });
    process.env.FAXPLUS_API_BASE_URL = emulator.apiUrl;
    process.env.FAXPLUS_OAUTH_AUTHORIZE_URL = emulator.loginUrl;
    process.env.FAXPLUS_OAUTH_TOKEN_URL = emulator.tokenUrl;
    delete process.env.FAXPLUS_TOKEN;
    const extension = vscode.extensions.getExtension<FaxPlusTestApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded by the host`);
    const api = await extension.activate();
    return { emulator, api, extension };
  })();
  return holder[KEY];
}

/** Signs in through the real command (validation requests included) and waits for the state. */
export async function signInWith(token: string): Promise<void> {
  const { api } = await testEnvironment();
  await vscode.commands.executeCommand('faxplus.signIn', { token });
  assert.strictEqual(api.session.state.status, 'signedIn', 'signed in');
}

export async function signOut(): Promise<void> {
  await vscode.commands.executeCommand('faxplus.signOut');
}

/** Polls until `check` passes (the UI updates asynchronously); fails with the last error after `timeoutMs`. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() - started > timeoutMs) {
        throw e;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/**
 * Closes the side bar and waits until no Fax.Plus view is visible and the emulator answered what was
 * on the wire: a suite counting requests starts with no view loading or polling, whatever ran before.
 */
export async function hideFaxPlusViews(): Promise<void> {
  const { api } = await testEnvironment();
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await eventually(() =>
    assert.ok(
      Object.values(api.sidebar.views).every((view) => !view.visible),
      'no Fax.Plus view is visible',
    ),
  );
  await emulatorAnsweredAll();
}

/** The Fax.Plus views shown expanded now (a collapsed or hidden view is not visible). */
export function expandedViews(env: TestEnvironment): ViewName[] {
  const views = env.api.sidebar.views;
  return (Object.keys(views) as ViewName[]).filter((name) => views[name].visible);
}

/**
 * Waits until the emulator has answered every request it received: what was on the wire when a view
 * was hidden has landed, so a request log cleared now shows only what the extension asks from here on.
 */
export async function emulatorAnsweredAll(timeoutMs = 5000): Promise<void> {
  const { emulator } = await testEnvironment();
  await eventually(
    () =>
      assert.deepStrictEqual(
        emulator.requests.filter((r) => r.answeredSeq === undefined).map((r) => `${r.method} ${r.path}`),
        [],
        'requests still unanswered',
      ),
    timeoutMs,
  );
}

/**
 * Moves the extension to another API base and waits until its client is rebuilt:
 * the environment variable wins over the setting, and the setting change is what
 * makes the client rebuild. `undefined` removes the variable or the setting.
 */
export async function pointApiAt(url: string | undefined, settingValue: string | undefined): Promise<void> {
  const { api } = await testEnvironment();
  const rebuilt = new Promise<void>((resolve) => {
    const subscription = api.clients.onDidChange(() => {
      subscription.dispose();
      resolve();
    });
  });
  if (url === undefined) {
    delete process.env.FAXPLUS_API_BASE_URL;
  } else {
    process.env.FAXPLUS_API_BASE_URL = url;
  }
  await vscode.workspace.getConfiguration('faxplus').update('api.baseUrl', settingValue, vscode.ConfigurationTarget.Global);
  await rebuilt;
}

/**
 * Stops following the faxes earlier tests sent (and watching unconfirmed ones, and retrying their reports):
 * the emulator's reset() makes them vanish, and their background look-ups
 * would otherwise show up in a later test's request log.
 */
export async function forgetSentFaxes(): Promise<void> {
  const { api } = await testEnvironment();
  api.sidebar.tracker.reset();
  api.creationWatches.cancelAll();
  api.receipts.recorder.reset();
}
