import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, signInWith, signOut, testEnvironment, type TestEnvironment } from './support/environment';
import { Notices } from './support/notices';

describe('Token expiry, rotation, rejection and the environment token', () => {
  let env: TestEnvironment;

  before(async () => {
    env = await testEnvironment();
  });

  beforeEach(async () => {
    await signOut();
    env.emulator.clearRequests();
  });

  after(async () => {
    delete process.env.FAXPLUS_TOKEN;
    await signOut();
  });

  it('warns once a day about a token that expires in 3 days, and shows the days left in the status bar', async () => {
    await signInWith(env.emulator.demoTokens.expiringSoon);
    const notices = new Notices(env.api);
    const expiryWarnings = (mark: number) =>
      notices.since(mark, 'warning').filter((n) => /expires (in \d+ days|within a day)/.test(n.message));
    const warning = await eventually(() => {
      const shown = expiryWarnings(0).at(-1);
      assert.ok(shown, 'a warning was shown');
      return shown;
    });
    // A token expiring in 3 days has 3 days left.
    assert.match(warning.message, /"Demo expiring soon" expires in 3 days/);
    assert.deepStrictEqual(warning.actions, ['Rotate Token']);
    assert.match(env.api.statusBar.text, /3 days left/);
    const mark = notices.mark();
    await env.api.expiry.check();
    assert.deepStrictEqual(expiryWarnings(mark), [], 'no second warning the same day');
  });

  it('rotates to a token with the same scopes without asking, keeping the user signed in', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    const replacement = env.emulator.issuePat({ scopes: ['fax:all:edit'], name: 'Rotated' });
    const facts = await vscode.commands.executeCommand<{ tokenName: string }>('faxplus.rotateToken', { token: replacement });
    assert.strictEqual(facts.tokenName, 'Rotated');
    assert.strictEqual((await env.api.session.getCredential())?.token, replacement);
  });

  it('does not swap to a token with fewer scopes unless told to, and names what would be lost', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    const narrower = env.emulator.issuePat({ scopes: ['fax:fax:read'], name: 'Narrow' });
    const result = await vscode.commands.executeCommand('faxplus.rotateToken', { token: narrower });
    assert.strictEqual(result, undefined);
    assert.match(new Notices(env.api).lastRefusal(), /lacks scopes the current one has: fax:all:edit/);
    assert.strictEqual((await env.api.session.getCredential())?.token, env.emulator.demoTokens.fullAccess, 'old token kept');
    const accepted = await vscode.commands.executeCommand<{ tokenName: string }>('faxplus.rotateToken', {
      token: narrower,
      acceptScopeLoss: true,
    });
    assert.strictEqual(accepted.tokenName, 'Narrow');
  });

  it('keeps the current token when the new one is rejected', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    await vscode.commands.executeCommand('faxplus.rotateToken', { token: 'alohi_pat_notarealtokennotarealtoken' });
    assert.strictEqual((await env.api.session.getCredential())?.token, env.emulator.demoTokens.fullAccess);
    assert.strictEqual(env.api.session.state.status, 'signedIn');
  });

  it('turns a burst of 401s into one prompt and a signed-out state with the reason', async () => {
    const token = env.emulator.issuePat({ scopes: ['fax:all:edit'], name: 'Soon revoked' });
    await signInWith(token);
    env.emulator.revokeToken(token);
    const notices = new Notices(env.api);
    const before = notices.mark();
    await Promise.all(Array.from({ length: 6 }, () => vscode.commands.executeCommand('faxplus.showTokenInfo')));
    assert.strictEqual(env.api.session.state.status, 'signedOut');
    assert.strictEqual(env.api.session.state.status === 'signedOut' && env.api.session.state.problem, 'unauthorized');
    assert.strictEqual(env.api.contextKeys.get('faxplus.authProblem'), 'unauthorized');
    assert.strictEqual(notices.signInPromptsSince(before).length, 1, 'one prompt for the whole burst');
  });

  it('a validation still in flight when the user signs out cannot sign them back in', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    // The gate is the answer of the slow check, released only after the sign-out has finished.
    env.emulator.faults.add({ operationId: 'getTokenInfo', kind: 'latency', ms: 1500, times: 1 });
    const slowCheck = env.api.session.revalidate();
    await eventually(() =>
      assert.ok(
        env.emulator.requests.some((r) => r.operationId === 'getTokenInfo'),
        'the check reached the server',
      ),
    );
    await signOut();
    await slowCheck;
    assert.strictEqual(env.api.session.state.status, 'signedOut');
    assert.strictEqual(await env.api.session.getCredential(), undefined);
    assert.strictEqual(env.api.contextKeys.get('faxplus.signedIn'), false);
  });

  it('a validation of a revoked token still in flight cannot sign out the token signed in meanwhile', async () => {
    const old = env.emulator.issuePat({ scopes: ['fax:all:edit'], name: 'Revoked meanwhile' });
    await signInWith(old);
    env.emulator.revokeToken(old);
    env.emulator.faults.add({ operationId: 'getTokenInfo', kind: 'latency', ms: 1500, times: 1 });
    const notices = new Notices(env.api);
    const promptsBefore = notices.mark();
    const slowCheck = env.api.session.revalidate();
    await eventually(() =>
      assert.ok(
        env.emulator.requests.some((r) => r.operationId === 'getTokenInfo'),
        'the check reached the server',
      ),
    );
    await signInWith(env.emulator.demoTokens.fullAccess);
    await slowCheck;
    assert.strictEqual(env.api.session.state.status, 'signedIn', 'the new token is in use');
    assert.strictEqual((await env.api.session.getCredential())?.token, env.emulator.demoTokens.fullAccess);
    assert.deepStrictEqual(notices.signInPromptsSince(promptsBefore), [], 'no "sign in again" prompt');
  });

  it('facts belong to their token: a PAT replaced by another window is re-learned, not described by the old facts', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    assert.ok(env.api.session.facts?.scopes.includes('fax:all:edit'));
    const readOnly = env.emulator.issuePat({ scopes: ['fax:all:read'], name: 'Other window' });
    // Another window writes the shared keyring directly; this window only hears the change event.
    const secrets = Reflect.get(env.api.session, 'secrets') as { store(key: string, value: string): Promise<void> };
    await secrets.store('faxplus.pat', readOnly);
    await eventually(() => assert.strictEqual(env.api.session.facts?.tokenName, 'Other window'));
    assert.deepStrictEqual(env.api.session.facts?.scopes, ['fax:all:read']);
    assert.match(env.api.session.facts?.fingerprint ?? '', /^[0-9a-f]{16}$/, 'a short fingerprint, not the token');
    assert.ok(!JSON.stringify(env.api.session.facts).includes(readOnly), 'the facts never hold the token');
  });

  it('uses a token from FAXPLUS_TOKEN without storing it, and says where it came from', async () => {
    process.env.FAXPLUS_TOKEN = env.emulator.demoTokens.readOnly;
    try {
      const state = await env.api.session.revalidate();
      assert.strictEqual(state.status, 'signedIn');
      assert.strictEqual(state.status === 'signedIn' && state.facts.source, 'environment');
      assert.strictEqual(env.api.contextKeys.get('faxplus.tokenSource'), 'environment');
    } finally {
      delete process.env.FAXPLUS_TOKEN;
    }
    assert.strictEqual(await env.api.session.getCredential(), undefined, 'nothing was stored');
    await env.api.session.restore();
    assert.strictEqual(env.api.session.state.status, 'signedOut');
  });
});
