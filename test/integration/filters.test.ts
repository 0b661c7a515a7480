import * as assert from 'assert';
import * as vscode from 'vscode';
import { startEmulator, type Emulator } from '../emulator';
import { pointApiAt, signInWith, signOut, testEnvironment, type TestEnvironment } from './support/environment';
import { Notices } from './support/notices';
import type { FaxNode } from '../../src/views/treeNodes';

function setting(key: string, value: unknown): Thenable<void> {
  return vscode.workspace.getConfiguration('faxplus').update(key, value, vscode.ConfigurationTarget.Global);
}

/** "2026-11-25 09:30:00" (UTC, as the API writes it) → the local day YYYY-MM-DD. */
function localDayOf(apiTime: string): string {
  const d = new Date(`${apiTime.replace(' ', 'T')}Z`);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

describe('Find faxes: filters over 10,000 seeded faxes (dedicated emulator)', function () {
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
    await signInWith(big.demoTokens.fullAccess);
    await setting('pageSize', 1000);
    // The views stay hidden: filtering does not depend on VS Code drawing 10,000 rows, and nothing polls.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
  });

  after(async () => {
    await vscode.commands.executeCommand('faxplus.clearInboxFilter');
    await vscode.commands.executeCommand('faxplus.clearSentFilter');
    await env.api.contacts.load();
    for (const contact of [...env.api.contacts.all()]) await env.api.contacts.remove(contact.id);
    await signOut();
    await setting('pageSize', undefined);
    await pointApiAt(savedBaseUrl, undefined);
    await big?.stop();
  });

  it('finds one fax among 10,000 loaded by contact, shows the filter in the view and clears it in one click', async () => {
    const provider = env.api.sidebar.providers.inbox;
    provider.reset();
    let nodes = await provider.getChildren();
    for (let i = 0; i < 30 && nodes.at(-1)?.kind === 'loadMore'; i++) {
      await vscode.commands.executeCommand('faxplus.loadMore', { view: 'inbox' });
      nodes = await provider.getChildren();
    }
    assert.strictEqual(provider.loadedItems.length, 10_000, 'all 10,000 faxes are loaded');

    // The one fax whose sender no other fax shares.
    const records = big.state.faxes('inbox');
    const senderOf = (r: (typeof records)[number]) => r.from ?? r.from_number ?? '';
    const counts = new Map<string, number>();
    records.forEach((r) => counts.set(senderOf(r), (counts.get(senderOf(r)) ?? 0) + 1));
    const target = records.find((r) => senderOf(r).startsWith('+') && counts.get(senderOf(r)) === 1);
    assert.ok(target, 'the seed has a sender who faxed once');
    await vscode.commands.executeCommand('faxplus.addContact', { name: 'Dr. Chen', faxNumbers: [senderOf(target!)] });

    big.clearRequests();
    await vscode.commands.executeCommand('faxplus.filterInbox', { contact: 'dr. chen' });
    const shown = (await provider.getChildren()).filter((n): n is FaxNode => n.kind === 'fax');
    assert.deepStrictEqual(
      shown.map((n) => n.fax.id),
      [target!.id],
      'exactly the one fax',
    );
    assert.match(String(provider.getTreeItem(shown[0]).label), /^Dr\. Chen — /);
    assert.strictEqual(env.api.sidebar.views.inbox.description, 'Filter: Dr. Chen');
    assert.deepStrictEqual(
      big.requests.filter((r) => r.operationId === 'listFaxes'),
      [],
      'a contact filter works over what is loaded: no request',
    );

    await vscode.commands.executeCommand('faxplus.clearInboxFilter');
    assert.strictEqual(env.api.sidebar.views.inbox.description, undefined);
    assert.strictEqual((await provider.getChildren()).filter((n) => n.kind === 'fax').length, 10_000, 'cleared: every fax again');
  });

  it('combines unread and status over loaded faxes, and says so when none matches', async () => {
    const provider = env.api.sidebar.providers.inbox;
    const loaded = provider.loadedItems.filter((n): n is FaxNode => n.kind === 'fax');
    const status = loaded[0].fax.status;
    await vscode.commands.executeCommand('faxplus.filterInbox', { unread: true, status });
    const shown = provider.shownFaxes;
    assert.ok(shown.length > 0 && shown.length < loaded.length);
    assert.ok(shown.every((f) => f.isRead === false && f.status === status));
    assert.strictEqual(shown.length, loaded.filter((n) => n.fax.isRead === false && n.fax.status === status).length);
    assert.strictEqual(env.api.sidebar.views.inbox.description, `Filter: ${status} · unread`);

    await vscode.commands.executeCommand('faxplus.filterInbox', { number: '000000000000' });
    const nodes = await provider.getChildren();
    assert.ok(
      nodes.some((n) => n.kind === 'empty' && /No (loaded )?fax matches the filter/.test(n.message)),
      'an empty result says why',
    );
    await vscode.commands.executeCommand('faxplus.clearInboxFilter');
  });

  it("a date range becomes the API date window of Sent and finds that day's faxes", async () => {
    const provider = env.api.sidebar.providers.sent;
    const records = big.state.faxes('sent');
    const day = localDayOf(records[Math.floor(records.length / 2)].start_time);
    const expected = records
      .filter((r) => localDayOf(r.start_time) === day)
      .map((r) => r.id)
      .sort();
    big.clearRequests();
    await vscode.commands.executeCommand('faxplus.filterSent', { since: day, until: day });
    let nodes = await provider.getChildren();
    for (let i = 0; i < 30 && nodes.at(-1)?.kind === 'loadMore'; i++) {
      await vscode.commands.executeCommand('faxplus.loadMore', { view: 'sent' });
      nodes = await provider.getChildren();
    }
    assert.deepStrictEqual(provider.shownFaxes.map((f) => f.id).sort(), expected);
    const pages = big.requests.filter((r) => r.operationId === 'listFaxes' && r.query.category === 'sent');
    assert.ok(pages.length > 0 && pages.length <= 4, `${pages.length} requests: only the window is paged, not 10,000 faxes`);
    assert.ok(pages[0].query.after && pages[0].query.before, 'the first request asks for the window');
    assert.match(env.api.sidebar.views.sent.description ?? '', new RegExp(`^Filter: ${day} – ${day}$`));

    await vscode.commands.executeCommand('faxplus.filterSent', { since: '2026-02-30' });
    assert.match(new Notices(env.api).lastRefusal(), /"since" must be a day written YYYY-MM-DD/);
    await vscode.commands.executeCommand('faxplus.clearSentFilter');
  });
});
