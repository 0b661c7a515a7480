import * as assert from 'assert';
import * as fs from 'fs/promises';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { eventually, forgetSentFaxes, signInWith, testEnvironment, type TestEnvironment } from './support/environment';
import { Notices } from './support/notices';
import { ScriptedPrompter, SilentPrompter, type PromptScript } from './support/scriptedPrompter';
import type { FaxNode, OutboxNode, TreeNode, ViewName } from '../../src/views/treeNodes';

/** Label, description and tooltip text of a row, as a person reads them. */
function rowText(env: TestEnvironment, view: ViewName, node: TreeNode): { label: string; tooltip: string } {
  const item = env.api.sidebar.provider(view).getTreeItem(node);
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const tooltip = (item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '')).replace(/\\(.)/g, '$1');
  return { label, tooltip };
}

async function emptyAddressBook(env: TestEnvironment): Promise<void> {
  await env.api.contacts.load();
  for (const contact of [...env.api.contacts.all()]) await env.api.contacts.remove(contact.id);
}

describe('Address book', function () {
  this.timeout(60_000);
  let env: TestEnvironment;
  let restore: vscode.Disposable | undefined;
  let folder: string;

  const answer = (script: PromptScript) => {
    const prompter = new ScriptedPrompter(script);
    restore?.dispose();
    restore = env.api.sendUi.usePrompter(prompter);
    return prompter;
  };
  const workspaceFile = (name: string) => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, name);
  const operations = () => env.emulator.requests.map((r) => r.operationId);
  const lastRefusal = () => new Notices(env.api).lastRefusal();

  before(async () => {
    env = await testEnvironment();
    await signInWith(env.emulator.demoTokens.fullAccess);
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'faxplus-contacts-'));
  });

  beforeEach(async () => {
    env.emulator.reset({ keepTokens: true });
    env.emulator.clearRequests();
    await emptyAddressBook(env);
  });

  afterEach(async () => {
    restore?.dispose();
    restore = undefined;
    await forgetSentFaxes();
  });

  after(async () => {
    await emptyAddressBook(env);
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('names a saved number in the Inbox and Sent rows and tooltips, and forgets it when the contact is deleted', async () => {
    const inbox = env.api.sidebar.providers.inbox;
    const sent = env.api.sidebar.providers.sent;
    await inbox.refresh();
    await inbox.getChildren();
    await sent.getChildren();
    const received = inbox.loadedItems.find((n): n is FaxNode => n.kind === 'fax' && !!n.fax.from?.startsWith('+'))!;
    const bare = rowText(env, 'inbox', received).label;

    // Save as Contact from the tree item: the person is asked only for the name (scripted through the argument form here).
    const id = await vscode.commands.executeCommand('faxplus.saveAsContact', {
      number: received.fax.from,
      name: 'Dr. Chen',
      organisation: 'Harbor Clinic',
    });
    assert.ok(typeof id === 'string', 'the contact is saved');
    const named = rowText(env, 'inbox', received);
    assert.strictEqual(named.label, `Dr. Chen — ${bare}`);
    assert.match(named.tooltip, new RegExp(`Fax from Dr\\. Chen — \\${bare}`));

    env.api.sidebar.notifications.newFaxes([received.fax], () => undefined);
    assert.strictEqual(new Notices(env.api).last('info'), `New fax from Dr. Chen — ${bare}.`, 'the new-fax notification names the sender');

    const outgoing = sent.loadedItems.find((n): n is FaxNode => n.kind === 'fax' && !!n.fax.to?.startsWith('+'))!;
    await vscode.commands.executeCommand('faxplus.addContact', { name: 'Law Office', faxNumbers: [outgoing.fax.to] });
    assert.match(rowText(env, 'sent', outgoing).label, /^Law Office — \+/);

    await vscode.commands.executeCommand('faxplus.saveAsContact', { number: received.fax.from, name: 'Twin' });
    assert.match(lastRefusal(), /already in your contacts/, 'a number already saved is not saved twice');

    const lists = operations().filter((o) => o === 'listFaxes').length;
    await vscode.commands.executeCommand('faxplus.deleteContact', { name: 'dr. chen' });
    assert.strictEqual(rowText(env, 'inbox', received).label, bare);
    assert.strictEqual(operations().filter((o) => o === 'listFaxes').length, lists, 'renaming rows fetched nothing');
  });

  it('Save as Contact on an Outbox item takes its destination, and does not save a known number twice', async () => {
    answer({ recipients: '+1 201 555 0177', options: (o) => ({ ...o, sendAt: new Date(Date.now() + 3_600_000) }) });
    await vscode.commands.executeCommand('faxplus.sendFax', workspaceFile('letter.txt'));
    const outbox = env.api.sidebar.providers.outbox;
    await outbox.refresh();
    const node = await eventually(async () => {
      const found = (await outbox.getChildren()).find((n): n is OutboxNode => n.kind === 'outbox');
      assert.ok(found, 'the fax is in the Outbox');
      return found;
    });
    assert.match(rowText(env, 'outbox', node).label, /^\+1 201 555 0177/);
    const id = await vscode.commands.executeCommand('faxplus.addContact', { name: 'Records Desk', faxNumbers: ['+1 201 555 0177'] });
    assert.match(rowText(env, 'outbox', node).label, /^Records Desk — \+1 201 555 0177/);
    // The tree item is what the context menu passes: its destination is read from it, and a known
    // number is reported rather than asked about (input boxes cannot be typed into from a test).
    assert.strictEqual(await vscode.commands.executeCommand('faxplus.saveAsContact', node), id);
    assert.strictEqual(env.api.contacts.all().length, 1, 'not saved twice');
  });

  it('the recipients step offers contacts by name and the summary names them', async () => {
    await vscode.commands.executeCommand('faxplus.addContact', {
      name: 'Dr. Chen',
      faxNumbers: ['+1 617 555 0199'],
      organisation: 'Harbor Clinic',
    });
    const prompter = answer({ recipients: 'dr. chen', cancelAtSummary: true });
    await vscode.commands.executeCommand('faxplus.sendFax', workspaceFile('letter.txt'));
    const question = prompter.recipientsQuestion!;
    assert.deepStrictEqual(
      question.contacts?.('chn').map((c) => c.name),
      ['Dr. Chen'],
      'fuzzy: "chn" finds Dr. Chen',
    );
    assert.deepStrictEqual(
      question.check('+44 20 7946 0958, Dr. Chen'),
      { ok: true, recipients: ['+442079460958', '+16175550199'] },
      'any number is still accepted next to names',
    );
    assert.match(prompter.summary.join('\n'), /^To Dr\. Chen — \+1 617 555 0199$/m);
    assert.ok(!operations().includes('sendFax'), 'cancelled at the summary: nothing sent');
  });

  it('the argument object accepts a contact name in "to"; an unknown or ambiguous name is refused before any upload', async () => {
    await vscode.commands.executeCommand('faxplus.addContact', { name: 'Dr. Chen', faxNumbers: ['+16175550199'] });
    await vscode.commands.executeCommand('faxplus.addContact', { name: 'Reception', faxNumbers: ['+16175550100', '+16175550101'] });
    restore = env.api.sendUi.usePrompter(new SilentPrompter());
    const files = [workspaceFile('letter.txt').toString()];
    const from = env.emulator.state.numbers().find((n) => n.status === 'active')!.number;

    const ids = await vscode.commands.executeCommand('faxplus.sendFax', { files, to: ['Dr. Chen'], from, confirm: false });
    assert.deepStrictEqual(Object.keys(ids as object), ['+16175550199']);
    const body = env.emulator.requests.find((r) => r.operationId === 'sendFax')?.bodyJson as { to: string[] };
    assert.deepStrictEqual(body.to, ['+16175550199']);

    env.emulator.clearRequests();
    assert.strictEqual(
      await vscode.commands.executeCommand('faxplus.sendFax', { files, to: ['Reception'], from, confirm: false }),
      undefined,
    );
    assert.match(lastRefusal(), /"Reception" has 2 fax numbers \(\+16175550100, \+16175550101\)\. Write the one to use\./);
    assert.strictEqual(
      await vscode.commands.executeCommand('faxplus.sendFax', { files, to: ['Dr Chan'], from, confirm: false }),
      undefined,
    );
    assert.match(lastRefusal(), /no contact has this name, and it is not a fax number/);
    assert.deepStrictEqual(
      operations().filter((o) => o === 'uploadFile' || o === 'sendFax'),
      [],
      'nothing was uploaded or sent',
    );
  });

  it('imports vCard and CSV files and exports them again', async () => {
    const vcf = path.join(folder, 'clinic.vcf');
    await fs.writeFile(
      vcf,
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Dr. Chen',
        'ORG:Harbor Clinic',
        'TEL;TYPE=WORK,VOICE:+1 617 555 0000',
        'TEL;TYPE=WORK,FAX:+1 617 555 0199',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:No Number',
        'END:VCARD',
      ].join('\r\n'),
    );
    const imported = await vscode.commands.executeCommand<{ added: number; skipped: string[] }>('faxplus.importContacts', {
      uri: vscode.Uri.file(vcf).toString(),
    });
    assert.strictEqual(imported.added, 1);
    assert.strictEqual(imported.skipped.length, 1, 'a card without a number is skipped and reported');
    assert.deepStrictEqual(env.api.contacts.named('Dr. Chen')[0].faxNumbers, ['+16175550199'], 'the FAX line wins over the voice line');

    const csv = path.join(folder, 'out.csv');
    assert.strictEqual(await vscode.commands.executeCommand('faxplus.exportContacts', { uri: vscode.Uri.file(csv).toString() }), 1);
    assert.match(await fs.readFile(csv, 'utf8'), /^Name,Organisation,Fax,Note\r\nDr\. Chen,Harbor Clinic,\+16175550199,\r\n$/);
    await emptyAddressBook(env);
    await vscode.commands.executeCommand('faxplus.importContacts', { uri: vscode.Uri.file(csv).toString() });
    assert.deepStrictEqual(
      env.api.contacts.all().map((c) => [c.name, c.organisation, c.faxNumbers]),
      [['Dr. Chen', 'Harbor Clinic', ['+16175550199']]],
    );

    await vscode.commands.executeCommand('faxplus.importContacts', { uri: vscode.Uri.file(path.join(folder, 'notes.txt')).toString() });
    assert.match(lastRefusal(), /neither a vCard \(\.vcf\) nor a CSV/);
  });

  it('edits a contact by argument and refuses a bad number with the reason, keeping the contact', async () => {
    await vscode.commands.executeCommand('faxplus.addContact', { name: 'Dr. Chen', faxNumbers: ['+16175550199'] });
    await vscode.commands.executeCommand('faxplus.editContact', { name: 'Dr. Chen', faxNumbers: ['12'] });
    assert.match(lastRefusal(), /"12" is not a fax number/);
    assert.deepStrictEqual(env.api.contacts.named('Dr. Chen')[0].faxNumbers, ['+16175550199']);
    await vscode.commands.executeCommand('faxplus.editContact', { name: 'Dr. Chen', newName: 'Dr. Li Chen', note: 'cardiology' });
    assert.strictEqual(env.api.contacts.named('Dr. Li Chen')[0].note, 'cardiology');
  });

  it('files dropped on the Outbox start Send as Fax with every usual question, and nothing is sent without the summary', async () => {
    const prompter = answer({ recipients: '+1 201 555 0123', cancelAtSummary: true });
    const transfer = new vscode.DataTransfer();
    transfer.set(
      'text/uri-list',
      new vscode.DataTransferItem(
        `${workspaceFile('letter.txt').toString()}\r\n# a comment\r\n${workspaceFile('invoice.pdf').toString()}\r\n`,
      ),
    );
    const drop = env.api.sidebar.outboxDrop;
    assert.deepStrictEqual(drop.dropMimeTypes, ['text/uri-list']);
    await drop.handleDrop(undefined, transfer, new vscode.CancellationTokenSource().token);
    await eventually(() => assert.ok(prompter.asked.includes('confirm'), `asked so far: ${prompter.asked.join(', ')}`), 20_000);
    // letter.txt is laid out by the renderer, so its preview comes first.
    assert.deepStrictEqual(prompter.asked, ['preview', 'recipients', 'sender', 'options', 'confirm']);
    assert.match(prompter.summary[0], /^2 files/);
    assert.ok(
      !operations().includes('uploadFile') && !operations().includes('sendFax'),
      'cancelled at the summary: nothing uploaded or sent',
    );
  });
});
