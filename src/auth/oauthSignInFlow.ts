import { buildAuthorizeUrl, exchangeCode } from '../api/oauthClient';
import { createPkce } from '../api/pkce';
import type { EndpointSettings } from '../config/endpointSettings';
import { proxyOptionsFromSettings } from '../config/proxySettings';
import type { Logger } from '../api/logger';
import type { Redactor } from '../logging/redactor';
import type { AuthSession } from './authSession';
import type { OAuthBrowser } from './oauthBrowser';
import type { OAuthClientSecretStore } from './oauthClientSecretStore';
import type { OAuthCredentials } from './oauthCredentials';
import { OAuthLoopbackError, OAuthLoopbackServer } from './oauthLoopbackServer';
import {
  OAuthTokenCheckFailedError,
  OAuthTokenNotAcceptedError,
  RedirectPortBusyError,
  RemoteRedirectUnreachableError,
} from './oauthSignInErrors';
import { CancelledError, FaxPlusError, UnauthorizedError } from '../api/errors';
import type { TokenFacts } from './tokenFacts';

export interface OAuthSignInRequest {
  readonly clientId: string;
  readonly clientSecret: string;
  /** 0 lets the OS choose a free port. */
  readonly redirectPort: number;
  /** False: publish the authorization URL only (automation follows it without a browser). */
  readonly openExternal: boolean;
  readonly signal?: AbortSignal;
}

/**
 * One OAuth2 authorization-code sign-in: loopback server with a random
 * state, the browser to Fax.Plus, the code exchanged for tokens (client id
 * and secret as HTTP Basic), the tokens kept in SecretStorage, and the
 * session's facts (type, scopes, account) learnt from the API.
 */
export class OAuthSignInFlow {
  constructor(
    private readonly endpoints: EndpointSettings,
    private readonly browser: OAuthBrowser,
    private readonly credentials: OAuthCredentials,
    private readonly clientSecrets: OAuthClientSecretStore,
    private readonly session: AuthSession,
    private readonly redactor: Redactor,
    private readonly logger: Logger,
  ) {}

  async run(request: OAuthSignInRequest): Promise<TokenFacts> {
    const { clientId, clientSecret, signal } = request;
    this.redactor.addSecret(clientSecret);
    const { oauthAuthorizeUrl, oauthTokenUrl } = this.endpoints.resolve();
    const server = await startLoopback(request.redirectPort, signal);
    try {
      const pkce = createPkce();
      const authorizeUrl = buildAuthorizeUrl({
        authorizeUrl: oauthAuthorizeUrl,
        clientId,
        redirectUri: server.redirectUri,
        state: server.state,
        codeChallenge: pkce.challenge,
      });
      if (!(await this.browser.reachable(server.redirectUri))) {
        throw new RemoteRedirectUnreachableError(server.port);
      }
      this.logger.info(`OAuth sign-in started; waiting for the browser on ${server.redirectUri}`);
      if (!(await this.browser.open(authorizeUrl, request.openExternal))) {
        throw new OAuthLoopbackError('cancelled');
      }
      const code = await server.waitForCode();
      this.redactor.addSecret(code);
      if (server.stateWasMissing) {
        this.logger.warn(
          'OAuth: the redirect from Fax.Plus carried no state; accepted (the loopback address, port, path and single use still checked)',
        );
      }
      const tokens = await exchangeCode({
        tokenUrl: oauthTokenUrl,
        clientId,
        clientSecret,
        code,
        codeVerifier: pkce.verifier,
        redirectUri: server.redirectUri,
        signal,
        proxy: proxyOptionsFromSettings(),
      });
      this.redactor.addSecret(tokens.accessToken);
      this.redactor.addSecret(tokens.refreshToken);
      // Kept for the refresh grant, and so that signing in again needs no typing.
      await this.clientSecrets.store(clientId, clientSecret);
      const facts = await this.session
        .adoptOAuth(
          { token: tokens.accessToken, kind: 'oauth', clientId },
          () => this.credentials.save(tokens, clientId, clientSecret),
          signal,
        )
        .catch((e: unknown) => {
          throw tokenCheckFailure(e);
        });
      this.logger.info('Signed in with OAuth');
      return facts;
    } finally {
      server.dispose();
    }
  }
}

/** Only a 401 means Fax.Plus refused the new token; 5xx, time-outs and a cancel say so instead. */
function tokenCheckFailure(e: unknown): unknown {
  if (e instanceof UnauthorizedError) {
    return new OAuthTokenNotAcceptedError();
  }
  if (e instanceof FaxPlusError && !(e instanceof CancelledError)) {
    return new OAuthTokenCheckFailedError(e);
  }
  return e;
}

async function startLoopback(port: number, signal: AbortSignal | undefined): Promise<OAuthLoopbackServer> {
  try {
    return await OAuthLoopbackServer.start({ port, signal });
  } catch (e) {
    if ((e as { code?: unknown }).code === 'EADDRINUSE') {
      throw new RedirectPortBusyError(port);
    }
    throw e;
  }
}
