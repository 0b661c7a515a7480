import * as assert from 'assert';
import * as path from 'path';
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as vscode from 'vscode';
import { eventually, forgetSentFaxes, signInWith, testEnvironment, type TestEnvironment } from './support/environment';
import { Notices } from './support/notices';
import { adminNumber, schedulePendingFax, scratchFolder } from './support/actionFixtures';
import type { ChangedList } from '../../src/events/faxEvents';

describe('Sidebar item actions', () => {
  let env: TestEnvironment;
  let changed: ChangedList[];
  let listener: vscode.Disposable | undefined;

  const ops = () => env.emulator.requests.map((r) => r.operationId);
  const count = (operationId: string) => env.emulator.requests.filter((r) => r.operationId === operationId).length;
  const lastRefusal = () => new Notices(env.api).lastRefusal();

  before(async () => {
    env = await testEnvironment();
    env.emulator.reset({ keepTokens: true });
    listener = env.api.events.onDidChangeList((list) => changed.push(list));
  });

  afterEach(() => forgetSentFaxes());

  beforeEach(async () => {
    if (env.api.session.facts?.tokenName !== 'Demo full access') {
      await signInWith(env.emulator.demoTokens.fullAccess);
    }
    env.emulator.faults.clear();
    env.emulator.clearRequests();
    changed = [];
  });

  after(() => {
    listener?.dispose();
    env.emulator.faults.clear();
  });

  describe('faxes', () => {
    it('marks an unread inbox fax read and unread again, keeping its comment', async () => {
      const fax = env.emulator.state.faxes('inbox').find((f) => !f.is_read && f.comment);
      assert.ok(fax, 'the seed has an unread inbox fax with a comment');
      assert.strictEqual(await vscode.commands.executeCommand('faxplus.markRead', { faxId: fax.id, category: 'inbox' }), 1);
      assert.strictEqual(env.emulator.state.fax(fax.id)?.is_read, true);
      assert.strictEqual(env.emulator.state.fax(fax.id)?.comment, fax.comment);
      assert.deepStrictEqual(changed, ['inbox'], 'the inbox is told to refresh');

      await vscode.commands.executeCommand('faxplus.markUnread', { faxId: fax.id, category: 'inbox' });
      assert.strictEqual(env.emulator.state.fax(fax.id)?.is_read, false);
    });

    it('uses the record a tree node carries (no extra request) and acts on a multi-selection', async () => {
      const [a, b] = env.emulator.state.faxes('inbox').filter((f) => !f.is_read);
      const node = (f: typeof a) => ({
        kind: 'fax',
        category: 'inbox',
        fax: { id: f.id, status: f.status, comment: f.comment, isRead: false, from: f.from ?? f.from_number },
      });
      const marked = await vscode.commands.executeCommand('faxplus.markRead', node(a), [node(a), node(b)]);
      assert.strictEqual(marked, 2);
      assert.strictEqual(env.emulator.state.fax(a.id)?.is_read, true);
      assert.strictEqual(env.emulator.state.fax(b.id)?.is_read, true);
      assert.strictEqual(count('getFax'), 0, 'the nodes had the comment already');
      assert.strictEqual(count('updateFax'), 2);
    });

    it('changes a comment without touching the read state', async () => {
      const fax = env.emulator.state.faxes('sent')[3];
      const result = await vscode.commands.executeCommand('faxplus.editComment', { faxId: fax.id, comment: 'Checked by reception' });
      assert.strictEqual(result, 'Checked by reception');
      assert.strictEqual(env.emulator.state.fax(fax.id)?.comment, 'Checked by reception');
      assert.strictEqual(env.emulator.state.fax(fax.id)?.is_read, fax.is_read);
      assert.deepStrictEqual(changed, ['sent'], 'the list is known from the record');
    });

    it('deletes a fax when the caller waives the confirmation', async () => {
      const fax = env.emulator.state.faxes('spam')[0];
      assert.strictEqual(await vscode.commands.executeCommand('faxplus.deleteFax', { faxId: fax.id, category: 'spam', confirm: false }), 1);
      assert.strictEqual(env.emulator.state.fax(fax.id), undefined);
      assert.deepStrictEqual(changed, ['spam']);
    });

    it('says so when the fax no longer exists, and changes nothing else', async () => {
      const before = env.emulator.state.faxes('inbox').length;
      const result = await vscode.commands.executeCommand('faxplus.deleteFax', { faxId: 'no-such-fax', category: 'inbox', confirm: false });
      assert.strictEqual(result, undefined);
      assert.match(lastRefusal(), /no longer has this item/);
      assert.strictEqual(env.emulator.state.faxes('inbox').length, before);
    });

    it('resends a failed fax exactly once: same document, same destination, same number', async () => {
      const fax = env.emulator.state.faxes('sent').find((f) => f.status.startsWith('failed'));
      assert.ok(fax, 'the seed has a failed sent fax');
      const outboxBefore = env.emulator.state.outbox().length;
      const result = await vscode.commands.executeCommand<{ ids: Record<string, string> }>('faxplus.resendFax', {
        faxId: fax.id,
        confirm: false,
      });
      assert.deepStrictEqual(Object.keys(result.ids), [fax.to]);
      const outbox = env.emulator.state.outbox();
      assert.strictEqual(outbox.length, outboxBefore + 1, 'exactly one new outbox fax');
      const created = outbox.find((o) => o.id === result.ids[fax.to]) as { to?: unknown; from?: unknown; src?: unknown } | undefined;
      assert.ok(created, 'the new fax is in the outbox');
      assert.strictEqual(count('sendFax'), 1);
      assert.deepStrictEqual(
        (env.emulator.requests.find((r) => r.operationId === 'sendFax')?.bodyJson as { from: string; to: string[] }).to,
        [fax.to],
      );
      assert.strictEqual(
        (env.emulator.requests.find((r) => r.operationId === 'sendFax')?.bodyJson as { from: string }).from,
        fax.from ?? adminNumber(env.emulator),
      );
      const getFile = env.emulator.requests.find((r) => r.operationId === 'getFile');
      assert.strictEqual(getFile?.query.format, 'pdf');
      const uploaded = env.emulator.state.files().at(-1);
      assert.ok(uploaded?.content?.subarray(0, 4).equals(Buffer.from('%PDF')), 'the original document was uploaded');
      assert.ok(changed.includes('outbox'));
    });

    it('does not send again when the send fails: the fax is looked for, found, and reported as created', async () => {
      const fax = env.emulator.state.faxes('sent')[1];
      env.emulator.faults.add({ operationId: 'sendFax', kind: 'reset', afterCommit: true });
      const outboxBefore = env.emulator.state.outbox().length;
      const result = await vscode.commands.executeCommand<{ ids: Record<string, string> } | undefined>('faxplus.resendFax', {
        faxId: fax.id,
        confirm: false,
      });
      assert.strictEqual(count('sendFax'), 1, 'POST /outbox is never repeated');
      assert.strictEqual(env.emulator.state.outbox().length, outboxBefore + 1, 'the server did create it once');
      assert.deepStrictEqual(Object.keys(result?.ids ?? {}), [fax.to], 'the command resolves to the fax that was found');
      assert.match(new Notices(env.api).last(), /^The fax was created: .* Do not send it again\./);
    });

    it('downloads a fax as a real PDF and as a TIFF', async () => {
      const fax = env.emulator.state.faxes('inbox')[0];
      const folder = scratchFolder('download-');
      const pdf = path.join(folder, 'fax.pdf');
      assert.strictEqual(
        await vscode.commands.executeCommand('faxplus.downloadFax', { faxId: fax.id, format: 'pdf', destination: pdf }),
        pdf,
      );
      assert.strictEqual(readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
      const tiff = path.join(folder, 'fax.tif');
      await vscode.commands.executeCommand('faxplus.downloadFax', { faxId: fax.id, destination: tiff });
      assert.strictEqual(readFileSync(tiff).subarray(0, 4).toString('latin1'), 'II*\0', 'the .tif name chose the TIFF format');
      assert.deepStrictEqual(readdirSync(folder).sort(), ['fax.pdf', 'fax.tif']);
    });

    it('leaves no file behind when the connection breaks in the middle of the document', async () => {
      const fax = env.emulator.state.faxes('inbox')[1];
      const folder = scratchFolder('broken-');
      const destination = path.join(folder, 'fax.pdf');
      env.emulator.faults.add({ operationId: 'getFile', kind: 'reset', midBody: true, times: Infinity });
      const result = await vscode.commands.executeCommand('faxplus.downloadFax', { faxId: fax.id, format: 'pdf', destination });
      assert.strictEqual(result, undefined);
      assert.ok(count('getFile') >= 1);
      assert.deepStrictEqual(readdirSync(folder), [], 'neither the file nor a partial one');
    });

    it('can be cancelled while downloading, and then leaves no file', async () => {
      const fax = env.emulator.state.faxes('inbox')[2];
      const folder = scratchFolder('cancelled-');
      const destination = path.join(folder, 'fax.pdf');
      env.emulator.faults.add({ operationId: 'getFile', kind: 'latency', ms: 20_000 });
      const running = vscode.commands.executeCommand('faxplus.downloadFax', { faxId: fax.id, format: 'pdf', destination });
      await eventually(() => assert.strictEqual(env.api.tasks.size, 1));
      env.api.tasks.cancelAll();
      assert.strictEqual(await running, undefined);
      assert.strictEqual(env.api.tasks.size, 0);
      assert.ok(!existsSync(destination));
      assert.deepStrictEqual(readdirSync(folder), []);
    });

    it('refuses a destination argument that is relative, climbs with "..", has control characters or the wrong type, before any request', async () => {
      const fax = env.emulator.state.faxes('sent')[0];
      const folder = scratchFolder('hostile-');
      const cases: [string, string, RegExp][] = [
        ['faxplus.downloadFax', 'fax.pdf', /absolute path/],
        ['faxplus.downloadFax', `${folder}/../escaped.pdf`, /must not contain "\.\."/],
        ['faxplus.downloadFax', path.join(folder, 'fax\n.pdf'), /control characters/],
        ['faxplus.openReport', path.join(folder, 'report.sh'), /must end in one of \.pdf/],
        ['faxplus.openReport', path.join(folder, 'report.pdf.command'), /must end in one of \.pdf/],
      ];
      env.emulator.clearRequests();
      for (const [command, destination, message] of cases) {
        assert.strictEqual(
          await vscode.commands.executeCommand(command, { faxId: fax.id, destination, open: false }),
          undefined,
          destination,
        );
        assert.match(lastRefusal(), message);
      }
      assert.deepStrictEqual(
        ops().filter((o) => o === 'getFile' || o === 'getFaxReport'),
        [],
        'nothing was downloaded',
      );
      assert.deepStrictEqual(readdirSync(folder), []);
    });

    it('saves the confirmation report of a sent fax', async () => {
      const fax = env.emulator.state.faxes('sent')[0];
      const destination = path.join(scratchFolder('report-'), 'report.pdf');
      assert.strictEqual(
        await vscode.commands.executeCommand('faxplus.openReport', { faxId: fax.id, destination, open: false }),
        destination,
      );
      assert.strictEqual(readFileSync(destination).subarray(0, 5).toString('latin1'), '%PDF-');
      assert.deepStrictEqual(
        ops().filter((o) => o === 'getFaxReport'),
        ['getFaxReport'],
      );
    });

    it('copies the other party of a fax, in E.164', async () => {
      const fax = env.emulator.state.faxes('sent')[0];
      const node = { kind: 'fax', category: 'sent', fax: { id: fax.id, status: fax.status, comment: '', to: fax.to, from: fax.from } };
      assert.strictEqual(await vscode.commands.executeCommand('faxplus.copyNumber', node), fax.to);
      assert.strictEqual(await vscode.env.clipboard.readText(), fax.to);
    });
  });

  describe('outbox', () => {
    it('cancels a pending fax', async () => {
      const id = await schedulePendingFax(env.api, env.emulator, '+15550107001');
      assert.ok(env.emulator.state.outbox().some((o) => o.id === id));
      assert.strictEqual(await vscode.commands.executeCommand('faxplus.cancelFax', { faxId: id, confirm: false }), true);
      assert.ok(!env.emulator.state.outbox().some((o) => o.id === id), 'gone from the outbox');
      assert.deepStrictEqual(changed, ['outbox']);
    });
  });

  describe('numbers and members (admin)', () => {
    it('assigns an unassigned number to a member and revokes it again', async () => {
      const number = env.emulator.state.numbers().find((n) => n.status === 'active' && n.assigned_to.length === 0);
      assert.ok(number, 'the seed has an unassigned active number');
      const memberId = env.emulator.accounts.memberWithoutNumber;
      assert.strictEqual(await vscode.commands.executeCommand('faxplus.assignNumber', { number: number.number, memberId }), true);
      assert.deepStrictEqual(env.emulator.state.numbers().find((n) => n.number === number.number)?.assigned_to, [memberId]);
      assert.ok(changed.includes('numbers'));

      assert.strictEqual(
        await vscode.commands.executeCommand('faxplus.revokeNumber', { number: number.number, memberId, confirm: false }),
        true,
      );
      assert.deepStrictEqual(env.emulator.state.numbers().find((n) => n.number === number.number)?.assigned_to, []);
      const revoke = env.emulator.requests.find((r) => r.operationId === 'revokeNumber');
      assert.ok(revoke?.path.includes('%2B'), 'the + of the number is percent-encoded');
    });

    it("changes a member's role and quota", async () => {
      const memberId = env.emulator.accounts.member;
      const result = await vscode.commands.executeCommand('faxplus.editMember', { memberId, role: 'supervisor', quota: 750 });
      assert.deepStrictEqual(result, { role: 'supervisor', quota: 750 });
      assert.deepStrictEqual(env.emulator.state.memberDetails(memberId), { role: 'supervisor', quota: 750 });
      assert.deepStrictEqual(changed, ['members']);
    });

    it('copies a number from the Numbers view', async () => {
      const number = env.emulator.state.numbers()[0];
      const node = {
        kind: 'number',
        number: { id: number.id, number: number.number, assignedTo: number.assigned_to, status: number.status },
      };
      assert.strictEqual(await vscode.commands.executeCommand('faxplus.copyNumber', node), number.number);
      assert.strictEqual(await vscode.env.clipboard.readText(), number.number);
      assert.strictEqual(env.emulator.requests.length, 0, 'no API call needed');
    });
  });

  describe('webhooks', () => {
    it('creates, lists and deletes webhooks for both events', async () => {
      const received = await vscode.commands.executeCommand<string>('faxplus.manageWebhooks', {
        action: 'create',
        event: 'fax_received',
        target: 'https://hooks.example.com/received',
        confirm: false,
      });
      const sent = await vscode.commands.executeCommand<string>('faxplus.manageWebhooks', {
        action: 'create',
        event: 'fax_sent',
        target: 'https://hooks.example.com/sent',
        confirm: false,
      });
      assert.deepStrictEqual(
        env.emulator.state
          .webhooks()
          .map((h) => [h.event, h.target])
          .sort(),
        [
          ['fax_received', 'https://hooks.example.com/received'],
          ['fax_sent', 'https://hooks.example.com/sent'],
        ],
      );
      const listed = await vscode.commands.executeCommand<{ id: string; event: string }[]>('faxplus.manageWebhooks', { action: 'list' });
      assert.deepStrictEqual(listed.map((h) => h.id).sort(), [received, sent].sort());

      assert.strictEqual(
        await vscode.commands.executeCommand('faxplus.manageWebhooks', { action: 'delete', hookId: received, confirm: false }),
        true,
      );
      assert.deepStrictEqual(
        env.emulator.state.webhooks().map((h) => h.id),
        [sent],
      );
      await vscode.commands.executeCommand('faxplus.manageWebhooks', { action: 'delete', hookId: sent, confirm: false });
      assert.deepStrictEqual(env.emulator.state.webhooks(), []);
    });

    it('refuses a target that is not an https:// URL without calling Fax.Plus', async () => {
      for (const target of ['file:///etc/passwd', 'http://hooks.example.com/cleartext']) {
        const result = await vscode.commands.executeCommand('faxplus.manageWebhooks', {
          action: 'create',
          event: 'fax_sent',
          target,
          confirm: false,
        });
        assert.strictEqual(result, undefined, target);
        assert.match(lastRefusal(), /not an https:\/\/ URL/);
      }
      assert.strictEqual(count('createWebhook'), 0);
      assert.deepStrictEqual(env.emulator.state.webhooks(), []);
    });

    it('creates nothing from an argument object without "confirm": false, and says how', async () => {
      const result = await vscode.commands.executeCommand('faxplus.manageWebhooks', {
        action: 'create',
        event: 'fax_received',
        target: 'https://hooks.example.com/silent',
      });
      assert.strictEqual(result, undefined);
      assert.match(lastRefusal(), /needs "confirm": false/);
      assert.strictEqual(count('createWebhook'), 0);
      assert.deepStrictEqual(env.emulator.state.webhooks(), []);
    });
  });

  describe('balance', () => {
    it('shows the balance and puts it in the status bar', async () => {
      const expected = env.emulator.state.balance();
      const balance = await vscode.commands.executeCommand<{ balance: number; currency: string }>('faxplus.showBalance');
      assert.strictEqual(balance.balance, expected.balance);
      assert.strictEqual(balance.currency, expected.currency);
      const whole = String(Math.floor(expected.balance));
      assert.ok(env.api.balance.text.includes(whole), `${env.api.balance.text} shows ${whole}`);
      assert.strictEqual(env.api.balance.shown, true);
    });

    it('is fetched once at sign-in while a view is visible, not again on every session change within the interval', async () => {
      await signInWith(env.emulator.issuePat({ scopes: ['fax:fax:edit'], name: 'No shop' }));
      assert.strictEqual(env.api.balance.shown, false, 'hidden for a token that may not read it');
      // The balance is fetched only while a Fax.Plus view is visible (quietWhenHidden.test.ts covers the hidden case).
      await vscode.commands.executeCommand('faxplus.inbox.focus');
      env.emulator.clearRequests();
      try {
        await signInWith(env.emulator.demoTokens.readOnly);
        await eventually(() => assert.strictEqual(count('getBalance'), 1));
        await vscode.commands.executeCommand('faxplus.showTokenInfo');
        assert.strictEqual(count('getTokenInfo') >= 1, true);
        assert.strictEqual(count('getBalance'), 1, 'no second fetch');
        assert.strictEqual(env.api.balance.shown, true);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeSidebar');
      }
    });
  });

  describe('scope checks', () => {
    it('refuses to delete with a read-only token and makes no request', async () => {
      const fax = env.emulator.state.faxes('inbox')[5];
      await signInWith(env.emulator.issuePat({ scopes: ['fax:fax:read'], name: 'Read faxes' }));
      env.emulator.clearRequests();
      const result = await vscode.commands.executeCommand('faxplus.deleteFax', { faxId: fax.id, confirm: false });
      assert.strictEqual(result, undefined);
      assert.match(lastRefusal(), /fax:fax:edit/);
      assert.deepStrictEqual(
        ops().filter((o) => o === 'deleteFax' || o === 'getFax'),
        [],
        'no request for the refused action',
      );
      assert.ok(env.emulator.state.fax(fax.id), 'the fax is still there');
      assert.strictEqual(env.api.contextKeys.get('faxplus.can.deleteFax'), false, 'its menu items are hidden');
      assert.strictEqual(env.api.contextKeys.get('faxplus.can.downloadFax'), true);
    });

    it('refuses admin actions to a token without the numbers and member scopes, with no request', async () => {
      const number = env.emulator.state.numbers().find((n) => n.assigned_to.length === 0);
      await signInWith(env.emulator.issuePat({ scopes: ['fax:fax:edit'], name: 'Faxes only' }));
      env.emulator.clearRequests();
      await vscode.commands.executeCommand('faxplus.assignNumber', { number: number?.number, memberId: env.emulator.accounts.member });
      await vscode.commands.executeCommand('faxplus.editMember', { memberId: env.emulator.accounts.member, quota: 1 });
      await vscode.commands.executeCommand('faxplus.manageWebhooks', {
        action: 'create',
        event: 'fax_sent',
        target: 'https://hooks.example.com/x',
        confirm: false,
      });
      const refused = ['updateNumber', 'getAccounts', 'getMemberDetails', 'updateMemberDetails', 'createWebhook', 'getWebhooks'];
      assert.deepStrictEqual(
        ops().filter((o) => o && refused.includes(o)),
        [],
      );
      assert.match(lastRefusal(), /fax:webhook:edit/);
      assert.deepStrictEqual(env.emulator.state.numbers().find((n) => n.number === number?.number)?.assigned_to, []);
    });
  });
});
