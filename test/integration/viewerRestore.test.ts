import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, signInWith, signOut, testEnvironment, type TestEnvironment } from './support/environment';
import { Notices } from './support/notices';
import { FAX_VIEWER_TYPE } from '../../src/viewer/faxViewerType';

/**
 * After a window reload VS Code hands each fax tab's webview and saved state to
 * the serializer. A reload cannot run inside the test host, so the test hands
 * the serializer what VS Code would: a panel of the viewer's type and the state
 * the viewer page saves ({ faxId, index, zoom, fitting }).
 */
describe('Fax tabs after a window reload', function () {
  this.timeout(60_000);
  let env: TestEnvironment;
  const count = (operationId: string) => env.emulator.requests.filter((r) => r.operationId === operationId).length;
  const restoredPanel = (title: string) => vscode.window.createWebviewPanel(FAX_VIEWER_TYPE, title, vscode.ViewColumn.Active, {});

  before(async () => {
    env = await testEnvironment();
  });

  beforeEach(async () => {
    if (env.api.session.facts?.tokenName !== 'Demo full access') {
      await signInWith(env.emulator.demoTokens.fullAccess);
    }
    env.emulator.clearRequests();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('come back showing the same fax at the same page, under the same title', async () => {
    const fax = env.emulator.state.faxes('inbox').find((f) => f.pages >= 3);
    assert.ok(fax, 'the seed has an inbox fax of 3+ pages');
    const viewer = await env.api.viewerSerializer.restore(restoredPanel('Fax from +1 201 555 0100'), {
      faxId: fax.id,
      index: 2,
      zoom: 1.5,
      fitting: false,
    });
    assert.ok(viewer, 'the tab was taken over');
    assert.strictEqual(env.api.viewers.get(fax.id), viewer, 'opening the fax again reveals this tab');
    assert.strictEqual(viewer.title, 'Fax from +1 201 555 0100');
    const report = await eventually(() => {
      assert.ok(viewer.lastRender, 'the webview painted the document');
      return viewer.lastRender;
    }, 15_000);
    assert.strictEqual(report.page, 3, 'the page the tab showed before the reload');
    assert.strictEqual(report.pageCount, fax.pages);
    assert.strictEqual(count('getFile'), 1);
    assert.strictEqual(viewer.unavailableMessage, undefined);
  });

  it('say that the fax was deleted, without a notification', async () => {
    const notices = new Notices(env.api);
    const mark = notices.mark();
    const viewer = await env.api.viewerSerializer.restore(restoredPanel('Fax from +1 201 555 0101'), {
      faxId: 'ffffffffffffffffffffffff',
      index: 0,
    });
    assert.ok(viewer);
    assert.match(viewer.unavailableMessage ?? '', /no longer in your Fax\.Plus account: it was deleted/);
    assert.strictEqual(viewer.lastRender, undefined);
    assert.deepStrictEqual(notices.since(mark), [], 'no notification for a restored tab');
  });

  it('say to sign in while signed out, ask nothing of the API, and show the fax once signed in', async () => {
    const fax = env.emulator.state.faxes('inbox').find((f) => f.pages >= 2)!;
    await signOut();
    env.emulator.clearRequests();
    const viewer = await env.api.viewerSerializer.restore(restoredPanel('Fax from +1 201 555 0102'), { faxId: fax.id, index: 1 });
    assert.ok(viewer);
    assert.match(viewer.unavailableMessage ?? '', /^Sign in to Fax\.Plus to see this fax/);
    assert.strictEqual(count('getFile'), 0, 'nothing requested while signed out');

    await signInWith(env.emulator.demoTokens.fullAccess);
    const report = await eventually(() => {
      assert.ok(viewer.lastRender, 'painted after sign-in');
      return viewer.lastRender;
    }, 15_000);
    assert.strictEqual(report.page, 2);
    assert.strictEqual(viewer.unavailableMessage, undefined);
  });

  it('close a tab whose saved state names no fax (saved by an older version)', async () => {
    const panel = restoredPanel('Fax');
    let closed = false;
    panel.onDidDispose(() => {
      closed = true;
    });
    assert.strictEqual(await env.api.viewerSerializer.restore(panel, { index: 1, zoom: 1, fitting: true }), undefined);
    assert.ok(closed);
  });
});
