import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import type { EmulatorEnv } from './context';
import { readBody, sendJson } from './http';
import { randomBase62 } from './tokens';

export interface OAuthClient {
  id: string;
  secret: string;
  /** Exact redirect URIs, or prefixes when they end with `*`. */
  redirectUris?: string[];
  /** Accept any http loopback redirect URI (127.0.0.1, localhost, [::1]; any port). */
  allowLoopback?: boolean;
}

export interface OAuthSettings {
  clients: OAuthClient[];
  accessTokenTtlMs: number;
  codeTtlMs: number;
  autoApprove: boolean;
  account: 'admin' | 'member';
}

export function demoClient(): OAuthClient {
  return { id: 'APIK-demo-client', secret: randomBase62(32), redirectUris: ['vscode://faxdesk.faxplus-vscode/*'], allowLoopback: true };
}

export function redirectAllowed(client: OAuthClient, uri: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    return false;
  }
  if (client.allowLoopback && parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) {
    return true;
  }
  return (client.redirectUris ?? []).some((r) => (r.endsWith('*') ? uri.startsWith(r.slice(0, -1)) : uri === r));
}

function tokenError(res: ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description }, { 'cache-control': 'no-store' });
}

/** GET /login: the authorization endpoint; approves at once and redirects back with a code. */
export function handleLogin(env: EmulatorEnv, settings: OAuthSettings, url: URL, res: ServerResponse, memberUid: string): number {
  const q = url.searchParams;
  const client = settings.clients.find((c) => c.id === q.get('client_id'));
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!client) {
    sendJson(res, 400, { error: 'invalid_client', error_description: 'Unknown client_id' });
    return 400;
  }
  if (!redirectAllowed(client, redirectUri)) {
    sendJson(res, 400, { error: 'invalid_request', error_description: 'redirect_uri is not registered for this client' });
    return 400;
  }
  const target = new URL(redirectUri);
  const state = q.get('state');
  // No Fax.Plus source shows `state` coming back: the `oauthState: drop` variant leaves it out.
  if (state !== null && env.variants.oauthState === 'echo') {
    target.searchParams.set('state', state);
  }
  const codeChallenge = q.get('code_challenge') ?? undefined;
  if (q.get('response_type') !== 'code') {
    target.searchParams.set('error', 'unsupported_response_type');
  } else if (codeChallenge !== undefined && q.get('code_challenge_method') !== 'S256') {
    // Servers that support PKCE refuse `plain` or a missing method in favour of S256 (RFC 9700 §2.1.1).
    target.searchParams.set('error', 'invalid_request');
  } else if (!settings.autoApprove) {
    target.searchParams.set('error', 'access_denied');
  } else {
    const code = randomBase62(32);
    env.tokens.codes.set(code, {
      code,
      clientId: client.id,
      redirectUri,
      uid: settings.account === 'member' ? memberUid : env.state.adminUid,
      expiresMs: env.clock.now() + settings.codeTtlMs,
      used: false,
      grantId: randomUUID(),
      ...(codeChallenge !== undefined ? { codeChallenge } : {}),
    });
    target.searchParams.set('code', code);
  }
  res.writeHead(302, { location: target.toString(), 'cache-control': 'no-store' });
  res.end();
  return 302;
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

function clientCredentials(req: IncomingMessage, form: URLSearchParams): { id?: string; secret?: string } {
  const m = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (m) {
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i > 0) {
      return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
    }
  }
  return { id: form.get('client_id') ?? undefined, secret: form.get('client_secret') ?? undefined };
}

/**
 * The token request's parameters as the `tokenParams` variant reads them:
 * body only, query only, or either (undefined when both carry parameters).
 */
function tokenParams(env: EmulatorEnv, req: IncomingMessage, body: string): URLSearchParams | undefined {
  const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
  const form = new URLSearchParams(body);
  switch (env.variants.tokenParams) {
    case 'body':
      return form;
    case 'query':
      return query;
    default:
      if ([...query.keys()].length > 0 && [...form.keys()].length > 0) {
        return undefined;
      }
      return [...query.keys()].length > 0 ? query : form;
  }
}

