import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { startEmulator, type Emulator } from '../emulator';
import { adminNumber, scratchFolder } from './support/actionFixtures';
import { eventually, forgetSentFaxes, pointApiAt, signInWith, signOut, testEnvironment, type TestEnvironment } from './support/environment';
import { Notices } from './support/notices';
import { SilentPrompter } from './support/scriptedPrompter';
import type { FaxNode, TreeNode, ViewName } from '../../src/views/treeNodes';

/**
 * What a person sees when Fax.Plus misbehaves: no crash, one clear message
 * (an error node in a tree, one refusal for a command, one sign-in prompt for
 * a 401), never a duplicate fax or a half-written file, and views that come
 * back by themselves once the fault is over.
 */

const RECIPIENT = '+12015550177';

function setting(key: string, value: unknown): Thenable<void> {
  return vscode.workspace.getConfiguration('faxplus').update(key, value, vscode.ConfigurationTarget.Global);
}

const kinds = (nodes: readonly TreeNode[]) => nodes.map((n) => n.kind);
const isListing = (nodes: readonly TreeNode[]) => nodes.length > 0 && nodes.every((n) => n.kind === 'fax' || n.kind === 'loadMore');
const errorText = (nodes: readonly TreeNode[]) =>
  nodes[0]?.kind === 'error' ? nodes[0].message : `not an error node: ${kinds(nodes).join(',')}`;

