import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs/promises';
import * as path from 'path';
import * as vscode from 'vscode';
import { PDFDocument } from 'pdf-lib';
import { checkUploadedPdf } from '../emulator/pdfCheck';
import type { Receipt } from '../../src/receipts/receipt';
import type { FaxHistoryEntry } from '../../src/commands/showFaxHistoryCommand';
import { eventually, forgetSentFaxes, signInWith, testEnvironment, type TestEnvironment } from './support/environment';
import { ScriptedPrompter, SilentPrompter } from './support/scriptedPrompter';

const DELIVERED = '+12015550123';
const FAILS = '+12015550199'; // the emulator fails …99 with failed_no_answer

function setting(key: string, value: unknown): Thenable<void> {
  return vscode.workspace.getConfiguration('faxplus').update(key, value, vscode.ConfigurationTarget.Global);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Receipts of faxes sent from the editor, in the real host against the emulator: the SHA-256
 * of what the emulator received, the final status, the confirmation report, the explorer
 * decoration ("changed since faxed" after an edit), Show Fax History, and `off`.
 */
describe('Receipts: proof of what was faxed, and the faxed file in the explorer', function () {
  // The first Markdown send loads the renderer bundle; a busy shared machine needs the room.
  this.timeout(180_000);
  let env: TestEnvironment;
  let dir: string;
  let restore: vscode.Disposable[] = [];

  before(async () => {
    env = await testEnvironment();
    await signInWith(env.emulator.demoTokens.fullAccess);
    // Follow the sent fax (and retry a missing report) every second, the floor, instead of every 15 s.
    await setting('polling.outboxSeconds', 1);
    // A suite before this one may have closed the sidebar: show it, as a person sending from the editor has it.
    await vscode.commands.executeCommand('workbench.view.extension.faxplus');
    dir = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'receipts-sandbox');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'minutes.md'), '# Minutes\n\nThe board approved the **budget**.\n\n- item one\n- item two\n');
    await fs.copyFile(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'invoice.pdf'), path.join(dir, 'invoice.pdf'));
  });

  after(async () => {
    await setting('polling.outboxSeconds', undefined);
    await setting('receipts.location', undefined);
    env.emulator.setVariants({ reportNotReady: 0 });
    await forgetSentFaxes();
    await fs.rm(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    env.emulator.reset({ keepTokens: true });
  });

  afterEach(() => {
    restore.forEach((d) => d.dispose());
    restore = [];
  });

  const file = (name: string) => vscode.Uri.file(path.join(dir, name));
  const from = () =>
    env.emulator.state.numbers().find((n) => n.status === 'active' && n.assigned_to.includes(env.emulator.accounts.admin))!.number;
  const receiptsOf = async (uri: vscode.Uri) =>
    (await env.api.receipts.book.all()).map((s) => s.receipt).filter((r) => r.documents.some((d) => d.sourceUri === uri.toString()));
  const uploaded = (name: string) => {
    const upload = env.emulator.state.files().find((f) => f.fileName === name);
    assert.ok(
      upload?.content,
      `the emulator received ${name} (got ${env.emulator.state
        .files()
        .map((f) => f.fileName)
        .join(', ')})`,
    );
    return upload;
  };

  /** Lets the tracker see the fax in the outbox first (where it learns the server's submit time), as it does when a fax takes longer than a poll. */
  const seenInOutbox = (outboxId: string) =>
    eventually(
      () =>
        assert.ok(
          env.emulator.requests.some((r) => r.operationId === 'getOutboxFax' && r.status === 200 && r.path.includes(outboxId)),
          'the tracker looked at the fax in the outbox',
        ),
      30_000,
    );

  /** Lets the emulator finish the fax and waits until its receipt has every final status and every report (or gave up). */
  async function settledReceipt(uri: vscode.Uri, outboxId: string, withReport = true): Promise<Receipt> {
    await seenInOutbox(outboxId);
    env.emulator.clock.advance(60_000);
    return eventually(async () => {
      const receipt = (await receiptsOf(uri)).find((r) => r.destinations.some((d) => d.outboxId === outboxId));
      assert.ok(receipt, 'a receipt names the fax');
      const pending = receipt.destinations.filter((d) => d.status === undefined || (withReport && !d.reportFile));
      assert.deepStrictEqual(
        pending,
        [],
        `every destination settled${withReport ? ' with its report' : ''}; requests: ${env.emulator.requests
          .slice(-8)
          .map((r) => `${r.operationId}:${r.status}`)
          .join(' ')}`,
      );
      return receipt;
    }, 60_000);
  }

  it('a Markdown file sent from the editor: the receipt holds the SHA-256 of the PDF the emulator received, the final status and the report', async () => {
    const uri = file('minutes.md');
    await vscode.window.showTextDocument(uri);
    const prompter = new ScriptedPrompter({ recipients: DELIVERED, sender: from() });
    restore.push(env.api.sendUi.usePrompter(prompter));
    // As the editor title's Send as Fax calls it: with the editor's URI, then the questions.
    const ids = await vscode.commands.executeCommand<Record<string, string>>('faxplus.sendFax', uri);
    const outboxId = ids[DELIVERED];
    assert.ok(outboxId, 'the fax was created');

    const upload = uploaded('minutes.md.pdf');
    const check = await checkUploadedPdf(upload);
    assert.ok(check.wellFormed);
    const receipt = await settledReceipt(uri, outboxId);
    assert.strictEqual(receipt.documents.length, 1);
    const [doc] = receipt.documents;
    assert.strictEqual(doc.name, 'minutes.md.pdf');
    assert.strictEqual(doc.sha256, sha256(upload.content!), 'the hash of the exact bytes the emulator received');
    assert.strictEqual(doc.size, upload.content!.length);
    assert.strictEqual(doc.pageCount, check.pageCount);
    assert.strictEqual(doc.fingerprint?.kind, 'text', 'a rendered file is compared by its text');
    assert.strictEqual(receipt.from, from());
    const [destination] = receipt.destinations;
    assert.strictEqual(destination.to, DELIVERED);
    assert.strictEqual(destination.status, 'success');
    assert.strictEqual(destination.faxId, env.emulator.sentIdOf(outboxId), 'the Sent record of this fax');

    // Stored in private global storage, not in the workspace, with the report next to the receipt.
    const stored = (await env.api.receipts.book.all()).find((s) => s.receipt.id === receipt.id)!;
    const workspaceRoot = vscode.workspace.workspaceFolders![0].uri.fsPath;
    assert.ok(!stored.store.folder.startsWith(workspaceRoot), `receipts are not in the workspace: ${stored.store.folder}`);
    const onDisk = JSON.parse(await fs.readFile(stored.store.fileOf(receipt.id), 'utf8')) as Receipt;
    assert.deepStrictEqual(onDisk, receipt, 'the receipt file says what the book says');
    const report = await fs.readFile(path.join(stored.store.folder, destination.reportFile!));
    assert.strictEqual((await PDFDocument.load(report)).getPageCount(), 1, 'the confirmation report PDF');
    assert.strictEqual(env.emulator.requests.filter((r) => r.operationId === 'getFaxReport' && r.status === 200).length, 1);

    // The explorer decoration, then "changed since faxed" once the file is edited on disk.
    const decorations = env.api.receipts.decorations;
    const shown = await decorations.provideFileDecoration(uri);
    assert.strictEqual(shown?.badge, 'F');
    assert.match(String(shown?.tooltip), /^Faxed to \+1 201 555 0123 on /);
    const redecorated = new Promise<void>((resolve) => {
      const subscription = decorations.onDidChangeFileDecorations((changed) => {
        const uris = changed === undefined ? [uri] : Array.isArray(changed) ? changed : [changed];
        if (uris.some((u) => u.toString() === uri.toString())) {
          subscription.dispose();
          resolve();
        }
      });
    });
    await fs.appendFile(uri.fsPath, '\n- item three, added after the fax\n');
    await redecorated;
    const changed = await eventually(async () => {
      const d = await decorations.decorationOf(uri);
      assert.strictEqual(d?.changed, true);
      return d;
    });
    assert.strictEqual(changed.badge, 'F*');
    assert.match(changed.tooltip, /Changed since it was faxed\.$/);

    // Show Fax History (argument form) lists the receipt with its report.
    const history = await vscode.commands.executeCommand<FaxHistoryEntry[]>('faxplus.showFaxHistory', { file: uri.fsPath });
    assert.deepStrictEqual(
      history.map((h) => h.receipt.id),
      [receipt.id],
    );
    assert.deepStrictEqual(history[0].reportFiles, [path.join(stored.store.folder, destination.reportFile!)]);
  });

  it("a PDF sent from the explorer: the hash is the file's own, its pages are counted, and a failed fax is marked failed", async () => {
    const uri = file('invoice.pdf');
    restore.push(env.api.sendUi.usePrompter(new ScriptedPrompter({ recipients: `${DELIVERED}, ${FAILS}`, sender: from() })));
    const ids = await vscode.commands.executeCommand<Record<string, string>>('faxplus.sendFax', uri, [uri]);
    assert.deepStrictEqual(Object.keys(ids).sort(), [DELIVERED, FAILS]);
    const pending = await env.api.receipts.decorations.decorationOf(uri);
    assert.strictEqual(pending?.state, 'pending', 'marked as sent but not delivered yet');

    const receipt = await settledReceipt(uri, ids[FAILS]);
    const onDisk = await fs.readFile(uri.fsPath);
    const upload = uploaded('invoice.pdf');
    assert.strictEqual(receipt.documents[0].sha256, sha256(upload.content!), 'the hash of what the emulator received');
    assert.strictEqual(receipt.documents[0].sha256, sha256(onDisk), 'which is the file as it is on disk');
    assert.deepStrictEqual(receipt.documents[0].fingerprint, { kind: 'bytes', sha256: sha256(onDisk) });
    assert.strictEqual(receipt.documents[0].pageCount, (await PDFDocument.load(onDisk)).getPageCount());
    const statuses = Object.fromEntries(receipt.destinations.map((d) => [d.to, d.status]));
    assert.deepStrictEqual(statuses, { [DELIVERED]: 'success', [FAILS]: 'failed_no_answer' });
    const decoration = await env.api.receipts.decorations.decorationOf(uri);
    assert.deepStrictEqual([decoration?.state, decoration?.badge, decoration?.changed], ['failed', 'F!', false]);
    assert.match(decoration!.tooltip, /^Fax to \+1 201 555 0123, \+1 201 555 0199 on .* failed\.$/);
  });

  it('a report Fax.Plus does not have yet is fetched again later, a bounded number of times', async () => {
    env.emulator.setVariants({ reportNotReady: 2 });
    const uri = file('invoice.pdf');
    const ids = await vscode.commands.executeCommand<Record<string, string>>('faxplus.sendFax', {
      files: [uri.toString()],
      to: [DELIVERED],
      from: from(),
      confirm: false,
    });
    const receipt = await settledReceipt(uri, ids[DELIVERED]);
    assert.strictEqual(receipt.destinations[0].reportAttempts, 2, 'two refusals counted');
    const asked = env.emulator.requests.filter((r) => r.operationId === 'getFaxReport').map((r) => r.status);
    assert.deepStrictEqual(asked, [404, 404, 200], 'asked three times, then never again');
  });

  it("receipts.location = workspace writes into .faxplus/receipts of the file's workspace folder", async () => {
    await setting('receipts.location', 'workspace');
    try {
      const uri = file('invoice.pdf');
      const ids = await vscode.commands.executeCommand<Record<string, string>>('faxplus.sendFax', {
        files: [uri.toString()],
        to: [DELIVERED],
        from: from(),
        confirm: false,
      });
      const receipt = await eventually(async () => {
        const found = (await receiptsOf(uri)).find((r) => r.destinations.some((d) => d.outboxId === ids[DELIVERED]));
        assert.ok(found);
        return found;
      });
      const folder = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.faxplus', 'receipts');
      await fs.access(path.join(folder, `${receipt.id}.json`));
    } finally {
      await setting('receipts.location', undefined);
      await fs.rm(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.faxplus'), { recursive: true, force: true });
    }
  });

  it('receipts.location = off writes nothing', async () => {
    await setting('receipts.location', 'off');
    try {
      await fs.writeFile(path.join(dir, 'private.md'), '# Not to be recorded\n');
      const uri = file('private.md');
      restore.push(env.api.sendUi.usePrompter(new SilentPrompter()));
      const folders = env.api.receipts.folders.allStores().map((s) => s.folder);
      const before = await Promise.all(folders.map((f) => fs.readdir(f).catch(() => [] as string[])));
      const ids = await vscode.commands.executeCommand<Record<string, string>>('faxplus.sendFax', {
        files: [uri.toString()],
        to: [DELIVERED],
        from: from(),
        confirm: false,
      });
      assert.ok(ids[DELIVERED], 'the fax was sent');
      await env.api.receipts.recorder.idle();
      await seenInOutbox(ids[DELIVERED]);
      env.emulator.clock.advance(60_000);
      // Done following, the fax found in Sent or given up on (6 looks, 1 s doubling: about 63 s): either way the
      // recorder had its chance. One clean-clone run saw no match within 30 s (see the round's closing note).
      await eventually(
        () =>
          assert.strictEqual(
            env.api.sidebar.tracker.isFollowing(ids[DELIVERED]),
            false,
            `still following (${env.api.sidebar.tracker.size} faxes followed); requests: ${env.emulator.requests
              .slice(-10)
              .map((r) => `${r.operationId}:${r.status}`)
              .join(' ')}; Sent to ${DELIVERED}: ${env.emulator.state
              .faxes('sent')
              .filter((f) => f.to === DELIVERED)
              .map((f) => `${f.id} from ${f.from} submitted ${f.submit_time}`)
              .join(', ')}`,
          ),
        90_000,
      );
      await env.api.receipts.recorder.idle();
      const after = await Promise.all(folders.map((f) => fs.readdir(f).catch(() => [] as string[])));
      assert.deepStrictEqual(after, before, 'no file was added to any receipt folder');
      assert.deepStrictEqual(await receiptsOf(uri), []);
      assert.strictEqual(await env.api.receipts.decorations.decorationOf(uri), undefined);
    } finally {
      await setting('receipts.location', undefined);
    }
  });
});
