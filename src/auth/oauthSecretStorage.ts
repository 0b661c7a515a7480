import type { OAuthStorage, StoredOAuth } from '../api/oauthRefresher';
import type { Redactor } from '../logging/redactor';
import { SECRET_KEYS, type SecretStore } from './secretStore';

/**
 * The OAuth session (access and refresh tokens) as one JSON secret. Every
 * token read or written is registered with the redactor first, so it is
 * masked should it ever reach a log line.
 */
export class OAuthSecretStorage implements OAuthStorage {
  constructor(
    private readonly secrets: SecretStore,
    private readonly redactor: Redactor,
  ) {}

  async read(): Promise<StoredOAuth | undefined> {
    const raw = await this.secrets.get(SECRET_KEYS.oauthSession);
    const stored = raw ? parseStoredOAuth(raw) : undefined;
    this.protect(stored);
    return stored;
  }

  async write(value: StoredOAuth | undefined): Promise<void> {
    if (!value) {
      await this.secrets.delete(SECRET_KEYS.oauthSession);
      return;
    }
    this.protect(value);
    await this.secrets.store(SECRET_KEYS.oauthSession, JSON.stringify(value));
  }

  private protect(stored: StoredOAuth | undefined): void {
    this.redactor.addSecret(stored?.accessToken);
    this.redactor.addSecret(stored?.refreshToken);
  }
}

/** A damaged or foreign value counts as no session, so the user is simply asked to sign in. */
export function parseStoredOAuth(raw: string): StoredOAuth | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const v = value as Record<string, unknown>;
  const strings = [v.accessToken, v.refreshToken, v.clientId].every((s) => typeof s === 'string' && s !== '');
  if (!strings || typeof v.expiresAt !== 'number' || !Number.isFinite(v.expiresAt)) {
    return undefined;
  }
  return {
    accessToken: v.accessToken as string,
    refreshToken: v.refreshToken as string,
    expiresAt: v.expiresAt,
    scope: typeof v.scope === 'string' ? v.scope : 'all',
    clientId: v.clientId as string,
    ...(typeof v.userId === 'string' ? { userId: v.userId } : {}),
  };
}
