import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiPipelineDeps } from './apiPipeline';
import { handleApi } from './apiPipeline';
import { handleControl } from './control';
import { isLoopback, sendJson } from './http';
import type { Emulator } from './index';
import { handleLogin, handleToken, type OAuthSettings } from './oauth';
import { type LoggedRequest, loggableHeaders } from './requestLog';
import { tokenPreview } from './tokens';
import type { EmulatorEnv } from './context';
import type { Link } from './link';

export interface ServerDeps {
  emulator: Emulator;
  api: ApiPipelineDeps;
  env: () => EmulatorEnv;
  oauth: OAuthSettings;
  log: LoggedRequest[];
  memberUid: () => string;
  link: Link;
}

/** One sequence for arrivals and answers, so the log proves orderings (this list was asked before that answer) without timing them. */
let events = 0;

function newLogEntry(deps: ServerDeps, req: http.IncomingMessage, res: http.ServerResponse, url: URL): LoggedRequest {
  const m = /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? '');
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => {
    query[k] = v;
  });
  const entry: LoggedRequest = {
    at: deps.env().clock.now(),
    seq: ++events,
    method: req.method ?? 'GET',
    path: url.pathname,
    query,
    status: 0,
    hasAuthorization: req.headers.authorization !== undefined,
    headers: loggableHeaders(req.headers),
  };
  if (m) {
    entry.tokenPreview = tokenPreview(m[1]);
  }
  res.once('close', () => {
    entry.answeredSeq = ++events;
    entry.answeredAt = deps.env().clock.now();
  });
  deps.log.push(entry);
  return entry;
}

async function route(deps: ServerDeps, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  // Keep the path as received (percent-encoded); the router decodes segments itself.
  const rawPath = (req.url ?? '/').split('?')[0];
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (rawPath === '/__emulator' || rawPath.startsWith('/__emulator/')) {
    if (!isLoopback(req.socket.remoteAddress)) {
      return sendJson(res, 403, { error: 'forbidden', description: 'The control API only answers loopback callers' });
    }
    return handleControl(deps.emulator, req, res, rawPath.slice('/__emulator'.length));
  }
  const log = newLogEntry(deps, req, res, url);
  log.path = rawPath;
  // Logged on arrival (the order the client issued them), answered after the link's round trip.
  await deps.link.enter(req, res);
  stampDate(deps.env(), res);
  if (rawPath === '/v3' || rawPath.startsWith('/v3/')) {
    return handleApi(deps.api, req, res, rawPath.slice(3), url, log);
  }
  if (rawPath === '/login' && req.method === 'GET') {
    log.operationId = 'oauthLogin';
    log.status = handleLogin(deps.env(), deps.oauth, url, res, deps.memberUid());
    return;
  }
  if (rawPath === '/token' && req.method === 'POST') {
    log.operationId = 'oauthToken';
    log.status = 0;
    log.status = await handleToken(deps.env(), deps.oauth, req, res);
    return;
  }
  log.status = 404;
  sendJson(res, 404, { error: 'not_found', description: `Nothing at ${rawPath}` });
}

/** The HTTP `Date` header from the emulator's clock (skewed, advanced), or none (the `dateHeader` variant). */
function stampDate(env: EmulatorEnv, res: http.ServerResponse): void {
  if (env.variants.dateHeader === 'absent') {
    res.sendDate = false;
  } else {
    res.setHeader('date', new Date(env.clock.now()).toUTCString());
  }
}

export function createServer(deps: ServerDeps): http.Server {
  return http.createServer((req, res) => {
    route(deps, req, res).catch((err: unknown) => {
      if (!res.headersSent && !req.socket.destroyed) {
        sendJson(res, 500, { error: 'internal_error', description: err instanceof Error ? err.message : String(err) });
      }
    });
  });
}

export function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
