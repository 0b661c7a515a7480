import { buildAuthorizeUrl, exchangeCode } from '../api/oauthClient';
import type { EndpointSettings } from '../config/endpointSettings';
import type { Logger } from '../logging/outputLogger';
import type { Redactor } from '../logging/redactor';
import type { AuthSession } from './authSession';
import type { OAuthBrowser } from './oauthBrowser';
import type { OAuthClientSecretStore } from './oauthClientSecretStore';
import type { OAuthCredentials } from './oauthCredentials';
import { OAuthLoopbackError, OAuthLoopbackServer } from './oauthLoopbackServer';
import { OAuthTokenNotAcceptedError, RedirectPortBusyError } from './oauthSignInErrors';
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
      const authorizeUrl = buildAuthorizeUrl({ authorizeUrl: oauthAuthorizeUrl, clientId, redirectUri: server.redirectUri, state: server.state });
      this.logger.info(`OAuth sign-in started; waiting for the browser on ${server.redirectUri}`);
      if (!(await this.browser.open(authorizeUrl, request.openExternal))) {
        throw new OAuthLoopbackError('cancelled');
      }
      const code = await server.waitForCode();
      this.redactor.addSecret(code);
      if (server.stateWasMissing) {
        this.logger.warn('OAuth: the redirect from Fax.Plus carried no state; accepted (the loopback address, port, path and single use still checked)');
      }
      const tokens = await exchangeCode({ tokenUrl: oauthTokenUrl, clientId, clientSecret, code, redirectUri: server.redirectUri, signal });
      this.redactor.addSecret(tokens.accessToken);
      this.redactor.addSecret(tokens.refreshToken);
      // Kept for the refresh grant, and so that signing in again needs no typing.
      await this.clientSecrets.store(clientId, clientSecret);
      const state = await this.session.adoptOAuth(() => this.credentials.save(tokens, clientId, clientSecret), signal);
      if (state.status !== 'signedIn') {
        await this.credentials.signOut();
        throw new OAuthTokenNotAcceptedError();
      }
      this.logger.info('Signed in with OAuth');
      return state.facts;
    } finally {
      server.dispose();
    }
  }
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
