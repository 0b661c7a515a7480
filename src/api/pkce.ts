import { createHash, randomBytes } from 'node:crypto';

/** A PKCE pair (RFC 7636): the challenge goes to the browser, the verifier only to the token endpoint. */
export interface Pkce {
  readonly verifier: string;
  readonly challenge: string;
}

/** S256 only: `plain` would hand the verifier to the browser. 32 random bytes give a 43-character verifier. */
export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier, 'ascii').digest('base64url') };
}
