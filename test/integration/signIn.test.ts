import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, signInWith, signOut, testEnvironment, type TestEnvironment } from './support/environment';
import { Notices } from './support/notices';

describe('Sign-in with a Personal Access Token', () => {
  let env: TestEnvironment;

  before(async () => {
    env = await testEnvironment();
  });

  beforeEach(async () => {
    await signOut();
    env.emulator.clearRequests();
    env.emulator.faults.clear();
  });

  it('validates the token with GET /auth/token and GET /accounts/self before storing it', async () => {
    const facts = await vscode.commands.executeCommand<{ scopes: string[]; tokenName: string; account: { email: string } }>(
      'faxplus.signIn',
      { token: env.emulator.demoTokens.fullAccess },
    );
    assert.deepStrictEqual(facts.scopes, ['fax:all:edit']);
    assert.strictEqual(facts.tokenName, 'Demo full access');
    assert.ok(facts.account.email, 'the account is shown');
    const ops = env.emulator.requests.map((r) => r.operationId);
    // Asked together (one round trip), so they may arrive in either order.
    assert.deepStrictEqual(ops.slice(0, 2).sort(), ['getTokenInfo', 'getUser']);
    assert.strictEqual(env.api.contextKeys.get('faxplus.signedIn'), true);
    assert.match(env.api.statusBar.text, /Fax\.Plus/);
  });

  it('refuses a token Fax.Plus rejects and stores nothing', async () => {
    const result = await vscode.commands.executeCommand('faxplus.signIn', { token: 'alohi_pat_wrongwrongwrongwrongwrong' });
    assert.strictEqual(result, undefined);
    assert.strictEqual(env.api.session.state.status, 'signedOut');
    assert.match(new Notices(env.api).lastRefusal(), /rejected this token/);
    assert.strictEqual(await env.api.session.getCredential(), undefined, 'nothing stored');
  });

  it('refuses an already expired token with its own message', async () => {
    await vscode.commands.executeCommand('faxplus.signIn', { token: env.emulator.demoTokens.expired });
    assert.strictEqual(env.api.session.state.status, 'signedOut');
    assert.match(new Notices(env.api).lastRefusal(), /rejected|expired/);
    assert.strictEqual(await env.api.session.getCredential(), undefined);
  });

  it('says so when Fax.Plus cannot be reached, and stores nothing', async () => {
    env.emulator.faults.add({ operationId: 'getTokenInfo', kind: 'reset', times: Infinity });
    await vscode.commands.executeCommand('faxplus.signIn', { token: env.emulator.demoTokens.fullAccess });
    assert.match(new Notices(env.api).lastRefusal(), /could not be reached/);
    assert.strictEqual(await env.api.session.getCredential(), undefined);
  });

  it('signs out: clears the secret, the context keys and the status bar', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    await signOut();
    assert.strictEqual(await env.api.session.getCredential(), undefined);
    assert.strictEqual(env.api.contextKeys.get('faxplus.signedIn'), false);
    assert.strictEqual(env.api.contextKeys.get('faxplus.can.view.inbox'), false);
    await eventually(() => assert.match(env.api.statusBar.text, /sign-in/));
  });
});
