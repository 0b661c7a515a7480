import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, signInWith, testEnvironment, type TestEnvironment } from './support/environment';
import { Notices } from './support/notices';
import { buildTiff } from '../emulator/documents';

describe('Fax viewer', () => {
  let env: TestEnvironment;

  const count = (operationId: string) => env.emulator.requests.filter((r) => r.operationId === operationId).length;
  const allTabs = () =>
    JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => [t.label, t.input?.constructor?.name ?? typeof t.input]));
  const viewerTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);

  before(async () => {
    env = await testEnvironment();
  });

  beforeEach(async () => {
    if (env.api.session.facts?.tokenName !== 'Demo full access') {
      await signInWith(env.emulator.demoTokens.fullAccess);
    }
    env.emulator.faults.clear();
    env.emulator.clearRequests();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a received fax in an editor tab and shows every page of its document', async () => {
    const fax = env.emulator.state.faxes('inbox').find((f) => f.pages >= 2);
    assert.ok(fax, 'the seed has a multi-page inbox fax');
    const opened = await vscode.commands.executeCommand<{ faxId: string; title: string }>('faxplus.openFax', {
      faxId: fax.id,
      category: 'inbox',
    });
    assert.strictEqual(opened.faxId, fax.id);
    assert.match(opened.title, /^Fax from \+1/);
    const panel = env.api.viewers.get(fax.id);
    assert.ok(panel, 'a viewer exists for the fax');
    // The workbench tells the extension host about tabs asynchronously.
    await eventually(() =>
      assert.ok(
        viewerTabs().some((t) => t.label === opened.title),
        `its tab is open with that title (${JSON.stringify(opened.title)}; tabs: ${allTabs()})`,
      ),
    );
    assert.strictEqual(env.emulator.requests.find((r) => r.operationId === 'getFile')?.query.format, 'tiff');

    // The webview decoded the bytes it was sent and reports what it painted.
    const report = await eventually(() => {
      assert.ok(panel.lastRender, 'the webview reported a render');
      return panel.lastRender;
    }, 15_000);
    assert.strictEqual(report.pageCount, fax.pages);
    assert.strictEqual(report.page, 1);
    assert.deepStrictEqual([report.width, report.height], [864, 560]);
    assert.strictEqual(report.byteLength, buildTiff(fax.pages).length, 'the whole document crossed intact');
  });

  it('reveals the open tab instead of downloading the fax again', async () => {
    const fax = env.emulator.state.faxes('inbox')[4];
    await vscode.commands.executeCommand('faxplus.openFax', { faxId: fax.id });
    await vscode.commands.executeCommand('faxplus.openFax', { faxId: fax.id });
    assert.strictEqual(count('getFile'), 1);
    await eventually(() => assert.strictEqual(viewerTabs().length, 1, `tabs: ${allTabs()}`));
  });

  it('titles a sent fax by its destination and needs no lookup when opened from the tree', async () => {
    const fax = env.emulator.state.faxes('sent')[2];
    const node = {
      kind: 'fax',
      category: 'sent',
      fax: { id: fax.id, status: fax.status, comment: fax.comment, to: fax.to, from: fax.from, pages: fax.pages },
    };
    const opened = await vscode.commands.executeCommand<{ title: string }>('faxplus.openFax', node);
    assert.match(opened.title, /^Fax to \+1/);
    assert.strictEqual(count('getFax'), 0);
    assert.strictEqual(count('getFile'), 1);
  });

  it('forgets the viewer when its tab is closed', async () => {
    const fax = env.emulator.state.faxes('inbox')[6];
    await vscode.commands.executeCommand('faxplus.openFax', { faxId: fax.id });
    assert.ok(env.api.viewers.get(fax.id));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await eventually(() => assert.strictEqual(env.api.viewers.get(fax.id), undefined));
  });

  it('closes the tab and says why when the fax cannot be downloaded', async () => {
    const fax = env.emulator.state.faxes('inbox')[7];
    env.emulator.faults.add({ operationId: 'getFile', kind: 'status', status: 500, times: Infinity });
    const result = await vscode.commands.executeCommand('faxplus.openFax', { faxId: fax.id });
    assert.strictEqual(result, undefined);
    assert.match(new Notices(env.api).lastRefusal(), /HTTP 500/);
    assert.strictEqual(env.api.viewers.get(fax.id), undefined);
    await eventually(() => assert.strictEqual(viewerTabs().length, 0));
  });

  it('is refused, with no request, to a token that may not read faxes', async () => {
    const fax = env.emulator.state.faxes('inbox')[8];
    await signInWith(env.emulator.issuePat({ scopes: ['fax:numbers:read'], name: 'Numbers only' }));
    env.emulator.clearRequests();
    const result = await vscode.commands.executeCommand('faxplus.openFax', { faxId: fax.id });
    assert.strictEqual(result, undefined);
    assert.match(new Notices(env.api).lastRefusal(), /fax:fax:read/);
    assert.strictEqual(count('getFile') + count('getFax'), 0);
    assert.strictEqual(env.api.viewers.size, 0);
  });
});
