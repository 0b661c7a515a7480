/**
 * What the extension knows about the credential in use, without the secret.
 * Kept in globalState so the UI can render on first use without a request.
 */
export interface TokenFacts {
  readonly kind: 'pat' | 'oauth';
  /** Where the credential came from; environment tokens are never stored. */
  readonly source: 'secretStorage' | 'environment' | 'oauth';
  readonly scopes: readonly string[];
  /**
   * GET /auth/token is missing on this server (it is in the docs, not in the
   * SDKs): `scopes` is then `['all']` so every command is offered and the
   * server's 403 decides.
   */
  readonly scopesUnknown?: boolean;
  readonly tokenName?: string;
  readonly preview?: string;
  /** Milliseconds since the epoch (PATs only). */
  readonly expiresAt?: number;
  readonly account?: AccountFacts;
  /** When these facts were last confirmed by GET /auth/token. */
  readonly checkedAt: number;
  /** `tokenFingerprint` of the token described: facts about another token are re-learned, never trusted. */
  readonly fingerprint?: string;
}

export interface AccountFacts {
  readonly uid: string;
  readonly email?: string;
  /** Full name (name and last name). */
  readonly name?: string;
  readonly type?: string;
  readonly phone?: string;
  readonly company?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Days until expiry as people count them: a token expiring in 2 days and 23
 * hours has 3 days left, one expiring in an hour 1 day. Negative once
 * expired; undefined when the token never expires.
 */
export function daysLeft(facts: Pick<TokenFacts, 'expiresAt'>, now: number): number | undefined {
  if (facts.expiresAt === undefined) {
    return undefined;
  }
  const ms = facts.expiresAt - now;
  return ms > 0 ? Math.ceil(ms / DAY_MS) : -1 - Math.floor(-ms / DAY_MS);
}

export function isExpired(facts: Pick<TokenFacts, 'expiresAt'>, now: number): boolean {
  return facts.expiresAt !== undefined && facts.expiresAt <= now;
}

export function isAdmin(facts: TokenFacts | undefined): boolean {
  return facts?.account?.type === 'corporate_admin';
}
