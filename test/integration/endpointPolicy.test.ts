import * as assert from 'assert';
import * as vscode from 'vscode';
import { testEnvironment, type TestEnvironment } from './support/environment';

describe('Where the token may be sent', () => {
  let env: TestEnvironment;
  const overrides = ['FAXPLUS_API_BASE_URL', 'FAXPLUS_OAUTH_AUTHORIZE_URL', 'FAXPLUS_OAUTH_TOKEN_URL'];
  let saved: (string | undefined)[] = [];

  before(async () => {
    env = await testEnvironment();
    saved = overrides.map((k) => process.env[k]);
  });

  beforeEach(() => {
    // Without the emulator overrides, only settings decide.
    for (const k of overrides) delete process.env[k];
  });

  afterEach(async () => {
    overrides.forEach((k, i) => {
      process.env[k] = saved[i];
    });
    await vscode.workspace.getConfiguration('faxplus').update('api.baseUrl', undefined, vscode.ConfigurationTarget.Global);
  });

  it('says so when environment variables move the endpoints (in the status bar tooltip, signed in or out)', async () => {
    assert.strictEqual(env.api.endpoints.describeOverrides(), undefined, 'nothing to say without overrides');
    overrides.forEach((k, i) => {
      process.env[k] = saved[i];
    });
    const said = env.api.endpoints.describeOverrides() ?? '';
    assert.match(said, /FAXPLUS_API_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/v3/);
    assert.match(said, /FAXPLUS_OAUTH_TOKEN_URL=/);
    await vscode.commands.executeCommand('faxplus.signIn', { token: env.emulator.demoTokens.fullAccess });
    try {
      assert.ok(env.api.statusBar.tooltip.includes(said), env.api.statusBar.tooltip);
    } finally {
      await vscode.commands.executeCommand('faxplus.signOut');
    }
    assert.ok(env.api.statusBar.tooltip.includes('FAXPLUS_API_BASE_URL'), 'signed out too');
  });

  it('ignores a workspace .vscode/settings.json that tries to move the API', () => {
    const inspected = vscode.workspace.getConfiguration('faxplus').inspect<string>('api.baseUrl');
    assert.strictEqual(
      inspected?.workspaceValue ?? 'https://attacker.example/v3',
      'https://attacker.example/v3',
      'the fixture sets a workspace value',
    );
    assert.strictEqual(env.api.endpoints.resolve().apiBaseUrl, 'https://restapi.fax.plus/v3');
    assert.strictEqual(env.api.endpoints.resolve().oauthTokenUrl, 'https://accounts.fax.plus/token');
  });

  it('refuses a plain http:// URL that is not this machine, naming the setting to fix', async () => {
    await vscode.workspace
      .getConfiguration('faxplus')
      .update('api.baseUrl', 'http://fax.example.com/v3', vscode.ConfigurationTarget.Global);
    assert.throws(
      () => env.api.endpoints.resolve(),
      (e: Error & { setting?: string }) => e.setting === 'faxplus.api.baseUrl' && /https/.test(e.message),
    );
  });

  it('accepts the user setting when it is https', async () => {
    await vscode.workspace
      .getConfiguration('faxplus')
      .update('api.baseUrl', 'https://eu.restapi.example/v3/', vscode.ConfigurationTarget.Global);
    assert.strictEqual(env.api.endpoints.resolve().apiBaseUrl, 'https://eu.restapi.example/v3');
  });
});
