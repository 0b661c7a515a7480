import type { IncomingMessage, ServerResponse } from 'node:http';
import { isPermitted, scopesThatPermit } from '../../src/api/scopes';
import type { ApiContext, EmulatorEnv, OperationTable } from './context';
import type { ActiveFault, FaultInjector } from './faults';
import type { LateCommits } from './lateCommits';
import { ApiError, type ApiResult, gatewayHtmlResult, readBody, serialize, sleep, writeResult } from './http';
import { ADMIN_ONLY } from './operations';
import type { LoggedRequest } from './requestLog';
import type { SpecRoute } from './routes';
import { settle } from './settle';
import type { TokenRecord } from './tokens';

export interface ApiPipelineDeps {
  env: () => EmulatorEnv;
  routes: readonly SpecRoute[];
  operations: OperationTable;
  faults: FaultInjector;
  lateCommits: LateCommits;
}

const GATEWAY_STATUSES = [502, 503, 504];
/** API GETs seen per emulator environment, for the `gatewayErrorEvery` variant. */
const getsSeen = new WeakMap<EmulatorEnv, number>();

/** The `gatewayErrorEvery` variant: every Nth GET never reaches the API; a gateway answers with HTML. */
function gatewayStatusFor(env: EmulatorEnv, method: string): number | undefined {
  const every = env.variants.gatewayErrorEvery;
  if (method !== 'GET' || every <= 0) {
    return undefined;
  }
  const n = (getsSeen.get(env) ?? 0) + 1;
  getsSeen.set(env, n);
  return n % every === 0 ? GATEWAY_STATUSES[(n / every) % GATEWAY_STATUSES.length] : undefined;
}

/** Signals that the connection was destroyed on purpose: nothing more to write. */
class ConnectionReset extends Error {}

function bearer(req: IncomingMessage): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return m?.[1];
}

function authenticate(env: EmulatorEnv, req: IncomingMessage, now: number): TokenRecord {
  const token = bearer(req);
  if (!token) {
    throw new ApiError(401, 'invalid_token', 'No access token: send Authorization: Bearer <token>', { 'www-authenticate': 'Bearer' });
  }
  const rec = env.tokens.lookup(token);
  if (!rec || rec.revoked) {
    throw new ApiError(401, 'invalid_token', 'The access token is invalid or has been revoked', {
      'www-authenticate': 'Bearer error="invalid_token"',
    });
  }
  if (rec.expiresMs <= now) {
    throw new ApiError(401, 'invalid_token', 'The access token has expired', {
      'www-authenticate': 'Bearer error="invalid_token", error_description="expired"',
    });
  }
  if (rec.kind === 'oauth' && req.headers['x-fax-clientid'] !== rec.clientId) {
    throw new ApiError(401, 'invalid_token', 'OAuth2 access tokens need the header x-fax-clientid with the client id they were issued to');
  }
  return rec;
}

function authorize(route: SpecRoute, token: TokenRecord): void {
  const scopes = token.kind === 'oauth' ? ['all'] : token.scopes;
  if (!isPermitted(scopes, route.permittedScopes)) {
    const need = scopesThatPermit(route.permittedScopes);
    throw new ApiError(
      403,
      'insufficient_scope',
      `The token's scopes do not permit ${route.operationId}; it needs one of: ${need.join(', ')}`,
    );
  }
}

function resolveUser(env: EmulatorEnv, route: SpecRoute, params: Record<string, string>, callerUid: string): string {
  const isAdmin = env.state.isAdmin(callerUid);
  if (ADMIN_ONLY.has(route.operationId) && !isAdmin) {
    throw new ApiError(403, 'forbidden', `${route.operationId} is only available to the corporate admin`);
  }
  const raw = params.user_id;
  if (raw === undefined || raw === 'self' || raw === callerUid) {
    return callerUid;
  }
  if (!isAdmin) {
    throw new ApiError(403, 'forbidden', 'Members can only access their own account (user_id self)');
  }
  if (!env.state.account(raw)) {
    throw new ApiError(404, 'user_not_found', `No member with user id ${raw}`);
  }
  return raw;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const ct = req.headers['content-type'] ?? '';
  if (!['POST', 'PUT', 'PATCH'].includes(req.method ?? '') || /multipart\/form-data/i.test(ct)) {
    return undefined;
  }
  const raw = await readBody(req);
  if (raw.length === 0) {
    return undefined;
  }
  if (!/json/i.test(ct)) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json');
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ApiError(400, 'invalid_request', 'The body is not valid JSON');
  }
}

/** Reads and drops a request body so the connection stays usable. */
async function discard(req: IncomingMessage): Promise<void> {
  for await (const chunk of req) {
    void chunk;
  }
}

async function destroyAfterBytes(req: IncomingMessage, bytes: number): Promise<never> {
  let seen = 0;
  if (bytes > 0) {
    await new Promise<void>((resolve) => {
      req.on('data', (c: Buffer) => {
        seen += c.length;
        if (seen >= bytes) {
          resolve();
        }
      });
      req.on('end', resolve);
      req.on('close', resolve);
    });
  }
  req.socket.destroy();
  throw new ConnectionReset();
}

