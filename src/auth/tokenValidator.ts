import type { Credential } from '../api/credentials';
import type { TokenFacts } from './tokenFacts';

/** Asks the API about a credential before it is trusted or stored. */
export interface TokenValidator {
  validate(credential: Credential, source: TokenFacts['source'], signal?: AbortSignal): Promise<TokenFacts>;
}

/** The token is a PAT whose expiration date has passed. */
export class ExpiredTokenError extends Error {
  constructor(readonly expiresAt: number) {
    super('The token has expired.');
    this.name = 'ExpiredTokenError';
  }
}
