import { createDispatcher, DEFAULT_TIMEOUTS, type ProxyOptions } from './dispatcherFactory';
import { request, type Dispatcher, type ResponseData } from './undiciCore';
import { isLoopbackHost } from './endpointPolicy';
import { ResponseTooLargeError } from './errors';
import { readBodyBytes } from './responseBody';
import { scrubSecrets } from './secretScrubber';

/**
 * Fax.Plus OAuth2 authorization-code client: the authorize URL, the code
 * exchange and the refresh grant. Node only (no `vscode`), so it is tested on
 * plain mocha against a real HTTP server.
 *
 * Secrets (client secret, code, refresh and access tokens) never enter an
 * error message, a description or a stack: errors carry only OAuth error
 * codes, HTTP statuses and server descriptions with every known secret
 * masked.
 */

/** What the caller must do about a failure, so the UI never has to parse codes. */
export type OAuthErrorKind =
  /** `invalid_grant`: the code or refresh token is dead; only a new sign-in helps. */
  | 'sign-in-required'
  /** The server refused the client or request (wrong id/secret/URL): retrying will not help. */
  | 'rejected'
  /** Network failure, timeout, 5xx, 429 or an unreadable answer: try again later. */
  | 'try-later'
  /** The caller's AbortSignal fired. */
  | 'cancelled';

export class OAuthError extends Error {
  override readonly name = 'OAuthError';

  constructor(
    readonly kind: OAuthErrorKind,
    /** OAuth error code from the server (`invalid_grant`, `invalid_client`, …) or a local one (`network_error`, `timeout`, `server_error`, `invalid_response`, `unexpected_redirect`, `insecure_url`, `aborted`). */
    readonly code: string,
    /** Server's `error_description`, with known secrets masked; never shown as the message itself. */
    readonly description: string | undefined,
    /** HTTP status when the server answered. */
    readonly status: number | undefined,
  ) {
    super(status === undefined ? `OAuth token request failed: ${code}` : `OAuth token request failed: ${code} (HTTP ${status})`);
  }

  get requiresSignIn(): boolean {
    return this.kind === 'sign-in-required';
  }

  get isTransient(): boolean {
    return this.kind === 'try-later';
  }
}

export interface OAuthTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAt: Date;
  readonly scope: string;
  readonly userId?: string;
}

export interface AuthorizeUrlParams {
  readonly authorizeUrl: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state: string;
  readonly scope?: string;
  /** PKCE S256 challenge (`createPkce`); a server that ignores PKCE ignores it. */
  readonly codeChallenge?: string;
}

interface TokenRequestCommon {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly signal?: AbortSignal;
  /** Whole-request budget; the default keeps a stalled server from hanging sign-in. */
  readonly timeoutMs?: number;
  /** Injected for tests; otherwise a short-lived dispatcher for this one request, through `proxy`. */
  readonly dispatcher?: Dispatcher;
  /** The same proxy settings as API calls (http.proxy, http.noProxy, …; HTTPS_PROXY/NO_PROXY from `env`). */
  readonly proxy?: ProxyOptions;
  /** Environment for the proxy variables; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface ExchangeCodeParams extends TokenRequestCommon {
  readonly code: string;
  readonly redirectUri: string;
  /** The PKCE verifier whose challenge went with the authorization request. */
  readonly codeVerifier?: string;
}

export interface RefreshParams extends TokenRequestCommon {
  readonly refreshToken: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** Used when the server omits `expires_in`; a shorter real lifetime is caught by the 401 path. */
const DEFAULT_EXPIRES_IN_S = 3600;
/** A longer claimed life is capped: beyond ~8.6e12 s the expiry would not even be a valid Date. */
const MAX_EXPIRES_IN_S = 365 * 24 * 3600;
const MAX_BODY_BYTES = 64 * 1024;

export function buildAuthorizeUrl({
  authorizeUrl,
  clientId,
  redirectUri,
  state,
  scope = 'all',
  codeChallenge,
}: AuthorizeUrlParams): string {
  const url = new URL(authorizeUrl);
  assertSafeEndpoint(url);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('scope', scope);
  url.searchParams.set('state', state);
  if (codeChallenge !== undefined) {
    url.searchParams.set('code_challenge', codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  return url.toString();
}

export async function exchangeCode(params: ExchangeCodeParams): Promise<OAuthTokens> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: params.code,
    redirect_uri: params.redirectUri,
    client_id: params.clientId,
  });
  if (params.codeVerifier !== undefined) {
    body.set('code_verifier', params.codeVerifier);
  }
  const tokens = await postTokenRequest(params, body, [params.code, ...(params.codeVerifier !== undefined ? [params.codeVerifier] : [])]);
  if (!tokens.refreshToken) {
    // Without a refresh token the session would silently die within the hour.
    throw new OAuthError('try-later', 'invalid_response', 'The token response has no refresh token.', 200);
  }
  return tokens;
}

export async function refresh(params: RefreshParams): Promise<OAuthTokens> {
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: params.refreshToken,
    client_id: params.clientId,
  });
  const tokens = await postTokenRequest(params, body, [params.refreshToken]);
  // Servers that do not rotate refresh tokens omit it; the old one stays valid.
  return tokens.refreshToken ? tokens : { ...tokens, refreshToken: params.refreshToken };
}

