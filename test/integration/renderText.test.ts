import * as assert from 'assert';
import * as fs from 'fs/promises';
import * as path from 'path';
import * as vscode from 'vscode';
import { PDFDocument } from 'pdf-lib';
import { checkUploadedPdf } from '../emulator/pdfCheck';
import { forgetSentFaxes, signInWith, testEnvironment, type TestEnvironment } from './support/environment';
import { ScriptedPrompter, SilentPrompter } from './support/scriptedPrompter';

const RECIPIENT = '+12015550123';

/** Text files the extension lays out itself: what the emulator receives is a valid PDF with the pages the preview showed. */
describe('Send as fax: text, Markdown, code and CSV rendered to PDF pages', function () {
  // The first send loads the renderer bundle and parses the fonts; a busy shared machine needs the room.
  this.timeout(180_000);
  let env: TestEnvironment;
  let restore: vscode.Disposable | undefined;
  let dir: string;

  before(async () => {
    env = await testEnvironment();
    await signInWith(env.emulator.demoTokens.fullAccess);
    dir = path.join(process.env.FAXPLUS_TEST_TMP ?? vscode.workspace.workspaceFolders![0].uri.fsPath, 'render-sandbox');
    // The sandbox's own samples (npm start), TRY-ME.md among them.
    const { writeSandboxWorkspace } = await import('../host/sandboxWorkspace.mjs');
    await writeSandboxWorkspace(dir);
    await fs.writeFile(
      path.join(dir, 'greet.ts'),
      Array.from({ length: 130 }, (_, i) => `\tconsole.log('line ${i + 1}: ${'x'.repeat(i % 3 === 0 ? 120 : 10)}');`).join('\n'),
    );
    await fs.writeFile(
      path.join(dir, 'orders.csv'),
      ['id,customer,"note, quoted"', ...Array.from({ length: 120 }, (_, i) => `${i},Customer ${i},"note ${i}"`)].join('\n'),
    );
  });

  beforeEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    env.emulator.reset({ keepTokens: true });
    env.emulator.clearRequests();
  });

  afterEach(async () => {
    restore?.dispose();
    restore = undefined;
    // The faxes sent here are followed by the tracker; the next test must not see its requests.
    await forgetSentFaxes();
  });

  const sample = (name: string) => vscode.Uri.file(path.join(dir, name));
  const answer = () => {
    const prompter = new ScriptedPrompter({ recipients: RECIPIENT });
    restore = env.api.sendUi.usePrompter(prompter);
    return prompter;
  };
  const uploads = () => env.emulator.state.files();

  /** The upload is a well-formed PDF with as many pages as the preview showed, and every previewed page has ink. */
  async function assertPdfMatchesPreview(prompter: ScriptedPrompter, fileName: string, documentIndex = 0) {
    const upload = uploads().find((f) => f.fileName === fileName);
    assert.ok(
      upload,
      `${fileName} was uploaded (got ${uploads()
        .map((f) => f.fileName)
        .join(', ')})`,
    );
    assert.strictEqual(upload.contentType, 'application/pdf');
    const check = await checkUploadedPdf(upload);
    assert.ok(check.wellFormed, `the emulator finds the PDF well formed: ${check.wellFormed ? '' : check.problem}`);
    const previewed = prompter.previewed;
    assert.ok(previewed, 'the preview was shown before sending');
    const pages = previewed.question.documents[documentIndex].layout.pages.length;
    assert.strictEqual(check.pageCount, pages, 'the PDF has the pages of the layout');
    const before = previewed.question.documents.slice(0, documentIndex).reduce((n, d) => n + d.layout.pages.length, 0);
    const ink = previewed.preview.ink.slice(before, before + pages);
    assert.strictEqual(ink.length, pages, 'the preview shows every page');
    assert.ok(
      ink.every((dots) => dots > 1000),
      `every previewed page carries print: ${ink.join(', ')}`,
    );
    return upload;
  }

  it('from the editor: the Markdown file as shown, unsaved changes included, after the preview', async () => {
    const editor = await vscode.window.showTextDocument(sample('TRY-ME.md'));
    await editor.edit((edit) =>
      edit.insert(new vscode.Position(editor.document.lineCount, 0), `\n${'Added but not saved. '.repeat(400)}\n`),
    );
    const prompter = answer();
    const ids = await vscode.commands.executeCommand('faxplus.sendFax', editor.document.uri);
    assert.ok(ids, 'the fax was sent');
    assert.deepStrictEqual(
      prompter.asked,
      ['preview', 'recipients', 'sender', 'options', 'confirm'],
      'no "save first?" question: the editor text is rendered',
    );
    const upload = await assertPdfMatchesPreview(prompter, 'TRY-ME.md.pdf');
    assert.ok((prompter.previewed?.question.documents[0].layout.pages.length ?? 0) >= 2, 'the unsaved paragraph added a page');
    assert.match(prompter.summary.join('\n'), /TRY-ME\.md\.pdf/);
    const pdf = await PDFDocument.load(upload.content!);
    assert.strictEqual(pdf.getTitle(), 'TRY-ME.md');
  });

  for (const name of ['greet.ts', 'orders.csv']) {
    it(`from the editor: ${name} as PDF pages that match the preview`, async () => {
      await vscode.window.showTextDocument(sample(name));
      const prompter = answer();
      assert.ok(await vscode.commands.executeCommand('faxplus.sendFax'), "the fax was sent (palette: the active editor's file)");
      assert.deepStrictEqual(prompter.asked, ['preview', 'recipients', 'sender', 'options', 'confirm']);
      await assertPdfMatchesPreview(prompter, `${name}.pdf`);
      assert.ok((prompter.previewed?.question.documents[0].layout.pages.length ?? 0) >= 2, 'long enough for several pages');
    });
  }

  it("plain text (.txt) is laid out too, from the editor as shown: Fax.Plus's own layout of .txt is unknown", async () => {
    const editor = await vscode.window.showTextDocument(sample('lab-request.txt'));
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'URGENT, added before sending\n'));
    const prompter = answer();
    assert.ok(await vscode.commands.executeCommand('faxplus.sendFax', editor.document.uri), 'the fax was sent');
    assert.deepStrictEqual(
      prompter.asked,
      ['preview', 'recipients', 'sender', 'options', 'confirm'],
      'no "save first?" question: the editor text is rendered',
    );
    assert.deepStrictEqual(
      uploads().map((f) => f.fileName),
      ['lab-request.txt.pdf'],
      'nothing goes up as text/plain',
    );
    await assertPdfMatchesPreview(prompter, 'lab-request.txt.pdf');
    const [first] = prompter.previewed!.question.documents[0].layout.pages;
    const printed = first.items.flatMap((item) => (item.kind === 'text' ? [item.text] : []));
    assert.ok(
      printed.some((text) => text.includes('URGENT, added before sending')),
      'the unsaved line is on the first page',
    );
    assert.strictEqual(editor.document.isDirty, true, 'the file is left as the editor has it');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it("from the explorer: Markdown mixed with a PDF in one fax, in the selection's order", async () => {
    const prompter = answer();
    const md = sample('TRY-ME.md');
    const ids = await vscode.commands.executeCommand('faxplus.sendFax', md, [md, sample('referral-letter.pdf')]);
    assert.ok(ids, 'the fax was sent');
    assert.deepStrictEqual(
      uploads().map((f) => f.fileName),
      ['TRY-ME.md.pdf', 'referral-letter.pdf'],
    );
    await assertPdfMatchesPreview(prompter, 'TRY-ME.md.pdf');
    assert.deepStrictEqual(
      prompter.previewed?.question.documents.map((d) => d.title),
      ['TRY-ME.md'],
      'only the rendered file is previewed',
    );
  });

  it('a TypeScript file and a CSV from automation: no preview, render options from the argument', async () => {
    restore = env.api.sendUi.usePrompter(new SilentPrompter());
    const from = env.emulator.state
      .numbers()
      .find((n) => n.status === 'active' && n.assigned_to.includes(env.emulator.accounts.admin))!.number;
    const ids = await vscode.commands.executeCommand('faxplus.sendFax', {
      files: [sample('greet.ts').toString(), sample('orders.csv').toString()],
      to: [RECIPIENT],
      from,
      render: { paper: 'a4', lineNumbers: true, header: true },
      confirm: false,
    });
    assert.ok(ids, 'the fax was sent');
    assert.deepStrictEqual(
      uploads().map((f) => f.fileName),
      ['greet.ts.pdf', 'orders.csv.pdf'],
    );
    for (const upload of uploads()) {
      const check = await checkUploadedPdf(upload);
      assert.ok(check.wellFormed && check.pageCount >= 2, `${upload.fileName} is a well-formed PDF of several pages`);
      const [page] = (await PDFDocument.load(upload.content!)).getPages();
      assert.deepStrictEqual([Math.round(page.getWidth()), Math.round(page.getHeight())], [595, 842], 'A4, as the argument asked');
    }
  });

  it('Send Selection as Fax: the selected lines only, named after them', async () => {
    const editor = await vscode.window.showTextDocument(sample('greet.ts'));
    editor.selection = new vscode.Selection(1, 0, 4, 0);
    const prompter = answer();
    assert.ok(await vscode.commands.executeCommand('faxplus.sendSelection'), 'the fax was sent');
    await assertPdfMatchesPreview(prompter, 'greet.ts.lines-2-4.pdf');
    assert.strictEqual(prompter.previewed?.question.documents[0].title, 'greet.ts, lines 2–4');
    assert.strictEqual(prompter.previewed?.question.documents[0].layout.pages.length, 1);
  });

  it('closing the preview sends nothing', async () => {
    const prompter = new ScriptedPrompter({ recipients: RECIPIENT, closePreview: true });
    restore = env.api.sendUi.usePrompter(prompter);
    assert.strictEqual(await vscode.commands.executeCommand('faxplus.sendFax', sample('orders.csv')), undefined);
    assert.deepStrictEqual(prompter.asked, ['preview']);
    assert.deepStrictEqual(
      env.emulator.requests.filter((r) => r.operationId !== 'listNumbers').map((r) => r.operationId),
      [],
      'nothing reached Fax.Plus',
    );
  });
});
