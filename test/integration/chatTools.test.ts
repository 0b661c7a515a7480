import * as assert from 'assert';
import * as vscode from 'vscode';
import { checkUploadedPdf } from '../emulator/pdfCheck';
import { signInWith, testEnvironment, type TestEnvironment } from './support/environment';
import { ScriptedPrompter, type PromptScript } from './support/scriptedPrompter';

const TOOLS = ['faxplus_faxStatus', 'faxplus_getFax', 'faxplus_listFaxes', 'faxplus_prepareFax', 'faxplus_sendFax'];
const RECIPIENT = '+16175550199';
const SECRET_LINE = 'Patient Jane Roe, date of birth 1970-01-01, referral for cardiology.';

const textOf = (result: vscode.LanguageModelToolResult) =>
  result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');

function invoke(name: string, input: object): Thenable<vscode.LanguageModelToolResult> {
  return vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
}

/**
 * Sends through the tool as chat would. VS Code's own tool confirmation (from
 * prepareInvocation) is approved by the workbench itself in an extension test
 * host (DialogService.skipDialogs), much as chat auto-approval would: the
 * extension's own summary, scripted through the prompter seam, is what decides.
 */
async function send(input: object): Promise<string> {
  return textOf(await invoke('faxplus_sendFax', input));
}

