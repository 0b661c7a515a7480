import type { ClientFactory } from '../client/clientFactory';
import { fullName } from '../format/personName';
import type { FaxPlusClient } from '../api/faxPlusClient';
import { FaxPlusError, ForbiddenError, NotFoundError } from '../api/errors';
import type { Account, TokenInfo } from '../api/models';
import { OAUTH_SCOPE } from '../api/parseTokenInfo';
import type { Credential } from '../api/credentials';
import type { AccountFacts, TokenFacts } from './tokenFacts';
import { ExpiredTokenError, type TokenValidator } from './tokenValidator';
import { tokenFingerprint } from './tokenFingerprint';

/**
 * Validates a credential with GET /auth/token (scopes, expiry) and
 * GET /accounts/self (who it belongs to), in parallel, using a client that carries only
 * that credential, so nothing is stored before Fax.Plus has accepted it.
 * A server without /auth/token (404/405) is asked only /accounts/self: the
 * token is accepted when that works, with its scopes unknown. With the
 * account already known (a returning person's background check), only
 * /auth/token is asked, unless the server lacks it.
 */
export class ApiTokenValidator implements TokenValidator {
  constructor(
    private readonly clients: ClientFactory,
    private readonly now: () => number = Date.now,
  ) {}

  async validate(
    credential: Credential,
    source: TokenFacts['source'],
    signal?: AbortSignal,
    knownAccount?: AccountFacts,
  ): Promise<TokenFacts> {
    const client = this.clients.create({ getCredential: async () => credential });
    try {
      // Both asked at once: a sign-in costs one round trip, not two. The token's answer decides first.
      const pendingInfo = this.tokenInfo(client, signal);
      let pendingAccount = knownAccount ? Promise.resolve<AccountFacts | undefined>(knownAccount) : this.accountOf(client, signal);
      pendingAccount.catch(() => undefined);
      const info = await pendingInfo;
      if (!info) {
        // No GET /auth/token here: /accounts/self answering (or a 403, not a 401) proves the token.
        if (knownAccount) {
          pendingAccount = this.accountOf(client, signal);
        }
        return {
          kind: credential.kind,
          source,
          scopes: [OAUTH_SCOPE],
          scopesUnknown: true,
          account: (await pendingAccount) ?? knownAccount,
          checkedAt: this.now(),
          fingerprint: tokenFingerprint(credential.token),
        };
      }
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

  /** The token's facts, or undefined when the server has no GET /auth/token. */
  private async tokenInfo(client: FaxPlusClient, signal?: AbortSignal): Promise<TokenInfo | undefined> {
    try {
      return await client.getTokenInfo({ signal });
    } catch (e) {
      if (e instanceof NotFoundError || (e instanceof FaxPlusError && e.status === 405)) {
        return undefined;
      }
      throw e;
    }
  }

  /** A token without a user/member read scope cannot read its own account; that alone is no reason to refuse it. */
  private async accountOf(client: FaxPlusClient, signal?: AbortSignal): Promise<AccountFacts | undefined> {
    try {
      return accountFacts(await client.getAccount('self', { signal }));
    } catch (e) {
      if (e instanceof ForbiddenError) {
        return undefined;
      }
      throw e;
    }
  }
}

function accountFacts(a: Account): AccountFacts {
  return { uid: a.uid, email: a.email, name: fullName(a), type: a.accountType, phone: a.phone, company: a.companyName };
}
