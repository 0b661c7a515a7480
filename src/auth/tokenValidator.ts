import type { Credential } from '../api/credentials';
import type { AccountFacts, TokenFacts } from './tokenFacts';

/** Asks the API about a credential before it is trusted or stored. */
export interface TokenValidator {
  /**
   * `knownAccount`: the account this very credential was found to belong to
   * before (a background check); then only the token itself is asked about.
   */
  validate(credential: Credential, source: TokenFacts['source'], signal?: AbortSignal, knownAccount?: AccountFacts): Promise<TokenFacts>;
}

/** The token is a PAT whose expiration date has passed. */
export class ExpiredTokenError extends Error {
  constructor(readonly expiresAt: number) {
    super('The token has expired.');
    this.name = 'ExpiredTokenError';
  }
}
