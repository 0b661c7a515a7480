import type { TokenFacts } from './tokenFacts';

export type AuthProblem = 'unauthorized' | 'expired' | 'secretStorageUnavailable' | 'endpoint';

export type AuthState =
  | { readonly status: 'signedOut'; readonly problem?: AuthProblem; readonly detail?: string }
  | { readonly status: 'signedIn'; readonly facts: TokenFacts };
