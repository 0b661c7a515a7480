import * as assert from 'assert';
import * as path from 'path';
import { existsSync } from 'fs';
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
    assert.deepStrictEqual(views, [
      'faxplus.outbox',
      'faxplus.inbox',
      'faxplus.sent',
      'faxplus.spam',
      'faxplus.numbers',
      'faxplus.members',
    ]);
  });

  it('contributes a "Get started" walkthrough: token, sign in, first fax', () => {
    type Step = { id: string; description: string; media: { markdown?: string }; completionEvents: string[] };
    const walkthroughs = extension.packageJSON.contributes.walkthroughs as { id: string; title: string; steps: Step[] }[];
    const walkthrough = walkthroughs.find((w) => w.id === 'faxplus.getStarted');
    assert.ok(walkthrough, 'the walkthrough is contributed');
    assert.strictEqual(walkthrough.title, 'Get started with Fax.Plus', 'its title is localised from package.nls.json');
    const [token, signIn, send] = walkthrough.steps;
    assert.deepStrictEqual(
      walkthrough.steps.map((s) => s.id),
      ['createToken', 'signIn', 'sendFax'],
    );
    assert.match(token.description, /\(https:\/\/app\.fax\.plus\/integrations\)/);
    for (const scope of ['fax:fax:edit', 'fax:numbers:read', 'fax:all:read']) {
      assert.ok(token.description.includes(scope), `the token step names ${scope}`);
    }
    assert.match(signIn.description, /\(command:faxplus\.signIn\)/);
    assert.deepStrictEqual(signIn.completionEvents, ['onContext:faxplus.signedIn']);
    assert.match(send.description, /\(command:faxplus\.sendFax\)/);
    assert.deepStrictEqual(send.completionEvents, ['onCommand:faxplus.sendFax']);
    for (const step of walkthrough.steps) {
      const media = step.media.markdown;
      assert.ok(media && existsSync(path.join(extension.extensionPath, media)), `${step.id}'s page ships with the extension`);
    }
  });
});