/** POST /token: authorization_code and refresh_token grants; refresh tokens rotate. */
export async function handleToken(env: EmulatorEnv, settings: OAuthSettings, req: IncomingMessage, res: ServerResponse): Promise<number> {
  const form = tokenParams(env, req, (await readBody(req)).toString('utf8'));
  if (form === undefined) {
    // oauthlib-based servers refuse a parameter given twice (query and body).
    tokenError(res, 400, 'invalid_request', 'Send the parameters either in the query string or in the body, not both');
    return 400;
  }
  const creds = clientCredentials(req, form);
  const client = settings.clients.find((c) => c.id === creds.id);
  if (!client || client.secret !== creds.secret) {
    tokenError(res, 401, 'invalid_client', 'Client authentication failed');
    return 401;
  }
  const bodyClient = form.get('client_id');
  if (bodyClient !== null && bodyClient !== client.id) {
    tokenError(res, 400, 'invalid_request', 'client_id in the body does not match the authenticated client');
    return 400;
  }
  const now = env.clock.now();
  const grant = form.get('grant_type');
  let uid: string;
  let grantId: string;
  if (grant === 'authorization_code') {
    const codeValue = form.get('code') ?? '';
    const code = env.tokens.codes.get(codeValue);
    if (!code || code.clientId !== client.id) {
      tokenError(res, 400, 'invalid_grant', 'Unknown authorization code');
      return 400;
    }
    if (code.used) {
      env.tokens.revokeGrant(code.grantId); // RFC 6749 §4.1.2: a reused code revokes what it issued
      tokenError(res, 400, 'invalid_grant', 'The authorization code was already used');
      return 400;
    }
    code.used = true;
    if (code.expiresMs <= now) {
      tokenError(res, 400, 'invalid_grant', 'The authorization code has expired');
      return 400;
    }
    if (form.get('redirect_uri') !== code.redirectUri) {
      tokenError(res, 400, 'invalid_grant', 'redirect_uri does not match the one used to obtain the code');
      return 400;
    }
    if (code.codeChallenge !== undefined && s256(form.get('code_verifier') ?? '') !== code.codeChallenge) {
      tokenError(res, 400, 'invalid_grant', 'code_verifier does not match the code_challenge');
      return 400;
    }
    uid = code.uid;
    grantId = code.grantId;
  } else if (grant === 'refresh_token') {
    const rt = env.tokens.refresh.get(form.get('refresh_token') ?? '');
    if (!rt || rt.used || rt.clientId !== client.id) {
      tokenError(res, 400, 'invalid_grant', 'The refresh token is invalid, was already used or was revoked');
      return 400;
    }
    rt.used = true;
    uid = rt.uid;
    grantId = rt.grantId;
  } else {
    tokenError(res, 400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
    return 400;
  }
  // Prefixed so leak scans can recognise emulator OAuth tokens (the real format is opaque).
  const access = `emu_at_${randomBase62(48)}`;
  const refresh = `emu_rt_${randomBase62(48)}`;
  env.tokens.access.set(access, {
    kind: 'oauth',
    token: access,
    uid,
    clientId: client.id,
    expiresMs: now + settings.accessTokenTtlMs,
    revoked: false,
    grantId,
  });
  env.tokens.refresh.set(refresh, { token: refresh, uid, clientId: client.id, grantId, used: false });
  sendJson(
    res,
    200,
    {
      access_token: access,
      refresh_token: refresh,
      token_type: 'Bearer',
      expires_in: Math.floor(settings.accessTokenTtlMs / 1000),
      scope: 'all',
      user_id: uid,
    },
    { 'cache-control': 'no-store', pragma: 'no-cache' },
  );
  return 200;
}
