import type { Redactor } from '../logging/redactor';
import { SECRET_KEYS, type SecretStore } from './secretStore';

/**
 * The OAuth client secret, kept together with the client id it belongs to:
 * after the user switches to another client id, the old secret is never sent
 * with the new id. Sign-out keeps it (signing in again needs no typing);
 * "Forget OAuth Client" removes it.
 */
export class OAuthClientSecretStore {
  constructor(
    private readonly secrets: SecretStore,
    private readonly redactor: Redactor,
  ) {}

  /** The secret stored for this client id, if any. */
  async get(clientId: string): Promise<string | undefined> {
    const raw = await this.secrets.get(SECRET_KEYS.oauthClientSecret);
    const entry = raw ? parseEntry(raw) : undefined;
    if (!entry || entry.clientId !== clientId) {
      return undefined;
    }
    this.redactor.addSecret(entry.secret);
    return entry.secret;
  }

  async store(clientId: string, secret: string): Promise<void> {
    this.redactor.addSecret(secret);
    await this.secrets.store(SECRET_KEYS.oauthClientSecret, JSON.stringify({ clientId, secret }));
  }

  async forget(): Promise<void> {
    await this.secrets.delete(SECRET_KEYS.oauthClientSecret);
  }
}

function parseEntry(raw: string): { clientId: string; secret: string } | undefined {
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    return typeof v.clientId === 'string' && typeof v.secret === 'string' && v.secret !== ''
      ? { clientId: v.clientId, secret: v.secret }
      : undefined;
  } catch {
    return undefined;
  }
}
