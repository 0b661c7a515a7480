/** What the client puts in `Authorization` (and, for OAuth, `x-fax-clientid`). */
export interface Credential {
  readonly token: string;
  readonly kind: 'pat' | 'oauth';
  /** Required by the API with OAuth2 access tokens. */
  readonly clientId?: string;
}

/**
 * Hands the client a credential for each request. Implemented by the auth
 * layer (SecretStorage PAT, or an `OAuthSession`), injected so `src/api`
 * never learns where tokens live.
 */
export interface CredentialsProvider {
  getCredential(): Promise<Credential | undefined>;
  /**
   * Called once after a 401 (the server did not act). Return a different
   * credential (e.g. after an OAuth refresh) and the client repeats the
   * request once; return undefined to give up.
   */
  onUnauthorized?(rejected: Credential): Promise<Credential | undefined>;
}
