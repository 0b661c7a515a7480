import * as assert from 'assert';
import * as fs from 'fs/promises';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SentFax } from '../../src/events/faxEvents';
import { checkUploadedPdf } from '../emulator/pdfCheck';
import { eventually, forgetSentFaxes, hideFaxPlusViews, signInWith, testEnvironment, type TestEnvironment } from './support/environment';
import { Notices } from './support/notices';
import { ScriptedPrompter, SilentPrompter, type PromptScript } from './support/scriptedPrompter';

const RECIPIENT = '+12015550123';

describe('Send as fax: entry points', () => {
  let env: TestEnvironment;
  let restore: vscode.Disposable | undefined;
  let sent: SentFax[];
  let listener: vscode.Disposable;

  before(async () => {
    env = await testEnvironment();
    await signInWith(env.emulator.demoTokens.fullAccess);
    // These tests count requests: no view may be loading or polling beside them.
    await hideFaxPlusViews();
    listener = env.api.events.onDidSendFax((fax) => sent.push(fax));
  });

  after(() => listener.dispose());

  afterEach(() => forgetSentFaxes());

  beforeEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    env.emulator.reset({ keepTokens: true });
    env.emulator.clearRequests();
    env.emulator.faults.clear();
    sent = [];
  });

  afterEach(() => {
    restore?.dispose();
    restore = undefined;
  });

  const answer = (script: PromptScript) => {
    const prompter = new ScriptedPrompter(script);
    restore?.dispose();
    restore = env.api.sendUi.usePrompter(prompter);
    return prompter;
  };
  const workspaceFile = (name: string) => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, name);
  // The balance refresh that follows a send is the status bar's business (quietWhenHidden.test.ts), not the send's.
  const operations = () => env.emulator.requests.map((r) => r.operationId).filter((o) => o !== 'getBalance');
  const sendBodies = () =>
    env.emulator.requests.filter((r) => r.operationId === 'sendFax').map((r) => r.bodyJson as Record<string, unknown>);
  const uploadedNames = () => env.emulator.state.files().map((f) => f.fileName);
  const outboxTo = () => env.emulator.state.outbox().flatMap((r) => r.to as string[]);
  const adminNumber = () =>
    env.emulator.state.numbers().find((n) => n.status === 'active' && n.assigned_to.includes(env.emulator.accounts.admin))!.number;

  /** What a person notices after a successful send: the ids, the fax in the outbox, the views told, a message. */
  function assertSentTo(ids: unknown, destinations: string[]) {
    assert.ok(ids && typeof ids === 'object', 'the command resolves to the ids');
    assert.deepStrictEqual(Object.keys(ids as object).sort(), [...destinations].sort());
    assert.deepStrictEqual(outboxTo().sort(), [...destinations].sort(), "the fax is in the emulator's outbox");
    assert.deepStrictEqual(
      sent.map((s) => s.ids),
      [ids],
      'the Outbox view is told once (FaxEvents.fireSent)',
    );
    assert.strictEqual(operations().filter((o) => o === 'sendFax').length, 1, 'exactly one outbox request');
    assert.match(new Notices(env.api).last(), /The fax was created for \d+ recipient\(s\) and is in the Outbox/);
  }

  it('editor title / context menu: sends the file VS Code passes, after the multi-step input', async () => {
    const prompter = answer({ recipients: '+1 (201) 555-0123' });
    const ids = await vscode.commands.executeCommand('faxplus.sendFax', workspaceFile('letter.rtf'));
    assertSentTo(ids, [RECIPIENT]);
    assert.deepStrictEqual(prompter.asked, ['recipients', 'sender', 'options', 'confirm']);
    assert.deepStrictEqual(uploadedNames(), ['letter.rtf']);
    assert.deepStrictEqual(
      operations().filter((o) => o !== 'listNumbers'),
      ['uploadFile', 'sendFax'],
      'numbers are listed for the sender step, then upload, then create',
    );
    assert.deepStrictEqual(
      prompter.senderQuestion?.numbers?.length,
      env.emulator.state.numbers().filter((n) => n.status === 'active').length,
      'the sender step offers the active numbers',
    );
    assert.match(prompter.summary.join('\n'), /letter\.rtf \(\d+ B\)\nTo \+1 201 555 0123\nFrom \+1555/);
  });

  it("explorer with several files selected: one fax carrying all of them, in the selection's order", async () => {
    answer({ recipients: `${RECIPIENT}, +44 20 7946 0958` });
    const pdf = workspaceFile('invoice.pdf');
    const ids = await vscode.commands.executeCommand('faxplus.sendFax', pdf, [pdf, workspaceFile('letter.rtf')]);
    assertSentTo(ids, [RECIPIENT, '+442079460958']);
    assert.deepStrictEqual(uploadedNames(), ['invoice.pdf', 'letter.rtf']);
    const files = sendBodies()[0].files as string[];
    assert.deepStrictEqual(
      files,
      env.emulator.state.files().map((f) => f.path),
    );
    assert.strictEqual(env.emulator.state.files()[0].contentType, 'application/pdf');
  });

  it('explorer with one file: the clicked file', async () => {
    answer({ recipients: RECIPIENT });
    const pdf = workspaceFile('invoice.pdf');
    assertSentTo(await vscode.commands.executeCommand('faxplus.sendFax', pdf, [pdf]), [RECIPIENT]);
    assert.deepStrictEqual(uploadedNames(), ['invoice.pdf']);
  });

  it("palette: the active editor's file", async () => {
    await vscode.window.showTextDocument(workspaceFile('letter.rtf'));
    answer({ recipients: RECIPIENT });
    assertSentTo(await vscode.commands.executeCommand('faxplus.sendFax'), [RECIPIENT]);
    assert.deepStrictEqual(uploadedNames(), ['letter.rtf']);
  });

  it('palette without an editor (also the Outbox view title): the open-file dialog', async () => {
    const prompter = answer({ files: [workspaceFile('invoice.pdf')], recipients: RECIPIENT });
    assertSentTo(await vscode.commands.executeCommand('faxplus.sendFax'), [RECIPIENT]);
    assert.deepStrictEqual(prompter.asked[0], 'files');
    assert.deepStrictEqual(uploadedNames(), ['invoice.pdf']);
  });

  it('palette, dialog dismissed: nothing happens and nothing is requested', async () => {
    answer({ files: undefined });
    assert.strictEqual(await vscode.commands.executeCommand('faxplus.sendFax'), undefined);
    assert.deepStrictEqual(operations(), []);
  });

  it('an untitled editor: its text is laid out as PDF pages named after its first line, after the preview', async () => {
    const document = await vscode.workspace.openTextDocument({ content: 'Referral – Dr. Müller\nPatient: Jane Roe\n' });
    await vscode.window.showTextDocument(document);
    const prompter = answer({ recipients: RECIPIENT });
    assertSentTo(await vscode.commands.executeCommand('faxplus.sendFax'), [RECIPIENT]);
    assert.deepStrictEqual(prompter.asked, ['preview', 'recipients', 'sender', 'options', 'confirm'], 'previewed, never asked to save');
    const [file] = env.emulator.state.files();
    assert.strictEqual(file.fileName, 'referral-dr-muller.txt.pdf');
    assert.strictEqual(file.contentType, 'application/pdf');
    const check = await checkUploadedPdf(file);
    assert.ok(check.wellFormed, `a well-formed PDF: ${check.wellFormed ? '' : check.problem}`);
    const layout = prompter.previewed!.question.documents[0].layout;
    assert.strictEqual(check.pageCount, layout.pages.length, 'the pages of the preview');
    const printed = layout.pages.flatMap((page) => page.items.flatMap((item) => (item.kind === 'text' ? [item.text] : [])));
    assert.ok(printed.includes('Patient: Jane Roe'), `the editor's text is printed: ${printed.join(' | ')}`);
  });

  it('a file with unsaved changes: asks to save, then faxes what the editor showed', async () => {
    const uri = await copyToWorkspace('letter.rtf', 'unsaved-letter.rtf');
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'P.S. added before sending\n'));
    const prompter = answer({ recipients: RECIPIENT });
    assertSentTo(await vscode.commands.executeCommand('faxplus.sendFax', uri), [RECIPIENT]);
    assert.strictEqual(prompter.asked[0], 'save unsaved-letter.rtf');
    assert.strictEqual(editor.document.isDirty, false, 'saved');
    assert.match(env.emulator.state.files()[0].content?.toString('utf8') ?? '', /^P\.S\. added before sending\n/);
  });

  it('a file with unsaved changes, save declined: nothing is sent', async () => {
    const uri = await copyToWorkspace('letter.rtf', 'declined-letter.rtf');
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'draft '));
    answer({ recipients: RECIPIENT, save: false });
    assert.strictEqual(await vscode.commands.executeCommand('faxplus.sendFax', uri), undefined);
    assert.deepStrictEqual(operations(), []);
    assert.strictEqual(editor.document.isDirty, true, 'the file is left as it was');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('argument object with confirm: false sends without any prompt and resolves to the ids', async () => {
    restore?.dispose();
    restore = env.api.sendUi.usePrompter(new SilentPrompter());
    const ids = await vscode.commands.executeCommand('faxplus.sendFax', {
      files: [workspaceFile('invoice.pdf').toString()],
      to: ['+1 201 555 0123'],
      from: adminNumber(),
      confirm: false,
    });
    assertSentTo(ids, [RECIPIENT]);
    assert.deepStrictEqual(operations(), ['uploadFile', 'sendFax'], 'with "from" given, nothing else is requested');
    assert.strictEqual(sendBodies()[0].from, adminNumber());
  });

  it('argument object with confirm: false saves a file with unsaved changes (documented choice), then sends', async () => {
    const uri = await copyToWorkspace('letter.rtf', 'automation-letter.rtf');
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'Edited. '));
    restore?.dispose();
    restore = env.api.sendUi.usePrompter(new SilentPrompter());
    assertSentTo(
      await vscode.commands.executeCommand('faxplus.sendFax', {
        files: [uri.toString()],
        to: [RECIPIENT],
        from: adminNumber(),
        confirm: false,
      }),
      [RECIPIENT],
    );
    assert.strictEqual(editor.document.isDirty, false);
    assert.match(env.emulator.state.files()[0].content?.toString('utf8') ?? '', /^Edited\. /);
  });

  it('argument object with confirm left on: asks only what is missing, then shows the summary', async () => {
    const prompter = answer({ recipients: RECIPIENT });
    const ids = await vscode.commands.executeCommand('faxplus.sendFax', {
      files: [workspaceFile('letter.rtf').toString()],
      from: adminNumber(),
    });
    assertSentTo(ids, [RECIPIENT]);
    assert.deepStrictEqual(prompter.asked, ['recipients', 'confirm']);
  });

  it('escape on the summary: nothing is uploaded', async () => {
    answer({ recipients: RECIPIENT, cancelAtSummary: true });
    assert.strictEqual(await vscode.commands.executeCommand('faxplus.sendFax', workspaceFile('letter.rtf')), undefined);
    assert.deepStrictEqual(
      operations().filter((o) => o !== 'listNumbers'),
      [],
    );
  });

  it('remembers recipients and the sender for the next fax; "Clear Recent Fax Recipients" forgets them', async () => {
    answer({ recipients: '+44 20 7946 0958' });
    await vscode.commands.executeCommand('faxplus.sendFax', workspaceFile('letter.rtf'), [workspaceFile('letter.rtf')]);
    const chosen = sendBodies()[0].from;
    const next = answer({ recipients: RECIPIENT });
    await vscode.commands.executeCommand('faxplus.sendFax', workspaceFile('letter.rtf'));
    assert.strictEqual(next.recipientsQuestion?.recent[0], '+442079460958');
    assert.strictEqual(next.senderQuestion?.suggested, chosen, 'the last sender is preselected');
    await vscode.commands.executeCommand('faxplus.clearRecentRecipients');
    const after = answer({ recipients: RECIPIENT });
    await vscode.commands.executeCommand('faxplus.sendFax', workspaceFile('letter.rtf'));
    assert.deepStrictEqual(after.recipientsQuestion?.recent, [], 'nothing is offered after clearing');
  });

  it('the real quick input: Escape on the first step stops the command; nothing is uploaded', async () => {
    let settled = false;
    const run = Promise.resolve(vscode.commands.executeCommand('faxplus.sendFax', workspaceFile('letter.rtf'))).finally(
      () => (settled = true),
    );
    // Escape until the recipients step has shown and closed (it opens after the numbers are listed).
    await eventually(async () => {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.ok(settled, 'the quick input was shown and closed');
    }, 10_000);
    assert.strictEqual(await run, undefined);
    assert.deepStrictEqual(
      operations().filter((o) => o !== 'listNumbers'),
      [],
    );
  });

  it('menus: editor title, editor and explorer context, Outbox title and palette, all hidden unless the token can send', async () => {
    const menus = env.extension.packageJSON.contributes.menus as Record<string, { command: string; when?: string }[]>;
    for (const surface of ['editor/title', 'editor/context', 'explorer/context', 'view/title', 'commandPalette']) {
      const entry = menus[surface]?.find((m) => m.command === 'faxplus.sendFax');
      assert.ok(entry, `${surface} offers Send as Fax`);
      assert.match(entry.when ?? '', /faxplus\.can\.sendFax/, `${surface} depends on the token's scopes`);
    }
    assert.match(menus['view/title'].find((m) => m.command === 'faxplus.sendFax')?.when ?? '', /view == faxplus\.outbox/);
    assert.strictEqual(env.api.contextKeys.get('faxplus.can.sendFax'), true);
    await signInWith(env.emulator.demoTokens.readOnly);
    try {
      assert.strictEqual(env.api.contextKeys.get('faxplus.can.sendFax'), false);
    } finally {
      await signInWith(env.emulator.demoTokens.fullAccess);
    }
  });
});

async function copyToWorkspace(from: string, to: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const target = vscode.Uri.joinPath(folder, to);
  await fs.copyFile(path.join(folder.fsPath, from), target.fsPath);
  return target;
}
