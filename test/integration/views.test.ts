import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  emulatorAnsweredAll,
  eventually,
  forgetSentFaxes,
  signInWith,
  signOut,
  testEnvironment,
  type TestEnvironment,
} from './support/environment';
import { Notices } from './support/notices';
import type { SectionTreeProvider } from '../../src/views/sectionTreeProvider';
import type { FaxNode, TreeNode, ViewName } from '../../src/views/treeNodes';
import { KNOWN_FAX_STATUSES } from '../../src/views/faxStatusOutcome';
import { knownFaxStatusMeaning } from '../../src/views/faxStatusMeaning';

/** What a person sees in a view: each row's label, description, icon, tooltip text and context value. */
interface Row {
  readonly node: TreeNode;
  readonly label: string;
  readonly description: string;
  readonly icon: string | undefined;
  readonly iconColor: string | undefined;
  readonly tooltip: string;
  readonly contextValue: string | undefined;
  readonly command: vscode.Command | undefined;
}

function rowsOf(provider: SectionTreeProvider, nodes: readonly TreeNode[]): Row[] {
  return nodes.map((node) => {
    const item = provider.getTreeItem(node);
    const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath : undefined;
    // Markdown escapes removed: the text as rendered.
    const tooltip = (item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '')).replace(
      /\\(.)/g,
      '$1',
    );
    return {
      node,
      label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
      description: String(item.description ?? ''),
      icon: icon?.id,
      iconColor: (icon?.color as { id?: string } | undefined)?.id,
      tooltip,
      contextValue: item.contextValue,
      command: item.command,
    };
  });
}

function faxIds(rows: readonly Row[]): string[] {
  return rows.filter((r) => r.node.kind === 'fax').map((r) => (r.node as FaxNode).fax.id);
}

