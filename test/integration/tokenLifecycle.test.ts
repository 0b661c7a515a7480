import * as assert from 'assert';
import * as vscode from 'vscode';
import { eventually, signInWith, signOut, testEnvironment, type TestEnvironment } from './support/environment';

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
    const warning = await eventually(() => {
      assert.ok(env.api.expiry.lastWarning, 'a warning was shown');
      return env.api.expiry.lastWarning;
    });
    assert.strictEqual(warning.days, 3, 'a token expiring in 3 days has 3 days left');
    assert.match(warning.message, /expires in 3 days/);
    assert.match(env.api.statusBar.text, /3 days left/);
    env.api.expiry.lastWarning = undefined;
    await env.api.expiry.check();
    assert.strictEqual(env.api.expiry.lastWarning, undefined, 'no second warning the same day');
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
    assert.match(env.api.refusals.at(-1)?.message ?? '', /lacks scopes the current one has: fax:all:edit/);
    assert.strictEqual((await env.api.session.getCredential())?.token, env.emulator.demoTokens.fullAccess, 'old token kept');
    const accepted = await vscode.commands.executeCommand<{ tokenName: string }>('faxplus.rotateToken', { token: narrower, acceptScopeLoss: true });
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
    const before = env.api.unauthorizedPrompt.shownCount;
    await Promise.all(Array.from({ length: 6 }, () => vscode.commands.executeCommand('faxplus.showTokenInfo')));
    assert.strictEqual(env.api.session.state.status, 'signedOut');
    assert.strictEqual(env.api.session.state.status === 'signedOut' && env.api.session.state.problem, 'unauthorized');
    assert.strictEqual(env.api.contextKeys.get('faxplus.authProblem'), 'unauthorized');
    assert.strictEqual(env.api.unauthorizedPrompt.shownCount - before, 1, 'one prompt for the whole burst');
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
