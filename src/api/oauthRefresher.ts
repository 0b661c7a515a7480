import { abortableSleep } from './abortableSleep';
import type { Credential } from './credentials';
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

/** A Credential that is certainly OAuth, so the client id is always there. */
export type OAuthCredential = Credential & { readonly kind: 'oauth'; readonly clientId: string };

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
  /** Waits between re-reads of storage and between write attempts; injected so tests need not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** After `invalid_grant`, storage is re-read after each of these waits before the session is deleted. */
  readonly deadGrantGraceMs?: readonly number[];
  /** A failed write of refreshed tokens is tried again after each of these waits. */
  readonly writeRetryMs?: readonly number[];
  /** Refreshed tokens could not be stored even after the retries: they live on in memory only. */
  readonly onPersistFailed?: (error: unknown) => void;
}

/** Tokens refreshed here that the keyring refused; valid while storage still holds the refresh token they replaced. */
interface UnsavedTokens {
  readonly value: StoredOAuth;
  readonly replaced: string;
}

/** The stored session is gone (refresh token expired or revoked): the user must sign in again. */
export class OAuthSignInRequiredError extends Error {
  override readonly name = 'OAuthSignInRequiredError';

  constructor() {
    super('The Fax.Plus sign-in has expired or was revoked. Sign in again.');
  }
}

const DEFAULT_SKEW_MS = 60_000;
/** Another window's write of rotated tokens usually lands within a second; about 3 s in all before giving up. */
const DEFAULT_DEAD_GRANT_GRACE_MS = [200, 800, 2000];
const DEFAULT_WRITE_RETRY_MS = [250, 1000];

export class OAuthSession {
  private readonly storage: OAuthStorage;
  private readonly client: OAuthClientConfig;
  private readonly skewMs: number;
  private readonly now: () => number;
  private readonly refreshGrant: (params: RefreshParams) => Promise<OAuthTokens>;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly deadGrantGraceMs: readonly number[];
  private readonly writeRetryMs: readonly number[];
  private readonly onPersistFailed: (error: unknown) => void;
  /** The one refresh all concurrent callers wait on. */
  private inFlight: Promise<StoredOAuth | undefined> | undefined;
  private unsaved: UnsavedTokens | undefined;
  private retryingWrite: Promise<void> | undefined;
  /** The person hears of a keyring failure once, not after every refresh it spoils. */
  private persistFailureReported = false;

  constructor(options: OAuthSessionOptions) {
    this.storage = options.storage;
    this.client = options.client;
    this.skewMs = options.refreshSkewMs ?? DEFAULT_SKEW_MS;
    this.now = options.now ?? Date.now;
    this.refreshGrant = options.refreshGrant ?? refresh;
    this.sleep = options.sleep ?? ((ms) => abortableSleep(ms));
    this.deadGrantGraceMs = options.deadGrantGraceMs ?? DEFAULT_DEAD_GRANT_GRACE_MS;
    this.writeRetryMs = options.writeRetryMs ?? DEFAULT_WRITE_RETRY_MS;
    this.onPersistFailed = options.onPersistFailed ?? (() => undefined);
  }

  /** Stores the tokens of a fresh sign-in (after `exchangeCode`). */
  async save(tokens: OAuthTokens): Promise<void> {
    await this.storage.write(toStored(tokens, this.client.clientId));
    this.unsaved = undefined;
  }

  async signOut(): Promise<void> {
    this.unsaved = undefined;
    await this.storage.write(undefined);
  }

  /** The credential to send now, refreshed first when it is about to expire; undefined when signed out. */
  async getCredential(): Promise<OAuthCredential | undefined> {
    if (this.inFlight) {
      return toCredential(await this.inFlight);
    }
    const stored = await this.current();
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

  /**
   * What storage holds, unless this window refreshed tokens the keyring
   * refused: those stand in for the stored ones they replaced (the stored
   * refresh token is already spent) until a write succeeds. Once storage
   * holds anything else (a sign-out, another window's tokens), it wins.
   */
  private async current(): Promise<StoredOAuth | undefined> {
    const stored = await this.storage.read();
    const unsaved = this.unsaved;
    if (!unsaved) {
      return stored;
    }
    if (stored?.refreshToken !== unsaved.replaced) {
      this.unsaved = undefined;
      return stored;
    }
    this.retryingWrite ??= this.storage
      .write(unsaved.value)
      .then(
        () => {
          if (this.unsaved === unsaved) {
            this.unsaved = undefined;
          }
        },
        () => undefined, // still refused: the tokens stay in memory; the person was told already
      )
      .finally(() => (this.retryingWrite = undefined));
    return unsaved.value;
  }

  private async refreshFromStorage(failedAccessToken: string): Promise<StoredOAuth | undefined> {
    const stored = await this.current();
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
    const latest = await this.storage.read().catch(() => stored);
    const unchanged =
      latest !== undefined && (latest.refreshToken === stored.refreshToken || latest.refreshToken === this.unsaved?.replaced);
    if (!unchanged) {
      // Signed out (or signed in anew) while the grant was on its way: writing now would undo that.
      return latest;
    }
    await this.persist(next, stored.refreshToken);
    return next;
  }

  /** Stores refreshed tokens; a keyring failure keeps them in memory, retries, and reports only if it cannot recover. */
  private async persist(next: StoredOAuth, replaced: string): Promise<void> {
    this.unsaved = { value: next, replaced: this.unsaved?.replaced ?? replaced };
    for (let attempt = 0; ; attempt++) {
      try {
        await this.storage.write(next);
        this.unsaved = undefined;
        this.persistFailureReported = false;
        return;
      } catch (err) {
        if (attempt >= this.writeRetryMs.length) {
          if (!this.persistFailureReported) {
            this.persistFailureReported = true;
            this.onPersistFailed(err);
          }
          return;
        }
        await this.sleep(this.writeRetryMs[attempt]);
      }
    }
  }

  /**
   * Clears the session unless another window rotated the refresh token
   * meanwhile. The winner of a refresh race may still be writing: storage is
   * re-read for a few seconds before a session is deleted for every window.
   */
  private async handleDeadGrant(usedRefreshToken: string): Promise<StoredOAuth | undefined> {
    for (const wait of [0, ...this.deadGrantGraceMs]) {
      if (wait > 0) {
        await this.sleep(wait);
      }
      const current = await this.storage.read();
      if (!current) {
        this.unsaved = undefined;
        return undefined; // signed out meanwhile: nothing left to clear, nobody to ask
      }
      if (current.refreshToken !== usedRefreshToken) {
        return current;
      }
    }
    this.unsaved = undefined;
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