/** Applies a post-commit fault (or none) and writes the operation's answer. */
function deliver(res: ServerResponse, log: LoggedRequest, result: ApiResult, fault: ActiveFault | undefined): void {
  if (fault?.kind === 'reset' && (fault.afterCommit || fault.midBody)) {
    if (fault.midBody) {
      const { body, contentType } = serialize(result);
      log.status = result.status;
      res.writeHead(result.status, { 'content-type': contentType, 'content-length': String(body.length), ...result.headers });
      res.write(body.subarray(0, Math.max(1, Math.floor(body.length / 2))), () => res.socket?.destroy());
      return;
    }
    res.socket?.destroy();
    return;
  }
  if (fault?.kind === 'malformedJson') {
    const text = JSON.stringify(result.json ?? { data: { records: [] } });
    log.status = 200;
    writeResult(res, {
      status: 200,
      body: Buffer.from(text.slice(0, Math.max(1, Math.floor(text.length / 2)))),
      contentType: 'application/json; charset=utf-8',
    });
    return;
  }
  log.status = result.status;
  writeResult(res, result);
}

/** What a gateway answers when the backend is slow: 502/504, JSON or an HTML page, or a dropped connection. */
function answerGatewayError(res: ServerResponse, log: LoggedRequest, fault: ActiveFault): void {
  if (fault.reset) {
    res.socket?.destroy();
    return;
  }
  const status = fault.status ?? 504;
  log.status = status;
  const title = status === 502 ? '502 Bad Gateway' : `${status} Gateway Time-out`;
  writeResult(
    res,
    fault.html
      ? {
          status,
          body: Buffer.from(
            `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`,
          ),
          contentType: 'text/html',
        }
      : { status, json: fault.body ?? { error: 'gateway_timeout', description: `Emulated ${title}` } },
  );
}

/** Handles one /v3 request: route, faults, auth, scopes, operation, answer. */
export async function handleApi(
  deps: ApiPipelineDeps,
  req: IncomingMessage,
  res: ServerResponse,
  apiPath: string,
  url: URL,
  log: LoggedRequest,
): Promise<void> {
  const env = deps.env();
  const method = req.method ?? 'GET';
  let route: SpecRoute | undefined;
  let params: Record<string, string> | undefined;
  let pathMatched = false;
  for (const r of deps.routes) {
    const p = r.match(apiPath);
    if (p) {
      pathMatched = true;
      if (r.method === method) {
        route = r;
        params = p;
        break;
      }
    }
  }
  try {
    if (!route || !params) {
      throw pathMatched
        ? new ApiError(405, 'method_not_allowed', `${method} is not allowed on ${apiPath}`)
        : new ApiError(404, 'not_found', `No API operation at ${apiPath}`);
    }
    log.operationId = route.operationId;
    const fault = deps.faults.take({ operationId: route.operationId, method, path: url.pathname, query: url.searchParams });
    if (fault?.kind === 'latency') {
      await sleep(fault.ms ?? 1000);
    }
    if (fault?.kind === 'status') {
      const status = fault.status ?? 500;
      log.status = status;
      writeResult(res, { status, json: fault.body ?? { error: 'emulated_fault', description: `Emulated ${status} answer` } });
      return;
    }
    const gatewayStatus = fault?.kind === 'gatewayHtml' ? (fault.status ?? 502) : gatewayStatusFor(env, method);
    if (gatewayStatus !== undefined) {
      await discard(req);
      log.status = gatewayStatus;
      writeResult(res, gatewayHtmlResult(gatewayStatus));
      return;
    }
    if (fault?.kind === 'rateLimit') {
      const secs = fault.retryAfterSeconds ?? 1;
      throw new ApiError(429, 'rate_limit_exceeded', `Too many requests; retry after ${secs} s`, { 'retry-after': String(secs) });
    }
    const isUpload = route.operationId === 'uploadFile';
    const resetBefore = fault?.kind === 'reset' && !fault.afterCommit && !fault.midBody;
    if (resetBefore && !isUpload) {
      await destroyAfterBytes(req, fault.afterBytes ?? 0);
    }
    const now = env.clock.now();
    const presented = bearer(req);
    if (fault?.kind === 'expireToken' && presented) {
      const rec = env.tokens.lookup(presented);
      if (rec) {
        rec.expiresMs = now;
      }
    }
    const token = authenticate(env, req, now);
    authorize(route, token);
    const targetUid = resolveUser(env, route, params, token.uid);
    const body = isUpload ? undefined : await readJson(req);
    if (body !== undefined) {
      log.bodyJson = body;
    }
    settle(env);
    const ctx: ApiContext = {
      env,
      req,
      route,
      params,
      query: url.searchParams,
      token,
      callerUid: token.uid,
      targetUid,
      body,
      now,
      resetAfterBytes: resetBefore && isUpload ? (fault.afterBytes ?? 0) : undefined,
      onUploadBytes: (n) => {
        log.uploadBytes = n;
      },
    };
    if (token.kind === 'pat') {
      token.lastUsedMs = now; // this request counts as a use, as getTokenInfo shows
    }
    if (fault?.kind === 'lateCommit') {
      answerGatewayError(res, log, fault);
      const operation = deps.operations[route.operationId];
      deps.lateCommits.schedule(fault.commitAfterMs ?? 3000, () => {
        settle(env);
        return operation({ ...ctx, now: env.clock.now() });
      });
      return;
    }
    const result = await deps.operations[route.operationId](ctx);
    if (req.socket.destroyed) {
      return;
    }
    deliver(res, log, result, fault);
  } catch (err) {
    if (err instanceof ConnectionReset || req.socket.destroyed || res.headersSent) {
      return;
    }
    if (err instanceof ApiError && err.status > 0) {
      log.status = err.status;
      writeResult(res, { status: err.status, json: err.body, headers: err.headers });
      return;
    }
    log.status = 500;
    writeResult(res, { status: 500, json: { error: 'internal_error', description: err instanceof Error ? err.message : String(err) } });
  }
}