/** The chat tools in the real host: listed by vscode.lm, invoked with vscode.lm.invokeTool, against the emulator. */
describe('Chat tools (vscode.lm) against the emulator', function () {
  this.timeout(180_000);
  let env: TestEnvironment;
  let restore: vscode.Disposable | undefined;

  const config = () => vscode.workspace.getConfiguration('faxplus.chat');
  const adminNumber = () =>
    env.emulator.state.numbers().find((n) => n.status === 'active' && n.assigned_to.includes(env.emulator.accounts.admin))!.number;
  const operations = () => env.emulator.requests.map((r) => r.operationId).filter((o) => o !== 'getBalance' && o !== 'getTokenInfo');
  const uploads = () => env.emulator.requests.filter((r) => r.operationId === 'uploadFile');
  const creates = () => env.emulator.requests.filter((r) => r.operationId === 'sendFax');
  const answer = (script: PromptScript) => {
    const prompter = new ScriptedPrompter(script);
    restore?.dispose();
    restore = env.api.sendUi.usePrompter(prompter);
    return prompter;
  };
  const draftIdIn = (text: string) => {
    const id = /Draft (draft-[0-9a-f]+) is ready/.exec(text)?.[1];
    assert.ok(id, `the result names the draft: ${text}`);
    return id;
  };
  const prepare = async () => {
    const result = textOf(
      await invoke('faxplus_prepareFax', { files: ['referral.md'], text: `# Cover\n\n${SECRET_LINE}`, title: 'cover.md' }),
    );
    return { text: result, draftId: draftIdIn(result) };
  };

  before(async () => {
    env = await testEnvironment();
    await signInWith(env.emulator.demoTokens.fullAccess);
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const referral = [
      '# Referral',
      '',
      SECRET_LINE,
      '',
      ...Array.from({ length: 90 }, (_, i) => `- finding ${i + 1}: within normal limits`),
    ].join('\n');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'referral.md'), Buffer.from(referral));
  });

  beforeEach(async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    env.emulator.reset({ keepTokens: true });
    env.emulator.clearRequests();
    for (const key of ['confirmSends', 'allowedRecipients', 'dailySendLimit']) {
      await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    }
  });

  afterEach(() => {
    restore?.dispose();
    restore = undefined;
  });

  it('vscode.lm.tools lists the five tools with their descriptions, schemas and tags', () => {
    const ours = vscode.lm.tools.filter((t) => t.name.startsWith('faxplus_'));
    assert.deepStrictEqual(ours.map((t) => t.name).sort(), TOOLS);
    for (const tool of ours) {
      assert.ok(tool.description.length > 80, `${tool.name} has a model description`);
      assert.strictEqual((tool.inputSchema as { type?: string } | undefined)?.type, 'object', `${tool.name} has an input schema`);
      assert.ok(tool.tags.includes('faxplus'), `${tool.name} is tagged`);
    }
  });

  it('faxplus_listFaxes: the newest inbox faxes, one line each with who, when, pages, status and id', async () => {
    const inbox = env.emulator.state
      .faxes('inbox')
      .sort((a, b) => b.start_time.localeCompare(a.start_time))
      .slice(0, 3);
    const text = textOf(await invoke('faxplus_listFaxes', { category: 'inbox', limit: 3 }));
    const lines = text.split('\n');
    assert.match(lines[0], /^3 fax\(es\) in Inbox, newest first:$/);
    assert.strictEqual(lines.length, 5, `three faxes and the "more" hint: ${text}`);
    for (const [i, fax] of inbox.entries()) {
      assert.match(lines[i + 1], new RegExp(`\\(id ${fax.id}\\)$`), `line ${i + 1} is fax ${fax.id}: ${lines[i + 1]}`);
      assert.match(lines[i + 1], new RegExp(`${fax.pages} pages?`));
      assert.match(lines[i + 1], / UTC, from /);
    }
    assert.deepStrictEqual(operations(), ['listFaxes']);
  });

  it('faxplus_listFaxes: unread only, and the Outbox', async () => {
    const unread = textOf(await invoke('faxplus_listFaxes', { category: 'inbox', unreadOnly: true, limit: 50 }));
    assert.ok(
      unread
        .split('\n')
        .slice(1)
        .filter((l) => l.startsWith('- '))
        .every((l) => l.includes('unread')),
      unread,
    );
    const outbox = textOf(await invoke('faxplus_listFaxes', { category: 'outbox' }));
    assert.match(outbox, /^(The Outbox is empty|\d+ fax\(es\) in the Outbox:)/);
    const bad = textOf(await invoke('faxplus_listFaxes', { category: 'trash' }));
    assert.match(bad, /"category" must be one of inbox, sent, spam, outbox/);
  });

  it('faxplus_getFax: one fax and what its status means; an unknown id says what to ask instead', async () => {
    const fax = env.emulator.state.faxes('sent')[0];
    const text = textOf(await invoke('faxplus_getFax', { id: fax.id }));
    assert.match(text, new RegExp(`^Fax ${fax.id} \\(sent\\)`));
    assert.match(text, new RegExp(`Status: ${fax.status} — \\S`));
    assert.match(text, new RegExp(`Pages: ${fax.pages}`));
    const missing = textOf(await invoke('faxplus_getFax', { id: 'ffffffffffffffffffffffff' }));
    assert.match(missing, /No fax with id ffffffffffffffffffffffff .*faxplus_faxStatus/);
  });

  it('faxplus_prepareFax: a workspace file and written Markdown laid out locally, with no request', async () => {
    const { text } = await prepare();
    assert.deepStrictEqual(operations(), [], 'preparing a draft makes no request');
    assert.match(text, /- referral\.md\.pdf: [2-9] page\(s\), laid out here\./);
    assert.match(text, /- cover\.md\.pdf: 1 page\(s\), laid out here\./);
    assert.match(text, /Total: \d+ page\(s\)\./);
    assert.match(text, /Legibility check: /);
    assert.ok(!text.includes(SECRET_LINE), 'the result does not repeat the document');
    const outside = textOf(await invoke('faxplus_prepareFax', { files: ['../../etc/passwd'] }));
    assert.match(outside, /Only files inside the open workspace folders can be faxed from chat/);
  });

  it("send without the person's approval in the extension's own summary: nothing is uploaded", async () => {
    const { draftId } = await prepare();
    const prompter = answer({ approveChatSend: false });
    const result = await send({ draftId, to: [RECIPIENT], from: adminNumber() });
    assert.match(result, /^Not sent: the person did not approve the fax\. Nothing was uploaded\./);
    assert.deepStrictEqual(prompter.asked, ['chatSend']);
    const [question] = prompter.chatSends;
    assert.ok(question.lines.includes('To: +1 617 555 0199'), question.lines.join('\n'));
    assert.ok(question.lines.some((l) => /^Documents: referral\.md\.pdf, cover\.md\.pdf$/.test(l)));
    assert.ok(question.preview().ink.length >= 2, 'the summary offers the rendered pages');
    assert.deepStrictEqual(uploads(), []);
    assert.deepStrictEqual(creates(), []);
  });

  it('send with approval: exactly one fax with the previewed pages; the same draft is never sent again; its status follows it', async () => {
    const { draftId, text } = await prepare();
    const total = Number(/Total: (\d+) page/.exec(text)![1]);
    const prompter = answer({ approveChatSend: true });
    const sent = await send({ draftId, to: ['+1 (617) 555-0199'], from: adminNumber(), comment: 'from chat' });
    assert.match(
      sent,
      /^Sent: Fax\.Plus created the fax \(\d+ page\(s\)\) and it is in the Outbox\. Outbox ids: \+1 617 555 0199: [0-9a-f]{32}\./,
    );
    assert.strictEqual(creates().length, 1, 'one outbox request');
    assert.deepStrictEqual(
      env.emulator.state.outbox().flatMap((r) => r.to as string[]),
      [RECIPIENT],
    );
    assert.deepStrictEqual(
      env.emulator.state.files().map((f) => f.fileName),
      ['referral.md.pdf', 'cover.md.pdf'],
    );
    let pages = 0;
    for (const file of env.emulator.state.files()) {
      const check = await checkUploadedPdf(file);
      assert.ok(check.wellFormed, 'a well-formed PDF');
      pages += check.pageCount ?? 0;
    }
    assert.strictEqual(pages, total, 'the uploaded PDFs have the pages the draft reported');
    assert.deepStrictEqual(prompter.asked, ['chatSend']);

    const again = await send({ draftId, to: [RECIPIENT], from: adminNumber() });
    assert.match(again, /^Not sent again: draft draft-[0-9a-f]+ was already handed to Fax\.Plus/);
    assert.strictEqual(creates().length, 1, 'still one outbox request');
    assert.deepStrictEqual(prompter.asked, ['chatSend'], 'nobody is asked to approve a repeat');

    const outboxId = /: ([0-9a-f]{32})\./.exec(sent)![1];
    const status = textOf(await invoke('faxplus_faxStatus', { id: outboxId }));
    assert.match(status, new RegExp(`^Fax ${outboxId} (is still in the Outbox: |left the Outbox)`));
  });

  it("faxplus_faxStatus finds a chat fax in Sent under its new id, with the server's clock ten minutes behind this computer's", async () => {
    env.emulator.setVariants({ serverClockSkewMs: -600_000 });
    const { draftId } = await prepare();
    answer({ approveChatSend: true });
    const sent = await send({ draftId, to: [RECIPIENT], from: adminNumber() });
    const outboxId = /: ([0-9a-f]{32})\./.exec(sent)![1];
    env.emulator.clock.advance(60_000); // the emulator delivers it; in Sent it has a new id
    const sentId = env.emulator.sentIdOf(outboxId);
    assert.ok(sentId && sentId !== outboxId, 'a new id in Sent');
    const status = textOf(await invoke('faxplus_faxStatus', { id: outboxId }));
    assert.match(status, new RegExp(`^Fax ${outboxId} left the Outbox; its record in Sent is ${sentId}\\.`));
    assert.match(status, /Status: failed_no_answer/, 'its final status (the emulator fails …99)');
  });

  it('allow-list: a number not on it is refused before anyone is asked; a listed one goes through', async () => {
    await config().update('allowedRecipients', ['+1 617 555 0100'], vscode.ConfigurationTarget.Global);
    const { draftId } = await prepare();
    const prompter = answer({ approveChatSend: true });
    const result = await send({ draftId, to: [RECIPIENT], from: adminNumber() });
    assert.match(result, /^Not sent: \+16175550199 is not in the setting "faxplus\.chat\.allowedRecipients"/);
    assert.deepStrictEqual(prompter.asked, []);
    assert.deepStrictEqual(uploads(), []);
    const listed = await send({ draftId, to: ['+16175550100'], from: adminNumber() });
    assert.match(listed, /^Sent: /);
    assert.strictEqual(creates().length, 1);
  });

  it('daily limit: 0 turns sending from chat off, before anyone is asked', async () => {
    await config().update('dailySendLimit', 0, vscode.ConfigurationTarget.Global);
    const { draftId } = await prepare();
    const prompter = answer({ approveChatSend: true });
    const result = await send({ draftId, to: [RECIPIENT], from: adminNumber() });
    assert.match(result, /sending from chat is turned off \(setting "faxplus\.chat\.dailySendLimit" is 0\)/);
    assert.deepStrictEqual(prompter.asked, []);
    assert.deepStrictEqual(uploads(), []);
  });

  it('scope gate: a read-only token may list but not prepare or send; a numbers-only token may not list faxes', async () => {
    const { draftId } = await prepare();
    await signInWith(env.emulator.demoTokens.readOnly);
    env.emulator.clearRequests();
    const prompter = answer({ approveChatSend: true });
    assert.match(textOf(await invoke('faxplus_listFaxes', { limit: 1 })), /^1 fax\(es\) in Inbox/);
    assert.match(textOf(await invoke('faxplus_prepareFax', { text: 'hello' })), /cannot do this: it needs the scope fax:fax:edit/);
    const result = await send({ draftId, to: [RECIPIENT], from: adminNumber() });
    assert.match(result, /cannot do this: it needs the scope fax:fax:edit/);
    assert.deepStrictEqual(prompter.asked, []);
    assert.deepStrictEqual(uploads(), []);

    await signInWith(env.emulator.issuePat({ scopes: ['fax:numbers:read'], name: 'numbers only' }));
    env.emulator.clearRequests();
    assert.match(textOf(await invoke('faxplus_listFaxes', {})), /cannot do this: it needs the scope/);
    assert.match(textOf(await invoke('faxplus_faxStatus', { id: 'ffffffffffffffffffffffff' })), /cannot do this: it needs the scope/);
    assert.deepStrictEqual(operations(), [], 'refused before any request');
  });

  it("confirmSends off (user setting): the extension's own summary is skipped, the other guard rails stay", async () => {
    await config().update('confirmSends', false, vscode.ConfigurationTarget.Global);
    await config().update('allowedRecipients', ['+16175550100'], vscode.ConfigurationTarget.Global);
    const { draftId } = await prepare();
    const prompter = answer({});
    assert.match(await send({ draftId, to: [RECIPIENT], from: adminNumber() }), /is not in the setting "faxplus\.chat\.allowedRecipients"/);
    assert.deepStrictEqual(creates(), []);
    await config().update('allowedRecipients', undefined, vscode.ConfigurationTarget.Global);
    const result = await send({ draftId, to: [RECIPIENT], from: adminNumber() });
    assert.match(result, /^Sent: /);
    assert.deepStrictEqual(prompter.asked, []);
    assert.strictEqual(creates().length, 1);
  });

  it('audit log: every call with tool, recipients, pages and outcome, without document text or token', async () => {
    const { draftId } = await prepare();
    answer({ approveChatSend: false });
    await send({ draftId, to: [RECIPIENT], from: adminNumber() });
    answer({ approveChatSend: true });
    await send({ draftId, to: [RECIPIENT], from: adminNumber() });
    await vscode.commands.executeCommand('faxplus.openChatAuditLog');
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document && document.fileName.endsWith('chat-audit.jsonl'), `the audit log is open: ${document?.fileName}`);
    const entries = document
      .getText()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const ours = entries.filter((e) => e.draftId === draftId);
    assert.deepStrictEqual(
      ours.map((e) => [e.tool, e.outcome]),
      [
        ['faxplus_prepareFax', 'ok'],
        ['faxplus_sendFax', 'declined'],
        ['faxplus_sendFax', 'ok'],
      ],
    );
    const sent = ours[2];
    assert.deepStrictEqual(sent.recipients, [RECIPIENT]);
    assert.strictEqual(sent.from, adminNumber());
    assert.ok(typeof sent.pages === 'number' && sent.pages >= 2);
    assert.deepStrictEqual(sent.documents, ['referral.md.pdf', 'cover.md.pdf']);
    assert.ok(Array.isArray(sent.ids) && sent.ids.length === 1);
    assert.ok(entries.every((e) => typeof e.time === 'string' && typeof e.tool === 'string'));
    const text = document.getText();
    assert.ok(!text.includes(SECRET_LINE) && !text.includes('within normal limits'), 'no document text');
    assert.ok(!text.includes(env.emulator.demoTokens.fullAccess) && !/alohi_pat_/.test(text), 'no token');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