/**
 * Sends the grant as a form body; Fax.Plus's own examples put it in the
 * query string instead, so a 400 other than `invalid_grant` (the server did
 * not find its parameters) is retried once that way. Never both at once:
 * oauthlib-based servers refuse a parameter given twice.
 */
async function postTokenRequest(params: TokenRequestCommon, grant: URLSearchParams, grantSecrets: string[]): Promise<OAuthTokens> {
  try {
    return await sendTokenRequest(params, parseEndpoint(params.tokenUrl), grant.toString(), grantSecrets);
  } catch (err) {
    if (!(err instanceof OAuthError && err.status === 400 && err.code !== 'invalid_grant')) {
      throw err;
    }
    const url = parseEndpoint(params.tokenUrl);
    grant.forEach((value, key) => url.searchParams.set(key, value));
    return sendTokenRequest(params, url, '', grantSecrets);
  }
}

async function sendTokenRequest(params: TokenRequestCommon, url: URL, body: string, grantSecrets: string[]): Promise<OAuthTokens> {
  const mask = (text: string): string => scrubSecrets(text, [params.clientSecret, ...grantSecrets]);
  const timeout = AbortSignal.timeout(params.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = params.signal ? AbortSignal.any([params.signal, timeout]) : timeout;

  let status: number;
  let text: string;
  // Token requests are rare (sign-in, refresh): an own dispatcher, closed after, keeps nothing global.
  const dispatcher = params.dispatcher ?? createDispatcher({ timeouts: DEFAULT_TIMEOUTS, proxy: params.proxy, env: params.env });
  try {
    const response = await request(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${params.clientId}:${params.clientSecret}`, 'utf8').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body,
      signal,
      dispatcher,
    });
    status = response.statusCode;
    text = await readLimited(response.body);
  } catch (err) {
    // The cause is dropped on purpose: transport errors may quote request details.
    if (params.signal?.aborted) {
      throw new OAuthError('cancelled', 'aborted', undefined, undefined);
    }
    if (timeout.aborted) {
      throw new OAuthError('try-later', 'timeout', undefined, undefined);
    }
    const sysCode = (err as { code?: unknown }).code;
    throw new OAuthError('try-later', 'network_error', typeof sysCode === 'string' ? sysCode : undefined, undefined);
  } finally {
    if (!params.dispatcher) {
      void dispatcher.close().catch(() => undefined);
    }
  }
  return interpretResponse(status, text, mask);
}

function interpretResponse(status: number, text: string, mask: (s: string) => string): OAuthTokens {
  if (status >= 300 && status < 400) {
    // A token endpoint never redirects legitimately; following would resend the credentials.
    throw new OAuthError('rejected', 'unexpected_redirect', undefined, status);
  }
  const json = parseJsonObject(text);
  if (status < 200 || status >= 300) {
    throw errorFromBody(status, json, mask);
  }
  const accessToken = json?.access_token;
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw new OAuthError('try-later', 'invalid_response', 'The token response has no access token.', status);
  }
  const expiresIn = Number(json?.expires_in ?? DEFAULT_EXPIRES_IN_S);
  const seconds = Number.isFinite(expiresIn) && expiresIn > 0 ? Math.min(expiresIn, MAX_EXPIRES_IN_S) : DEFAULT_EXPIRES_IN_S;
  const userId = json?.user_id;
  return {
    accessToken,
    refreshToken: typeof json?.refresh_token === 'string' ? json.refresh_token : '',
    expiresAt: new Date(Date.now() + seconds * 1000),
    scope: typeof json?.scope === 'string' ? json.scope : 'all',
    ...(typeof userId === 'string' || typeof userId === 'number' ? { userId: String(userId) } : {}),
  };
}

function errorFromBody(status: number, json: Record<string, unknown> | undefined, mask: (s: string) => string): OAuthError {
  // The code becomes part of the message: one that echoes a secret is not used.
  const serverCode =
    typeof json?.error === 'string' && /^[\w.-]{1,64}$/.test(json.error) && mask(json.error) === json.error ? json.error : undefined;
  const code = serverCode ?? (status >= 500 ? 'server_error' : 'http_error');
  const rawDescription = json?.error_description ?? json?.description;
  const description = typeof rawDescription === 'string' ? mask(rawDescription).slice(0, 500) : undefined;
  return new OAuthError(kindOf(code, status), code, description, status);
}

function kindOf(code: string, status: number): OAuthErrorKind {
  if (code === 'invalid_grant') {
    return 'sign-in-required';
  }
  if (status >= 500 || status === 429 || code === 'temporarily_unavailable' || code === 'server_error') {
    return 'try-later';
  }
  return 'rejected';
}

function parseEndpoint(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OAuthError('rejected', 'insecure_url', 'The token URL is not a valid URL.', undefined);
  }
  assertSafeEndpoint(url);
  return url;
}

/** Credentials go only over https, or plain http to this machine (docs/ARCHITECTURE.md, "Where a credential may go"). */
function assertSafeEndpoint(url: URL): void {
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new OAuthError('rejected', 'insecure_url', 'OAuth URLs must use https (or http to 127.0.0.1).', undefined);
  }
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** An oversized answer reads as no answer, which interpretResponse reports as unreadable. */
async function readLimited(body: ResponseData['body']): Promise<string> {
  try {
    return (await readBodyBytes(body, MAX_BODY_BYTES, 'oauthToken')).toString('utf8');
  } catch (error) {
    if (error instanceof ResponseTooLargeError) {
      return '';
    }
    throw error;
  }
}