describe('Faults: Fax.Plus misbehaving under a real session', function () {
  this.timeout(60_000);
  let env: TestEnvironment;
  let notices: Notices;
  let mark: number;
  let promptMark: number;
  let restore: vscode.Disposable[] = [];

  /**
   * A fresh look at a view, as after sign-in: forget what is loaded and load
   * again. The Inbox first shows the copy kept at its last load; what these
   * tests judge is what the server's answer (or its failure) makes of it.
   */
  async function load(view: ViewName): Promise<TreeNode[]> {
    const provider = env.api.sidebar.provider(view);
    provider.reset();
    const nodes = await provider.getChildren();
    if (!provider.showsStoredCopy) return nodes;
    await eventually(() => assert.ok(!provider.showsStoredCopy, 'the server answered'), 30_000);
    return provider.getChildren();
  }
  const requests = (operationId: string, category?: string) =>
    env.emulator.requests.filter(
      (r) => r.operationId === operationId && (category === undefined || (r.query.category ?? 'inbox') === category),
    );
  const newRefusals = () => notices.refusalsSince(mark);
  const newPrompts = () => notices.signInPromptsSince(promptMark).length;
  const told = () => notices.last();
  const send = (file: string) =>
    vscode.commands.executeCommand<Record<string, string> | undefined>('faxplus.sendFax', {
      files: [vscode.Uri.file(file).toString()],
      to: [RECIPIENT],
      from: adminNumber(env.emulator),
      confirm: false,
    });
  const faxesTo = (destination: string) => env.emulator.state.outbox().filter((r) => (r.to as string[]).includes(destination));

  before(async () => {
    env = await testEnvironment();
    notices = new Notices(env.api);
    env.emulator.reset({ keepTokens: true });
    await vscode.commands.executeCommand('faxplus.inbox.focus');
  });

  afterEach(() => forgetSentFaxes());

  beforeEach(async () => {
    env.emulator.faults.clear();
    if (env.api.session.facts?.tokenName !== 'Demo full access') {
      await signInWith(env.emulator.demoTokens.fullAccess);
    }
    await vscode.commands.executeCommand('faxplus.inbox.focus');
    await eventually(() => assert.ok(env.api.sidebar.views.inbox.visible));
    // The visible Inbox settles first, so a fault meant for the test is not taken by its reload.
    await env.api.sidebar.refresh('inbox');
    env.emulator.clearRequests();
    mark = notices.mark();
    promptMark = notices.mark();
    restore.push(env.api.sendUi.usePrompter(new SilentPrompter()));
  });

  afterEach(async () => {
    env.emulator.faults.clear();
    restore.forEach((d) => d.dispose());
    restore = [];
    await setting('pollingEnabled', false);
    await setting('polling.inboxSeconds', undefined);
  });

  after(async () => {
    env.emulator.faults.clear();
    await signOut();
    env.emulator.reset({ keepTokens: true });
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  describe('429 Too Many Requests', () => {
    it('waits as Retry-After says and loads: the person sees the faxes, not an error', async () => {
      env.emulator.faults.add({ operationId: 'listFaxes', kind: 'rateLimit', retryAfterSeconds: 1 });
      const nodes = await load('inbox');
      assert.ok(isListing(nodes), kinds(nodes).join(','));
      assert.deepStrictEqual(
        requests('listFaxes', 'inbox').map((r) => r.status),
        [429, 200],
        'asked again once, after the wait',
      );
      assert.strictEqual(env.api.sidebar.provider('inbox').lastFailure, undefined);
      assert.deepStrictEqual(newRefusals(), []);
    });

    it('keeps being refused: three attempts at most, one error node saying when to retry, then recovers', async () => {
      env.emulator.faults.add({ operationId: 'listFaxes', kind: 'rateLimit', retryAfterSeconds: 1, times: Infinity });
      const nodes = await load('inbox');
      assert.deepStrictEqual(kinds(nodes), ['error'], 'one node, not a list of errors');
      assert.match(errorText(nodes), /asks to slow down\. Try again in 1 seconds/);
      assert.strictEqual(requests('listFaxes', 'inbox').length, 3, 'bounded retries');

      env.emulator.faults.clear();
      await env.api.sidebar.refresh('inbox');
      assert.ok(isListing(await env.api.sidebar.provider('inbox').getChildren()), 'the faxes are back');
      assert.deepStrictEqual(newRefusals(), [], 'a tree never raises a notification');
    });

    it('does not sit out a Retry-After longer than half a minute: asks once and says how long to wait', async () => {
      env.emulator.faults.add({ operationId: 'listFaxes', kind: 'rateLimit', retryAfterSeconds: 120, times: Infinity });
      const nodes = await load('sent');
      assert.match(errorText(nodes), /Try again in 120 seconds/);
      assert.strictEqual(requests('listFaxes', 'sent').length, 1);
    });

    it('a command refused with 429 says so once and changes nothing', async () => {
      const fax = env.emulator.state.faxes('inbox').find((f) => !f.is_read);
      assert.ok(fax);
      env.emulator.faults.add({ operationId: 'updateFax', kind: 'rateLimit', retryAfterSeconds: 1, times: Infinity });
      assert.strictEqual(await vscode.commands.executeCommand('faxplus.markRead', { faxId: fax.id, category: 'inbox' }), undefined);
      assert.strictEqual(newRefusals().length, 1, newRefusals().join(' | '));
      assert.match(newRefusals()[0], /slow down/);
      assert.strictEqual(env.emulator.state.fax(fax.id)?.is_read, false);
    });
  });

  describe('500 Internal Server Error', () => {
    it('every list failing at once gives one error node per view and no notification; polling brings the Inbox back', async () => {
      for (const operationId of ['listFaxes', 'listNumbers', 'listOutboxFaxes']) {
        env.emulator.faults.add({ operationId, kind: 'status', status: 500, times: Infinity });
      }
      for (const view of ['inbox', 'sent', 'numbers', 'outbox'] as const) {
        const nodes = await load(view);
        assert.deepStrictEqual(kinds(nodes), ['error'], view);
        assert.match(errorText(nodes), /Fax\.Plus had a problem answering \(HTTP 500\)/, view);
      }
      assert.strictEqual(env.api.session.state.status, 'signedIn', 'a server error is not a sign-out');
      assert.strictEqual(newPrompts(), 0);
      assert.deepStrictEqual(newRefusals(), []);

      // The fault lasts through at least one poll, then ends: the Inbox recovers with nobody clicking.
      await setting('polling.inboxSeconds', 1);
      await setting('pollingEnabled', true);
      const failedBefore = requests('listFaxes', 'inbox').length;
      await eventually(() => assert.ok(requests('listFaxes', 'inbox').length >= failedBefore + 3, 'a poll failed too'), 15_000);
      env.emulator.faults.clear();
      await eventually(async () => {
        assert.strictEqual(env.api.sidebar.provider('inbox').lastFailure, undefined);
        assert.ok(isListing(await env.api.sidebar.provider('inbox').getChildren()));
      }, 20_000);
      await setting('pollingEnabled', false);

      // A view that is not polled shows its items again at the next look. (Not focused here: expanding a
      // collapsed view would change the layout later suites start from.)
      const numbers = await load('numbers');
      assert.ok(numbers.length > 0 && numbers.every((n) => n.kind === 'number'), kinds(numbers).join(','));
      assert.deepStrictEqual(newRefusals(), [], 'still no notification');
    });

    it('a 500 on an edit is not repeated, is told once, and changes nothing', async () => {
      const fax = env.emulator.state.faxes('inbox').find((f) => !f.is_read);
      assert.ok(fax);
      env.emulator.faults.add({ operationId: 'updateFax', kind: 'status', status: 500, times: Infinity });
      await vscode.commands.executeCommand('faxplus.markRead', { faxId: fax.id, category: 'inbox' });
      assert.strictEqual(requests('updateFax').length, 1, 'PUT is not retried on 500');
      assert.strictEqual(newRefusals().length, 1);
      assert.match(newRefusals()[0], /HTTP 500/);
      assert.strictEqual(env.emulator.state.fax(fax.id)?.is_read, false);
    });
  });

  it('a response slower than the 30 s timeout is asked for again; the list loads without an error', async function () {
    this.timeout(120_000);
    // Only the Spam list: the Inbox may be loading beside it and must not take the fault.
    env.emulator.faults.add({ operationId: 'listFaxes', query: { category: 'spam' }, kind: 'latency', ms: 32_000 });
    const nodes = await load('spam');
    assert.ok(isListing(nodes), kinds(nodes).join(','));
    assert.strictEqual(requests('listFaxes', 'spam').length, 2, 'the slow answer was abandoned and the list asked for again');
    assert.strictEqual(env.api.sidebar.provider('spam').lastFailure, undefined);
    assert.deepStrictEqual(newRefusals(), []);
  });

  describe('connection resets', () => {
    it('mid-upload: the send stops, says no fax was created, leaves nothing on Fax.Plus; sending again creates exactly one', async () => {
      env.emulator.reset({ keepTokens: true });
      const dir = scratchFolder('reset-upload-');
      const file = path.join(dir, 'scan.pdf');
      const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(600 * 1024, 7), Buffer.from('\n%%EOF\n')]);
      fs.writeFileSync(file, bytes);
      env.emulator.faults.add({ operationId: 'uploadFile', kind: 'reset', afterBytes: 64 * 1024 });

      assert.strictEqual(await send(file), undefined);
      assert.match(told(), /^Uploading scan\.pdf failed: Fax\.Plus could not be reached.*No fax was created\./);
      assert.strictEqual(requests('uploadFile').length, 1, 'an upload that may have reached the server is not repeated');
      assert.strictEqual(requests('sendFax').length, 0);
      assert.deepStrictEqual(env.emulator.state.files(), []);
      assert.deepStrictEqual(faxesTo(RECIPIENT), []);

      const ids = await send(file);
      assert.ok(ids?.[RECIPIENT], 'the second attempt sends');
      assert.strictEqual(faxesTo(RECIPIENT).length, 1, 'exactly one fax');
      const uploaded = env.emulator.state.files();
      assert.strictEqual(uploaded.length, 1);
      assert.ok(uploaded[0].content?.equals(bytes), 'the whole file arrived');
    });

    it('mid-download once: the document is fetched again and saved whole, with no partial file beside it', async () => {
      const fax = env.emulator.state.faxes('inbox')[3];
      const clean = path.join(scratchFolder('download-clean-'), 'fax.pdf');
      await vscode.commands.executeCommand('faxplus.downloadFax', { faxId: fax.id, format: 'pdf', destination: clean });
      const folder = scratchFolder('download-reset-');
      const destination = path.join(folder, 'fax.pdf');
      env.emulator.faults.add({ operationId: 'getFile', kind: 'reset', midBody: true });
      env.emulator.clearRequests();

      assert.strictEqual(
        await vscode.commands.executeCommand('faxplus.downloadFax', { faxId: fax.id, format: 'pdf', destination }),
        destination,
      );
      assert.strictEqual(requests('getFile').length, 2);
      assert.ok(fs.readFileSync(destination).equals(fs.readFileSync(clean)), 'the same bytes as an undisturbed download');
      assert.deepStrictEqual(fs.readdirSync(folder), ['fax.pdf'], 'no temporary or partial file');
      assert.deepStrictEqual(newRefusals(), []);
    });

    it('on every attempt of a list: one error node; the next refresh brings the faxes back', async () => {
      env.emulator.faults.add({ operationId: 'listFaxes', kind: 'reset', times: Infinity });
      const nodes = await load('inbox');
      assert.deepStrictEqual(kinds(nodes), ['error']);
      assert.match(errorText(nodes), /could not be reached/);
      env.emulator.faults.clear();
      await env.api.sidebar.refresh('inbox');
      assert.ok(isListing(await env.api.sidebar.provider('inbox').getChildren()));
    });
  });

  it('malformed JSON: one error node and one refusal saying the answer was unexpected; both recover', async () => {
    env.emulator.faults.add({ operationId: 'listFaxes', kind: 'malformedJson' });
    const nodes = await load('inbox');
    assert.deepStrictEqual(kinds(nodes), ['error']);
    assert.match(errorText(nodes), /answered with something unexpected/);
    assert.strictEqual(requests('listFaxes', 'inbox').length, 1, 'a broken answer is not a transient error');

    env.emulator.faults.add({ operationId: 'getBalance', kind: 'malformedJson' });
    assert.strictEqual(await vscode.commands.executeCommand('faxplus.showBalance'), undefined);
    assert.strictEqual(newRefusals().length, 1);
    assert.match(newRefusals()[0], /something unexpected/);

    await env.api.sidebar.refresh('inbox');
    assert.ok(isListing(await env.api.sidebar.provider('inbox').getChildren()));
    const balance = await vscode.commands.executeCommand<{ balance: number }>('faxplus.showBalance');
    assert.strictEqual(balance?.balance, env.emulator.state.balance().balance);
  });

  it('401 in the middle of a session (the token expires): lists and a command fail together, one prompt, no error node', async () => {
    await signInWith(env.emulator.issuePat({ scopes: ['fax:all:edit'], name: 'Expires mid-session' }));
    assert.ok(isListing(await load('inbox')));
    env.emulator.faults.add({ operationId: 'listFaxes', kind: 'expireToken' });
    promptMark = notices.mark();

    await Promise.all([
      env.api.sidebar.refresh('inbox'),
      load('sent'),
      load('numbers'),
      vscode.commands.executeCommand('faxplus.showBalance'),
    ]);
    assert.strictEqual(newPrompts(), 1, 'one prompt for the whole burst');
    assert.strictEqual(env.api.session.state.status, 'signedOut');
    for (const message of notices.refusalsSince(promptMark)) {
      assert.match(message, /no longer accepts your token/, 'no other message than the sign-in one');
    }
    for (const view of ['inbox', 'sent', 'numbers'] as const) {
      assert.deepStrictEqual(
        kinds(await env.api.sidebar.provider(view).getChildren()),
        [],
        `${view}: empty (the welcome view explains), not an error`,
      );
    }

    // The open prompt would keep later prompts from showing.
    await vscode.commands.executeCommand('notifications.clearAll');
    await signInWith(env.emulator.demoTokens.fullAccess);
    assert.ok(isListing(await env.api.sidebar.provider('inbox').getChildren()), 'signing in again brings the faxes back');
  });

  it('403 in the middle of a session: names the scopes, keeps the token, no sign-in prompt; recovers', async () => {
    const description = "The token's scopes do not permit listFaxes";
    env.emulator.faults.add({
      operationId: 'listFaxes',
      kind: 'status',
      status: 403,
      body: { error: 'insufficient_scope', description },
      times: Infinity,
    });
    const nodes = await load('inbox');
    assert.deepStrictEqual(kinds(nodes), ['error']);
    assert.match(
      errorText(nodes),
      /your token needs fax:fax:read or fax:all:read\. Fax\.Plus says: "The token's scopes do not permit listFaxes"/,
    );
    assert.strictEqual(requests('listFaxes', 'inbox').length, 1, '403 is not retried');

    const fax = env.emulator.state.faxes('spam')[0];
    env.emulator.faults.add({
      operationId: 'deleteFax',
      kind: 'status',
      status: 403,
      body: { error: 'insufficient_scope', description: 'no' },
    });
    assert.strictEqual(
      await vscode.commands.executeCommand('faxplus.deleteFax', { faxId: fax.id, category: 'spam', confirm: false }),
      undefined,
    );
    assert.strictEqual(newRefusals().length, 1);
    assert.match(newRefusals()[0], /fax:fax:edit or fax:all:edit/);
    assert.ok(env.emulator.state.fax(fax.id), 'nothing deleted');

    assert.strictEqual(env.api.session.state.status, 'signedIn', 'the token is kept');
    assert.strictEqual((await env.api.session.getCredential())?.token, env.emulator.demoTokens.fullAccess);
    assert.strictEqual(newPrompts(), 0);

    env.emulator.faults.clear();
    await env.api.sidebar.refresh('inbox');
    assert.ok(isListing(await env.api.sidebar.provider('inbox').getChildren()));
  });

  it('Fax.Plus restarts mid-session, mid-request, losing its state: views show what it has now, sending creates one fax', async () => {
    assert.ok(isListing(await load('inbox')));
    const arrived = env.emulator.receiveFax({ pages: 1 });
    await env.api.sidebar.refresh('inbox');
    const before = (await env.api.sidebar.provider('inbox').getChildren())
      .filter((n): n is FaxNode => n.kind === 'fax')
      .map((n) => n.fax.id);
    assert.ok(before.includes(arrived.id));

    // A load is on the wire when the server goes away; the restarted server has no faults and no new fax.
    env.emulator.clearRequests();
    env.emulator.faults.add({ operationId: 'listFaxes', kind: 'latency', ms: 3000 });
    const loading = env.api.sidebar.refresh('inbox');
    await eventually(() => assert.strictEqual(requests('listFaxes', 'inbox').length, 1));
    await env.emulator.restart();
    await loading;

    const after = await env.api.sidebar.provider('inbox').getChildren();
    assert.ok(isListing(after), kinds(after).join(','));
    const ids = after.filter((n): n is FaxNode => n.kind === 'fax').map((n) => n.fax.id);
    assert.ok(!ids.includes(arrived.id), 'the fax the old server had is gone');
    assert.deepStrictEqual(
      ids,
      env.emulator.state
        .faxes('inbox')
        .slice(0, ids.length)
        .map((f) => f.id),
      'exactly what the server has now',
    );
    assert.strictEqual(env.api.session.state.status, 'signedIn');
    assert.strictEqual(newPrompts(), 0);

    const dir = scratchFolder('after-restart-');
    const file = path.join(dir, 'note.pdf');
    fs.writeFileSync(file, '%PDF-1.4\n% after restart\n%%EOF\n');
    const sent = await send(file);
    assert.ok(sent?.[RECIPIENT]);
    assert.strictEqual(faxesTo(RECIPIENT).length, 1, 'exactly one fax');
    assert.strictEqual(requests('sendFax').length, 1);
  });
});

