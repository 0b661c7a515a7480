import { createHash } from 'node:crypto';

/**
 * A short SHA-256 prefix that ties stored facts to the token they describe.
 * 64 bits tell two tokens apart without making the token recoverable.
 */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token.trim(), 'utf8').digest('hex').slice(0, 16);
}
