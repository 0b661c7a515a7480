import type * as vscode from 'vscode';

/** Raised when the OS keyring behind SecretStorage is unavailable. There is never a plaintext fallback. */
export class SecretStorageUnavailableError extends Error {
  constructor(
    readonly operation: 'read' | 'write' | 'delete',
    cause: unknown,
  ) {
    // The cause's message may come from the keyring; it never contains the secret itself.
    super(`Secret storage ${operation} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'SecretStorageUnavailableError';
  }
}

export const SECRET_KEYS = {
  pat: 'faxplus.pat',
  oauthSession: 'faxplus.oauth.session',
  oauthClientSecret: 'faxplus.oauth.clientSecret',
  /** Not a credential, but personal data: the Inbox's first page as last loaded (views/storedFirstPage.ts). */
  inboxCopy: 'faxplus.inbox.firstPage',
} as const;

export type SecretKey = (typeof SECRET_KEYS)[keyof typeof SECRET_KEYS];

/** The only place the extension reads or writes secrets. */
export class SecretStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  get onDidChange(): vscode.Event<vscode.SecretStorageChangeEvent> {
    return this.secrets.onDidChange;
  }

  async get(key: SecretKey): Promise<string | undefined> {
    try {
      return await this.secrets.get(key);
    } catch (e) {
      throw new SecretStorageUnavailableError('read', e);
    }
  }

  async store(key: SecretKey, value: string): Promise<void> {
    try {
      await this.secrets.store(key, value);
    } catch (e) {
      throw new SecretStorageUnavailableError('write', e);
    }
  }

  async delete(key: SecretKey): Promise<void> {
    try {
      await this.secrets.delete(key);
    } catch (e) {
      throw new SecretStorageUnavailableError('delete', e);
    }
  }
}