describe('Faults: a 10,000-fax account (dedicated emulator)', function () {
  this.timeout(180_000);
  let env: TestEnvironment;
  let big: Emulator;
  let savedBaseUrl: string | undefined;

  before(async () => {
    env = await testEnvironment();
    await signOut();
    big = await startEmulator({ seedFaxes: 10_000 });
    savedBaseUrl = process.env.FAXPLUS_API_BASE_URL;
    await pointApiAt(big.apiUrl, 'https://big.example.invalid/v3');
    // The Inbox stays hidden: loading does not depend on VS Code drawing 10,000 rows.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
  });

  after(async () => {
    await signOut();
    await setting('pageSize', undefined);
    await pointApiAt(savedBaseUrl, undefined);
    await big?.stop();
  });

  it('pages through all 10,000 faxes with "Load more…", each exactly once, a page per request', async () => {
    await signInWith(big.demoTokens.fullAccess);
    assert.ok(
      big.requests.some((r) => r.operationId === 'getTokenInfo'),
      'the extension talks to the big emulator',
    );
    await setting('pageSize', 1000);
    big.clearRequests();
    const provider = env.api.sidebar.provider('inbox');
    provider.reset();
    let nodes = await provider.getChildren();
    for (let i = 0; i < 30 && nodes.at(-1)?.kind === 'loadMore'; i++) {
      await vscode.commands.executeCommand('faxplus.loadMore', { view: 'inbox' });
      nodes = await provider.getChildren();
    }
    assert.strictEqual(nodes.at(-1)?.kind, 'fax', 'Load more is gone at the end');
    assert.ok(
      nodes.every((n) => n.kind === 'fax'),
      'no error node',
    );
    const ids = nodes.map((n) => (n as FaxNode).fax.id);
    const expected = big.state.faxes('inbox').map((f) => f.id);
    assert.strictEqual(expected.length, 10_000);
    assert.strictEqual(new Set(ids).size, ids.length, 'no fax twice');
    assert.deepStrictEqual([...ids].sort(), [...expected].sort(), 'every fax');
    const pages = big.requests.filter((r) => r.operationId === 'listFaxes');
    assert.ok(pages.every((r) => r.query.limit === '1000' && r.status === 200));
    assert.ok(pages.length >= 10 && pages.length <= 12, `${pages.length} requests for 10 pages`);
  });
});
