import { randomBytes } from 'node:crypto';

/** A CSP nonce: 128 random bits, new for every page the viewer builds. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}
