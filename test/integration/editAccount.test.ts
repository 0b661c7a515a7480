import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, signInWith, testEnvironment, type TestEnvironment } from './support/environment';
import { Notices } from './support/notices';
import type { AccountEditResult } from '../../src/commands/editAccountCommand';
import type { TokenFacts } from '../../src/auth/tokenFacts';

describe('Edit My Account and the person’s details', function () {
  this.timeout(60_000);
  let env: TestEnvironment;

  const admin = () => env.emulator.state.accounts()[0];
  const lastRefusal = () => new Notices(env.api).lastRefusal();
  /** The tooltip as read: markdown escapes and non-breaking spaces undone. */
  const tooltip = () => env.api.statusBar.tooltip.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
  const puts = () => env.emulator.requests.filter((r) => r.operationId === 'updateUser');

  before(async () => {
    env = await testEnvironment();
    env.emulator.reset({ keepTokens: true });
  });

  beforeEach(() => {
    env.emulator.faults.clear();
    env.emulator.clearRequests();
  });

  it('shows the person in the account tooltip and Show Token Info, with a link to edit', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    const { name, lastname, email, phone } = admin();
    assert.ok(tooltip().includes(`${name} ${lastname} <${email}>`), tooltip());
    assert.ok(tooltip().includes(phone), 'the phone is shown');
    assert.match(tooltip(), /\(command:faxplus\.editAccount\)/);
    const facts = await vscode.commands.executeCommand<TokenFacts>('faxplus.showTokenInfo');
    assert.strictEqual(facts.account?.phone, phone);
    assert.strictEqual(env.api.contextKeys.get('faxplus.can.editAccount'), true);
  });

  it('sends only the changed fields, keeps the other notification settings, and shows the new name', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    const before = structuredClone(admin());
    const emailToggles = before.notifications.settings.email as Record<string, unknown>;
    const result = await vscode.commands.executeCommand<AccountEditResult>('faxplus.editAccount', {
      name: before.name,
      lastname: 'Hopper',
      phone: '+41 44 668 18 00',
      notifications: { email: { send_fax: !emailToggles.send_fax } },
    });
    assert.deepStrictEqual([...result.changed].sort(), ['lastname', 'notifications', 'phone']);
    const body = puts()[0]?.bodyJson as Record<string, unknown>;
    assert.deepStrictEqual(Object.keys(body).sort(), ['lastname', 'notifications', 'phone'], 'the unchanged name is not sent');
    assert.strictEqual(puts()[0]?.path, '/v3/accounts/self');
    const after = admin();
    assert.strictEqual(after.lastname, 'Hopper');
    assert.strictEqual(after.phone, '+41446681800');
    assert.strictEqual(after.name, before.name);
    const email = after.notifications.settings.email as Record<string, unknown>;
    assert.strictEqual(email.send_fax, !emailToggles.send_fax);
    assert.strictEqual(email.receive_fax, emailToggles.receive_fax, 'other toggles kept');
    assert.deepStrictEqual(after.notifications.settings.push_notifications, before.notifications.settings.push_notifications);
    await eventually(() => assert.ok(tooltip().includes('Hopper'), 'the tooltip shows the new name'));
  });

  it('sends nothing when nothing changed, and refuses a phone number it cannot read', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    const result = await vscode.commands.executeCommand<AccountEditResult>('faxplus.editAccount', { name: admin().name });
    assert.deepStrictEqual(result.changed, []);
    assert.strictEqual(await vscode.commands.executeCommand('faxplus.editAccount', { phone: '12' }), undefined);
    assert.match(lastRefusal(), /international form/);
    assert.strictEqual(await vscode.commands.executeCommand('faxplus.editAccount', { lastName: 'Typo' }), undefined);
    assert.match(lastRefusal(), /unknown argument lastName/);
    assert.deepStrictEqual(puts(), []);
  });

  it('refuses editing to a token without fax:user:edit, naming it, and hides the link', async () => {
    await signInWith(env.emulator.issuePat({ scopes: ['fax:user:read'], name: 'Read me' }));
    env.emulator.clearRequests();
    assert.strictEqual(env.api.contextKeys.get('faxplus.can.editAccount'), false);
    assert.strictEqual(env.api.contextKeys.get('faxplus.can.account.details'), true);
    assert.doesNotMatch(tooltip(), /faxplus\.editAccount/);
    assert.strictEqual(await vscode.commands.executeCommand('faxplus.editAccount', { lastname: 'X' }), undefined);
    assert.match(lastRefusal(), /fax:user:edit/);
    assert.deepStrictEqual(puts(), []);
  });

  it('says the person’s details need fax:user:read when the token cannot read them', async () => {
    await signInWith(env.emulator.issuePat({ scopes: ['fax:fax:read'], name: 'Faxes only' }));
    assert.match(tooltip(), /needs the scope fax:user:read/);
  });
});
