import type { ClientFactory } from '../client/clientFactory';
import type { FaxPlusClient } from '../api/faxPlusClient';
import { ForbiddenError } from '../api/errors';
import type { Credential } from './authState';
import type { AccountFacts, TokenFacts } from './tokenFacts';
import { ExpiredTokenError, type TokenValidator } from './tokenValidator';
import { tokenFingerprint } from './tokenFingerprint';

/**
 * Validates a credential with GET /auth/token (scopes, expiry) and
 * GET /accounts/self (who it belongs to), in parallel, using a client that carries only
 * that credential, so nothing is stored before Fax.Plus has accepted it.
 */
export class ApiTokenValidator implements TokenValidator {
  constructor(private readonly clients: ClientFactory, private readonly now: () => number = Date.now) {}

  async validate(credential: Credential, source: TokenFacts['source'], signal?: AbortSignal): Promise<TokenFacts> {
    const client = this.clients.create({ getCredential: async () => credential });
    try {
      // Both asked at once: a sign-in costs one round trip, not two. The token's answer decides first.
      const pendingInfo = client.getTokenInfo({ signal });
      const pendingAccount = this.accountOf(client, signal);
      pendingAccount.catch(() => undefined);
      const info = await pendingInfo;
      const expiresAt = info.expiresAt?.getTime();
      if (expiresAt !== undefined && expiresAt <= this.now()) {
        throw new ExpiredTokenError(expiresAt);
      }
      const account = await pendingAccount;
      return {
        kind: info.tokenType === 'oauth' ? 'oauth' : 'pat',
        source,
        scopes: info.scopes,
        tokenName: info.name,
        preview: info.preview,
        expiresAt,
        account,
        checkedAt: this.now(),
        fingerprint: tokenFingerprint(credential.token),
      };
    } finally {
      client.dispose();
    }
  }

  /** A token without a user/member read scope cannot read its own account; that alone is no reason to refuse it. */
  private async accountOf(client: FaxPlusClient, signal?: AbortSignal): Promise<AccountFacts | undefined> {
    try {
      const a = await client.getAccount('self', { signal });
      return { uid: a.uid, email: a.email, name: [a.name, a.lastname].filter(Boolean).join(' ') || undefined, type: a.accountType };
    } catch (e) {
      if (e instanceof ForbiddenError) {
        return undefined;
      }
      throw e;
    }
  }
}
