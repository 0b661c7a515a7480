import * as assert from 'assert';
import * as vscode from 'vscode';
import { testEnvironment } from './support/environment';

describe('Activation in a real VS Code host', () => {
  let extension: vscode.Extension<unknown>;

  before(async () => {
    ({ extension } = await testEnvironment());
  });

  it('runs inside VS Code 1.139', () => {
    console.log(`vscode.version=${vscode.version} appName=${vscode.env.appName} uiKind=${vscode.env.uiKind} node=${process.version}`);
    assert.match(vscode.version, /^1\.139\./);
  });

  it('registers every declared command and declares every registered command', async () => {
    const declared: string[] = (extension.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('faxplus.'));
    // VS Code generates `<viewId>.focus`, `.resetViewLocation`, `.open` etc. for contributed views and containers.
    const viewIds: string[] = (extension.packageJSON.contributes.views.faxplus as { id: string }[]).map((v) => v.id);
    const generated = (id: string) => viewIds.some((v) => id.startsWith(`${v}.`)) || id.startsWith('workbench.view.extension.faxplus');
    const ours = registered.filter((id) => !generated(id));
    assert.deepStrictEqual([...new Set(ours)].sort(), [...declared].sort());
  });

  it('contributes the Fax.Plus container with its six views', () => {
    const views = (extension.packageJSON.contributes.views.faxplus as { id: string }[]).map((v) => v.id);
    assert.deepStrictEqual(views, ['faxplus.outbox', 'faxplus.inbox', 'faxplus.sent', 'faxplus.spam', 'faxplus.numbers', 'faxplus.members']);
  });

});
