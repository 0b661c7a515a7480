import * as assert from 'assert';
import type * as vscode from 'vscode';
import { Redactor } from '../../../src/logging/redactor';
import { SECRET_KEYS, SecretStore } from '../../../src/auth/secretStore';
import { OAuthSecretStorage } from '../../../src/auth/oauthSecretStorage';
import { OAuthClientSecretStore } from '../../../src/auth/oauthClientSecretStore';
import type { StoredOAuth } from '../../../src/api/oauthRefresher';

/** Just enough of vscode.SecretStorage: a map. */
function memorySecrets(): { storage: vscode.SecretStorage; values: Map<string, string> } {
  const values = new Map<string, string>();
  const storage = {
    get: async (key: string) => values.get(key),
    store: async (key: string, value: string) => void values.set(key, value),
    delete: async (key: string) => void values.delete(key),
    onDidChange: () => ({ dispose: () => undefined }),
  } as unknown as vscode.SecretStorage;
  return { storage, values };
}

const SESSION: StoredOAuth = {
  accessToken: 'access-token-0123456789',
  refreshToken: 'refresh-token-0123456789',
  expiresAt: 1_700_000_000_000,
  scope: 'all',
  clientId: 'APIK-client',
  userId: 'u1',
};

describe('OAuth secrets in SecretStorage', () => {
  it('keeps the session as one secret and reads it back; write(undefined) deletes it', async () => {
    const { storage, values } = memorySecrets();
    const oauth = new OAuthSecretStorage(new SecretStore(storage), new Redactor());
    await oauth.write(SESSION);
    assert.deepStrictEqual(await oauth.read(), SESSION);
    await oauth.write(undefined);
    assert.strictEqual(values.has(SECRET_KEYS.oauthSession), false);
    assert.strictEqual(await oauth.read(), undefined);
  });

  it('treats a damaged or foreign value as no session', async () => {
    const { storage, values } = memorySecrets();
    const oauth = new OAuthSecretStorage(new SecretStore(storage), new Redactor());
    for (const raw of [
      'not json',
      '{}',
      JSON.stringify({ ...SESSION, expiresAt: 'soon' }),
      JSON.stringify({ ...SESSION, refreshToken: '' }),
    ]) {
      values.set(SECRET_KEYS.oauthSession, raw);
      assert.strictEqual(await oauth.read(), undefined, raw);
    }
  });

  it('registers both tokens with the redactor when they are read', async () => {
    const { storage, values } = memorySecrets();
    values.set(SECRET_KEYS.oauthSession, JSON.stringify(SESSION));
    const redactor = new Redactor();
    await new OAuthSecretStorage(new SecretStore(storage), redactor).read();
    const line = redactor.redact(`a=${SESSION.accessToken} r=${SESSION.refreshToken}`);
    assert.ok(!line.includes(SESSION.accessToken) && !line.includes(SESSION.refreshToken), line);
  });

  it('gives the client secret only for the client id it was stored with, masked in logs', async () => {
    const { storage } = memorySecrets();
    const redactor = new Redactor();
    const secrets = new OAuthClientSecretStore(new SecretStore(storage), redactor);
    await secrets.store('APIK-one', 'client-secret-of-one');
    assert.strictEqual(await secrets.get('APIK-one'), 'client-secret-of-one');
    assert.strictEqual(await secrets.get('APIK-two'), undefined);
    assert.ok(!redactor.redact('client-secret-of-one').includes('client-secret-of-one'));
    await secrets.forget();
    assert.strictEqual(await secrets.get('APIK-one'), undefined);
  });
});