function setting(key: string, value: unknown): Thenable<void> {
  return vscode.workspace.getConfiguration('faxplus').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('Sidebar trees', function () {
  this.timeout(60_000);
  let env: TestEnvironment;

  async function rows(view: ViewName): Promise<Row[]> {
    const provider = env.api.sidebar.provider(view);
    return rowsOf(provider, await provider.getChildren());
  }

  function listFaxRequests(category = 'inbox') {
    return env.emulator.requests.filter((r) => r.operationId === 'listFaxes' && (r.query.category ?? 'inbox') === category);
  }

  before(async () => {
    env = await testEnvironment();
  });

  afterEach(() => forgetSentFaxes());

  beforeEach(async () => {
    await signOut();
    env.emulator.reset({ keepTokens: true });
    await setting('pageSize', undefined);
  });

  after(async () => {
    await setting('pageSize', undefined);
    await setting('pollingEnabled', false);
    await setting('polling.inboxSeconds', undefined);
    env.emulator.faults.clear();
    await signOut();
  });

  it('pages the inbox with "Load more…", loading every fax exactly once', async () => {
    await setting('pageSize', 20);
    await signInWith(env.emulator.demoTokens.fullAccess);
    env.emulator.clearRequests();

    const first = await rows('inbox');
    assert.strictEqual(faxIds(first).length, 20, 'one page of 20');
    assert.strictEqual(first.at(-1)?.label, 'Load more…');
    assert.strictEqual(first.at(-1)?.command?.command, 'faxplus.loadMore');
    assert.strictEqual(listFaxRequests().length, 1, 'one request for the first page');
    assert.strictEqual(listFaxRequests()[0].query.limit, '20');

    await vscode.commands.executeCommand('faxplus.loadMore', { view: 'inbox' });
    const second = await rows('inbox');
    assert.deepStrictEqual(faxIds(second).slice(0, 20), faxIds(first), 'Load more appends below what was shown');
    assert.ok(faxIds(second).length > 20);

    let current = second;
    for (let i = 0; i < 20 && current.at(-1)?.node.kind === 'loadMore'; i++) {
      await vscode.commands.executeCommand(current.at(-1)!.command!.command, ...(current.at(-1)!.command!.arguments ?? []));
      current = await rows('inbox');
    }
    assert.notStrictEqual(current.at(-1)?.node.kind, 'loadMore', 'Load more disappears at the end');
    const ids = faxIds(current);
    assert.strictEqual(new Set(ids).size, ids.length, 'no fax twice');
    const expected = env.emulator.state.faxes('inbox').map((f) => f.id);
    assert.deepStrictEqual([...ids].sort(), [...expected].sort(), 'every inbox fax');
  });

  it('shows who, when and pages, marks unread faxes and counts them on the Inbox badge', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    const inbox = await rows('inbox');
    const records = env.emulator.state.faxes('inbox');
    const unreadRecord = records.find((f) => !f.is_read);
    const readRecord = records.find((f) => f.is_read && f.status === 'success');
    assert.ok(unreadRecord && readRecord, 'the seed has read and unread faxes');
    const unread = inbox.find((r) => (r.node as FaxNode).fax?.id === unreadRecord.id);
    const read = inbox.find((r) => (r.node as FaxNode).fax?.id === readRecord.id);
    assert.ok(unread && read, 'both are on the first page');
    assert.strictEqual(unread.icon, 'circle-filled');
    assert.match(unread.description, /unread/);
    assert.match(unread.contextValue ?? '', /^fax;category=inbox;status=[^;]+;outcome=\w+;unread$/);
    assert.strictEqual(read.icon, 'pass');
    assert.strictEqual(read.iconColor, 'testing.iconPassed');
    assert.match(read.description, /ago|yesterday|now/);
    assert.match(read.description, /\d+ p\./);
    const sender = String(readRecord.from ?? readRecord.from_number ?? '').replace(/\D/g, '');
    assert.strictEqual(read.label.replace(/\D/g, ''), sender, 'the sender number, formatted');
    assert.match(read.tooltip, /Received in full\./);
    assert.match(read.tooltip, /Received/);

    const unreadCount = inbox.filter((r) => r.contextValue?.endsWith(';unread')).length;
    assert.ok(unreadCount > 0);
    await eventually(() => assert.strictEqual(env.api.sidebar.views.inbox.badge?.value, unreadCount));
  });

  it('gives sent faxes a status icon and the meaning of a failure in the tooltip', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    const sent = await rows('sent');
    const byStatus = (status: string) => sent.find((r) => (r.node as FaxNode).fax?.status === status);
    const busy = byStatus('failed_user_busy');
    const ok = byStatus('success');
    assert.ok(busy && ok, 'the seed has both on the first page');
    assert.strictEqual(busy.icon, 'error');
    assert.strictEqual(busy.iconColor, 'errorForeground');
    assert.match(busy.tooltip, /The line was busy\./);
    assert.match(busy.contextValue ?? '', /^fax;category=sent;status=failed_user_busy;outcome=failure;read$/);
    assert.strictEqual(ok.icon, 'pass');
    const partial = byStatus('partially_sent');
    if (partial) {
      assert.strictEqual(partial.icon, 'warning');
    }
    for (const status of KNOWN_FAX_STATUSES) {
      assert.ok(knownFaxStatusMeaning(status), `${status} has a plain-words meaning`);
    }
  });

  it('follows a fax from the Outbox into Sent and announces how it ended (an unknown status stays neutral)', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    await vscode.commands.executeCommand('faxplus.outbox.focus');
    const client = env.api.clients.get();
    const letter = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'letter.txt');
    const file = await client.uploadFile(letter);
    const from = env.emulator.state.numbers()[0].number;
    const delivered = '+15550100001';
    const busy = '+15550100098';
    const flux = '+15550100097';
    const result = await client.sendFax({ from, to: [delivered, busy, flux], files: [file] });
    env.api.events.fireSent(result);

    await eventually(async () => {
      const outbox = await rows('outbox');
      assert.strictEqual(outbox.filter((r) => r.node.kind === 'outbox').length, 3);
      assert.ok(outbox.every((r) => /^outbox;status=\w+$/.test(r.contextValue ?? '')));
      assert.strictEqual(env.api.sidebar.views.outbox.description, '3 pending', 'the small Outbox says in its header what is waiting');
    });
    const shownBefore = new Notices(env.api).sidebar().length;

    env.emulator.clock.advance(60_000);
    await vscode.commands.executeCommand('faxplus.refreshOutbox');
    await eventually(async () => {
      const outbox = await rows('outbox');
      assert.strictEqual(outbox.filter((r) => r.node.kind === 'outbox').length, 0, 'the outbox is empty');
      assert.strictEqual(outbox[0].node.kind, 'empty');
      assert.strictEqual(env.api.sidebar.views.outbox.description, undefined, 'nothing pending, nothing in the header');
    });

    const notices = await eventually(() => {
      const shown = new Notices(env.api).sidebar().slice(shownBefore);
      assert.strictEqual(shown.length, 3, JSON.stringify(shown));
      return shown;
    });
    const about = (number: string) => notices.find((n) => n.message.replace(/\D/g, '').includes(number.replace(/\D/g, '')));
    assert.match(about(delivered)?.message ?? '', /was delivered/);
    assert.strictEqual(about(busy)?.severity, 'error');
    assert.match(about(busy)?.message ?? '', /failed: The line was busy\./);
    assert.deepStrictEqual(about(busy)?.actions, ['Resend']);
    assert.strictEqual(about(flux)?.severity, 'info', 'an unknown status is not shown as an error');
    assert.match(about(flux)?.message ?? '', /Status reported by Fax\.Plus: failed_quantum_flux/);

    // In Sent the faxes have new ids (as on the real service).
    const ids = Object.values(result.ids).map((id) => env.emulator.sentIdOf(id));
    assert.ok(
      ids.every((id, i) => id && id !== Object.values(result.ids)[i]),
      'new ids in Sent',
    );
    await eventually(async () => {
      const sent = await rows('sent');
      for (const id of ids) {
        assert.ok(faxIds(sent).includes(id!), `${id} is in Sent`);
      }
      const fluxRow = sent.find((r) => (r.node as FaxNode).fax?.id === env.emulator.sentIdOf(result.ids[flux]));
      assert.strictEqual(fluxRow?.icon, 'question', 'neutral icon for a status the spec does not know');
      assert.strictEqual(fluxRow?.iconColor, undefined);
      assert.match(fluxRow?.tooltip ?? '', /Status reported by Fax\.Plus: failed_quantum_flux/);
      assert.match(fluxRow?.contextValue ?? '', /;outcome=unknown;/);
    });
    assert.ok(
      env.emulator.requests.some((r) => r.operationId === 'listFaxes' && r.query.category === 'sent'),
      'the sent faxes were looked up',
    );
  });

  it('shows one node naming the missing scope, and asks Fax.Plus nothing, for a section the token cannot read', async () => {
    const token = env.emulator.issuePat({ scopes: ['fax:numbers:read'] });
    await signInWith(token);
    env.emulator.clearRequests();
    const inbox = await rows('inbox');
    assert.strictEqual(inbox.length, 1);
    assert.strictEqual(inbox[0].node.kind, 'missingScope');
    assert.match(inbox[0].label, /cannot read faxes — it needs fax:fax:read or fax:all:read/);
    assert.strictEqual(inbox[0].command?.command, 'faxplus.rotateToken');
    assert.strictEqual(inbox[0].contextValue, 'message;kind=missingScope;view=inbox');
    const outbox = await rows('outbox');
    assert.strictEqual(outbox[0].node.kind, 'missingScope');
    await vscode.commands.executeCommand('faxplus.refreshInbox');

    const numbers = await rows('numbers');
    assert.ok(
      numbers.slice(0, -1).length >= 4 && numbers.slice(0, -1).every((r) => r.node.kind === 'number'),
      'numbers the token may read load',
    );
    const buy = numbers.at(-1);
    assert.strictEqual(
      buy?.contextValue,
      'message;kind=missingScope;view=numbers;command=buyNumber',
      'and one node says what buying needs',
    );
    assert.match(buy.label, /cannot buy fax numbers — it needs fax:shop:edit or fax:all:edit/);
    assert.deepStrictEqual(
      env.emulator.requests.filter((r) => r.operationId === 'listFaxes' || r.operationId === 'listOutboxFaxes'),
      [],
    );
  });

  it('tells a member why the Members view is empty, without asking Fax.Plus', async () => {
    await signInWith(env.emulator.demoTokens.member);
    env.emulator.clearRequests();
    const members = await rows('members');
    assert.strictEqual(members.length, 1);
    assert.strictEqual(members[0].node.kind, 'empty');
    assert.match(members[0].label, /Only administrators/);
    assert.deepStrictEqual(
      env.emulator.requests.filter((r) => r.operationId === 'getAccounts'),
      [],
    );
  });

  it('lists members for an admin, and numbers with the names of the people they are assigned to', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    const members = await rows('members');
    const accounts = env.emulator.state.accounts();
    const member = accounts.find((a) => a.uid === env.emulator.accounts.member);
    assert.ok(member);
    const memberRow = members.find((r) => r.contextValue?.startsWith('member;') && r.tooltip.includes(String(member.email)));
    assert.ok(memberRow, 'the member is listed');
    assert.match(memberRow.label, new RegExp(String(member.name)));
    assert.match(memberRow.description, /member/);

    const numbers = await rows('numbers');
    const assigned = numbers.find((r) => (r.node as { number?: { assignedTo: string[] } }).number?.assignedTo.includes(member.uid));
    assert.ok(assigned);
    assert.match(assigned.description, new RegExp(String(member.name)), 'the member by name, not uid');
    assert.ok(numbers.some((r) => /unassigned/.test(r.description)));
  });

  it('asks for the member list once when Numbers and Members load together, and again on a refresh', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    const memberLists = () => env.emulator.requests.filter((r) => r.operationId === 'getAccounts').length;
    const before = memberLists();
    const [members, numbers] = await Promise.all([rows('members'), rows('numbers')]);
    assert.strictEqual(memberLists() - before, 1, 'one GET /accounts answered both views');
    const member = env.emulator.state.accounts().find((a) => a.uid === env.emulator.accounts.member);
    assert.ok(member);
    assert.ok(members.some((r) => r.contextValue?.startsWith('member;') && r.label.includes(String(member.name))));
    assert.ok(
      numbers.some((r) => r.description.includes(String(member.name))),
      'Numbers names the assignee from the shared answer',
    );

    // A load after Refresh All does not join a member list asked before it (the members may have changed).
    const before2 = memberLists();
    env.emulator.faults.add({ operationId: 'getAccounts', kind: 'latency', ms: 1500, times: 1 });
    await env.api.sidebar.refreshAll(); // both loaded and hidden: marked stale
    const membersAgain = rows('members'); // stale: shows what it has, reloads in the background
    await eventually(() => assert.strictEqual(memberLists() - before2, 1, 'the held list is on its way'));
    await env.api.sidebar.refreshAll();
    await rows('numbers');
    await eventually(() => assert.strictEqual(memberLists() - before2, 2, 'Numbers asked again after Refresh All'));
    await membersAgain;
    await emulatorAnsweredAll(5000);
    env.emulator.faults.clear();
  });

  it('shows one error node with Retry when Fax.Plus fails, and recovers on Retry', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    env.emulator.faults.add({ operationId: 'listFaxes', kind: 'status', status: 500, times: Infinity });
    const spam = await rows('spam');
    assert.strictEqual(spam.length, 1, 'one node, not a list of errors');
    assert.strictEqual(spam[0].node.kind, 'error');
    assert.match(spam[0].label, /HTTP 500/);
    assert.strictEqual(spam[0].description, 'Retry');
    assert.strictEqual(spam[0].contextValue, 'message;kind=error;view=spam');
    assert.deepStrictEqual(spam[0].command?.arguments, [{ view: 'spam' }]);

    env.emulator.faults.clear();
    await vscode.commands.executeCommand('faxplus.spam.focus');
    await vscode.commands.executeCommand(spam[0].command!.command, ...(spam[0].command!.arguments ?? []));
    await eventually(async () => {
      const after = await rows('spam');
      assert.ok(after.length > 0 && after.every((r) => r.node.kind === 'fax' || r.node.kind === 'loadMore'), 'the faxes are back');
    });
  });

  it('refreshes only the view whose list changed', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    await vscode.commands.executeCommand('faxplus.numbers.focus');
    await rows('inbox');
    await rows('numbers');
    env.emulator.clearRequests();
    env.api.events.fireChanged('numbers');
    await eventually(() => assert.ok(env.emulator.requests.some((r) => r.operationId === 'listNumbers')));
    assert.deepStrictEqual(
      env.emulator.requests.filter((r) => r.operationId === 'listFaxes'),
      [],
    );
  });

  it('announces faxes that arrive, once, in one notification with Open', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    await vscode.commands.executeCommand('faxplus.inbox.focus');
    await rows('inbox');
    const before = new Notices(env.api).sidebar().length;
    const first = env.emulator.receiveFax({ pages: 2 });
    const second = env.emulator.receiveFax({ pages: 1 });
    await vscode.commands.executeCommand('faxplus.refreshInbox');
    const inbox = await rows('inbox');
    assert.deepStrictEqual(faxIds(inbox).slice(0, 2).sort(), [first.id, second.id].sort());
    const shown = new Notices(env.api).sidebar().slice(before);
    assert.strictEqual(shown.length, 1, 'one notification for the batch');
    assert.match(shown[0].message, /2 new faxes/);
    assert.deepStrictEqual(shown[0].actions, ['Open']);
    await vscode.commands.executeCommand('faxplus.refreshInbox');
    assert.strictEqual(new Notices(env.api).sidebar().length, before + 1, 'not announced again');

    // [Open] selects the new fax in the Inbox.
    await env.api.sidebar.inboxWatcher.open(faxIds(inbox)[0]);
    await eventually(() =>
      assert.deepStrictEqual(
        env.api.sidebar.views.inbox.selection.map((n) => (n as FaxNode).fax?.id),
        [faxIds(inbox)[0]],
      ),
    );
  });

  it('asks Fax.Plus nothing for views that are not showing', async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await eventually(() => assert.strictEqual(env.api.sidebar.views.inbox.visible, false));
    await signInWith(env.emulator.demoTokens.fullAccess);
    // Every section answers a refresh by telling its tree to redraw; a hidden one only marks its data stale.
    const providers = Object.values(env.api.sidebar.providers);
    const redrawn = providers.map(
      (provider) =>
        new Promise<void>((resolve) => {
          const subscription = provider.onDidChangeTreeData(() => {
            subscription.dispose();
            resolve();
          });
        }),
    );
    await vscode.commands.executeCommand('faxplus.refresh');
    await Promise.all(redrawn);
    const listings = ['listFaxes', 'listOutboxFaxes', 'listNumbers', 'getAccounts'];
    assert.deepStrictEqual(
      env.emulator.requests.filter((r) => listings.includes(r.operationId ?? '')),
      [],
    );
    assert.deepStrictEqual(
      providers.filter((provider) => provider.hasLoaded).map((provider) => provider.view),
      [],
      'no section loaded',
    );
  });

  it('polls only while the view is visible', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    await vscode.commands.executeCommand('faxplus.inbox.focus');
    await eventually(() => assert.ok(env.api.sidebar.views.inbox.visible));
    await rows('inbox');
    await setting('polling.inboxSeconds', 1);
    await setting('pollingEnabled', true);
    try {
      env.emulator.clearRequests();
      await eventually(() => assert.ok(listFaxRequests().length >= 2, 'polled twice'), 10_000);

      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await eventually(() => assert.strictEqual(env.api.sidebar.views.inbox.visible, false));
      assert.strictEqual(env.api.sidebar.polling.inbox.isScheduled, false, 'no poll is pending');
      // Let any request already on the wire land, then watch for three intervals (proving that nothing
      // happens needs a window of time; it is not a timing assertion).
      await emulatorAnsweredAll();
      env.emulator.clearRequests();
      await new Promise((r) => setTimeout(r, 3000));
      assert.deepStrictEqual(
        env.emulator.requests.map((r) => r.operationId),
        [],
        'nothing while hidden',
      );
    } finally {
      await setting('pollingEnabled', false);
      await setting('polling.inboxSeconds', undefined);
    }
  });
});
