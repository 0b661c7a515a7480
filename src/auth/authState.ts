import type { TokenFacts } from './tokenFacts';

/** A credential as the API client uses it. Lives only in memory and in SecretStorage. */
export interface Credential {
  readonly token: string;
  readonly kind: 'pat' | 'oauth';
  readonly clientId?: string;
}

export type AuthProblem = 'unauthorized' | 'expired' | 'secretStorageUnavailable' | 'endpoint';

export type AuthState =
  | { readonly status: 'signedOut'; readonly problem?: AuthProblem; readonly detail?: string }
  | { readonly status: 'signedIn'; readonly facts: TokenFacts };
