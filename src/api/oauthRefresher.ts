import { OAuthError, refresh, type OAuthTokens, type RefreshParams } from './oauthClient';

/**
 * Keeps an OAuth2 session alive: hands out the stored access token, refreshes
 * it shortly before it expires or after the API rejected it, and clears the
 * session when the refresh token is dead. Several VS Code windows share one
 * SecretStorage, so storage is re-read before every refresh: another window
 * may already have done it (and, with rotating refresh tokens, made ours
 * useless).
 */

/** What is persisted (JSON-friendly: `expiresAt` is milliseconds since the epoch). */
export interface StoredOAuth {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAt: number;
  readonly scope: string;
  /** The client that obtained the tokens; the API wants it in `x-fax-clientid`. */
  readonly clientId: string;
  readonly userId?: string;
}

/** Implemented by the extension with SecretStorage; `write(undefined)` deletes. */
export interface OAuthStorage {
  read(): Promise<StoredOAuth | undefined>;
  write(value: StoredOAuth | undefined): Promise<void>;
}

export interface OAuthCredential {
  readonly token: string;
  readonly kind: 'oauth';
  readonly clientId: string;
}

export interface OAuthClientConfig {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface OAuthSessionOptions {
  readonly storage: OAuthStorage;
  readonly client: OAuthClientConfig;
  /** Refresh this long before `expiresAt`, so a request never leaves with a token about to die. */
  readonly refreshSkewMs?: number;
  readonly now?: () => number;
  /** The refresh grant; injected so tests can count or fail calls. */
  readonly refreshGrant?: (params: RefreshParams) => Promise<OAuthTokens>;
}

/** The stored session is gone (refresh token expired or revoked): the user must sign in again. */
export class OAuthSignInRequiredError extends Error {
  override readonly name = 'OAuthSignInRequiredError';

  constructor() {
    super('The Fax.Plus sign-in has expired or was revoked. Sign in again.');
  }
}

const DEFAULT_SKEW_MS = 60_000;

export class OAuthSession {
  private readonly storage: OAuthStorage;
  private readonly client: OAuthClientConfig;
  private readonly skewMs: number;
  private readonly now: () => number;
  private readonly refreshGrant: (params: RefreshParams) => Promise<OAuthTokens>;
  /** The one refresh all concurrent callers wait on. */
  private inFlight: Promise<StoredOAuth | undefined> | undefined;

  constructor(options: OAuthSessionOptions) {
    this.storage = options.storage;
    this.client = options.client;
    this.skewMs = options.refreshSkewMs ?? DEFAULT_SKEW_MS;
    this.now = options.now ?? Date.now;
    this.refreshGrant = options.refreshGrant ?? refresh;
  }

  /** Stores the tokens of a fresh sign-in (after `exchangeCode`). */
  async save(tokens: OAuthTokens): Promise<void> {
    await this.storage.write(toStored(tokens, this.client.clientId));
  }

  async signOut(): Promise<void> {
    await this.storage.write(undefined);
  }

  /** The credential to send now, refreshed first when it is about to expire; undefined when signed out. */
  async getCredential(): Promise<OAuthCredential | undefined> {
    if (this.inFlight) {
      return toCredential(await this.inFlight);
    }
    const stored = await this.storage.read();
    if (!stored) {
      return undefined;
    }
    if (!this.isExpiring(stored)) {
      return toCredential(stored);
    }
    try {
      return toCredential(await this.refreshOnce(stored.accessToken));
    } catch (err) {
      // A refresh ahead of time that fails for a transient reason must not break a token that still works.
      if (err instanceof OAuthError && err.isTransient && stored.expiresAt > this.now()) {
        return toCredential(stored);
      }
      throw err;
    }
  }

  /** Called after the API answered 401 to `rejected`: a replacement credential, or undefined when signed out. */
  async onUnauthorized(rejected: { readonly token: string }): Promise<OAuthCredential | undefined> {
    return toCredential(await this.refreshOnce(rejected.token));
  }

  private refreshOnce(failedAccessToken: string): Promise<StoredOAuth | undefined> {
    this.inFlight ??= this.refreshFromStorage(failedAccessToken).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async refreshFromStorage(failedAccessToken: string): Promise<StoredOAuth | undefined> {
    const stored = await this.storage.read();
    if (!stored) {
      return undefined;
    }
    if (stored.accessToken !== failedAccessToken && !this.isExpiring(stored)) {
      return stored; // another window (or an earlier refresh here) already replaced it
    }
    let tokens: OAuthTokens;
    try {
      tokens = await this.refreshGrant({ ...this.client, refreshToken: stored.refreshToken });
    } catch (err) {
      if (err instanceof OAuthError && err.requiresSignIn) {
        return this.handleDeadGrant(stored.refreshToken);
      }
      throw err;
    }
    const next = toStored(tokens, stored.clientId);
    await this.storage.write(next);
    return next;
  }

  /** Clears the session unless another window rotated the refresh token meanwhile. */
  private async handleDeadGrant(usedRefreshToken: string): Promise<StoredOAuth> {
    const current = await this.storage.read();
    if (current && current.refreshToken !== usedRefreshToken) {
      return current;
    }
    await this.storage.write(undefined);
    throw new OAuthSignInRequiredError();
  }

  private isExpiring(stored: StoredOAuth): boolean {
    return stored.expiresAt - this.skewMs <= this.now();
  }
}

function toStored(tokens: OAuthTokens, clientId: string): StoredOAuth {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: tokens.expiresAt.getTime(),
    scope: tokens.scope,
    clientId,
    ...(tokens.userId !== undefined ? { userId: tokens.userId } : {}),
  };
}

function toCredential(stored: StoredOAuth | undefined): OAuthCredential | undefined {
  return stored && { token: stored.accessToken, kind: 'oauth', clientId: stored.clientId };
}
