import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLoopbackHost } from '../api/endpointPolicy';

/**
 * The OAuth2 redirect target for sign-in through the system browser: a tiny
 * HTTP server on 127.0.0.1 that accepts exactly one callback carrying the
 * expected `state`, then closes. Node only (no `vscode`) so it is unit-tested
 * on plain mocha.
 */

export type OAuthLoopbackErrorKind = 'access-denied' | 'authorization-failed' | 'timeout' | 'cancelled';

export class OAuthLoopbackError extends Error {
  override readonly name = 'OAuthLoopbackError';

  constructor(
    readonly kind: OAuthLoopbackErrorKind,
    /** The `error` parameter of the callback (`access_denied`, …), when there was one. */
    readonly oauthError?: string,
  ) {
    super(oauthError ? `OAuth sign-in did not complete: ${kind} (${oauthError})` : `OAuth sign-in did not complete: ${kind}`);
  }
}

export interface OAuthLoopbackServerOptions {
  /** 0 (the default) lets the OS pick a free port. */
  readonly port?: number;
  /** How long to wait for the browser; default 5 minutes. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** A caller-made state; generated (256 random bits) when absent. */
  readonly state?: string;
}

/** What the handler decided for one request; separate from I/O so every branch is unit-testable. */
export type CallbackDecision =
  | { readonly type: 'refuse'; readonly status: 403 | 404 | 405 }
  | { readonly type: 'bad-request'; readonly status: 400 }
  | { readonly type: 'code'; readonly code: string; readonly stateMissing?: true }
  | { readonly type: 'error'; readonly oauthError: string };

export interface CallbackRequest {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly host: string | undefined;
  readonly remoteAddress: string | undefined;
}

export const CALLBACK_PATH = '/callback';
const DEFAULT_TIMEOUT_MS = 5 * 60_000;
const RESULT_PAGE_GRACE_MS = 2_000;

export function decideCallback(req: CallbackRequest, expectedState: string, port: number): CallbackDecision {
  if (!isLoopbackAddress(req.remoteAddress)) {
    return { type: 'refuse', status: 403 };
  }
  // A Host other than ours means a DNS-rebinding page, not the browser redirect we issued.
  if (req.host !== `127.0.0.1:${port}` && req.host !== `localhost:${port}`) {
    return { type: 'refuse', status: 403 };
  }
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://127.0.0.1');
  } catch {
    return { type: 'bad-request', status: 400 };
  }
  if (url.pathname !== CALLBACK_PATH) {
    return { type: 'refuse', status: 404 };
  }
  if (req.method !== 'GET') {
    return { type: 'refuse', status: 405 };
  }
  const state = url.searchParams.getAll('state');
  const error = url.searchParams.get('error');
  // No Fax.Plus source shows `state` coming back: a code without any state is accepted (and
  // reported), a wrong or repeated state never. An error without our state could come from
  // any local process: it must not end the sign-in.
  const stateMissing = state.length === 0 && error === null;
  if (!stateMissing && (state.length !== 1 || !sameSecret(state[0], expectedState))) {
    return { type: 'bad-request', status: 400 };
  }
  if (error !== null) {
    return { type: 'error', oauthError: /^[\w.-]{1,64}$/.test(error) ? error : 'invalid_error' };
  }
  const code = url.searchParams.getAll('code');
  if (code.length !== 1 || code[0] === '') {
    return { type: 'bad-request', status: 400 };
  }
  return stateMissing ? { type: 'code', code: code[0], stateMissing: true } : { type: 'code', code: code[0] };
}

/** A peer address on this machine (an IPv4-mapped `::ffff:127.x.y.z` too), by the same rule as endpoints. */
export function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && isLoopbackHost(address.replace(/^::ffff:/, ''));
}

export class OAuthLoopbackServer {
  private settled = false;
  private sendingResult = false;
  private closed = false;
  private markClosed!: () => void;
  private readonly closedPromise = new Promise<void>((resolve) => (this.markClosed = resolve));
  private timer: NodeJS.Timeout | undefined;
  private resolveCode!: (code: string) => void;
  /** True once a code arrived without `state` (the caller logs a warning). */
  stateWasMissing = false;
  private rejectCode!: (err: OAuthLoopbackError) => void;
  private readonly codePromise = new Promise<string>((resolve, reject) => {
    this.resolveCode = resolve;
    this.rejectCode = reject;
  });
  private readonly onAbort = (): void => this.fail(new OAuthLoopbackError('cancelled'));

  private constructor(
    private readonly server: Server,
    /** Kept, not read from the server: `server.address()` is null once it closed. */
    readonly port: number,
    readonly state: string,
    private readonly signal: AbortSignal | undefined,
  ) {
    // The outcome may arrive before anyone awaits it; that must not be an unhandled rejection.
    this.codePromise.catch(() => undefined);
    server.on('request', (req, res) => this.handle(req, res));
  }

  static async start(options: OAuthLoopbackServerOptions = {}): Promise<OAuthLoopbackServer> {
    const state = options.state ?? randomBytes(32).toString('base64url');
    if (!/^[A-Za-z0-9_-]{16,}$/.test(state)) {
      throw new Error('The OAuth state must be at least 16 URL-safe characters.');
    }
    if (options.signal?.aborted) {
      throw new OAuthLoopbackError('cancelled');
    }
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const instance = new OAuthLoopbackServer(server, (server.address() as AddressInfo).port, state, options.signal);
    instance.timer = setTimeout(() => instance.fail(new OAuthLoopbackError('timeout')), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    instance.timer.unref();
    options.signal?.addEventListener('abort', instance.onAbort, { once: true });
    return instance;
  }

  get redirectUri(): string {
    return `http://127.0.0.1:${this.port}${CALLBACK_PATH}`;
  }

  /** Resolves with the authorization code of the one valid callback; rejects on denial, timeout, abort or dispose. */
  waitForCode(): Promise<string> {
    return this.codePromise;
  }

  /** Idempotent. Right after a callback it lets the result page finish (bounded) instead of cutting it off. */
  dispose(): void {
    this.fail(new OAuthLoopbackError('cancelled'), !this.sendingResult);
  }

  /** Resolves once the listening socket and every connection are closed. */
  whenClosed(): Promise<void> {
    return this.closedPromise;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    if (this.settled) {
      respond(res, 410, page('This sign-in link was already used', 'Return to VS Code.'));
      return;
    }
    const decision = decideCallback(
      { method: req.method, url: req.url, host: req.headers.host, remoteAddress: req.socket.remoteAddress },
      this.state,
      this.port,
    );
    switch (decision.type) {
      case 'refuse':
        respond(res, decision.status, page('Request refused', ''));
        return;
      case 'bad-request':
        respond(res, 400, page('Invalid sign-in response', 'This response does not belong to the sign-in VS Code started.'));
        return;
      case 'error': {
        const kind = decision.oauthError === 'access_denied' ? 'access-denied' : 'authorization-failed';
        this.closeAfter(res);
        respond(
          res,
          200,
          page('Sign-in to Fax.Plus was not completed', `Fax.Plus answered: ${decision.oauthError}. You can close this tab.`),
        );
        this.fail(new OAuthLoopbackError(kind, decision.oauthError), false);
        return;
      }
      case 'code':
        this.closeAfter(res);
        respond(res, 200, page('Signed in to Fax.Plus', 'You can close this tab and return to VS Code.'));
        this.settled = true;
        this.stateWasMissing = decision.stateMissing === true;
        this.resolveCode(decision.code);
        return;
    }
  }

  /** Settles without waiting for the browser, but lets the page reach it before the sockets go. */
  private closeAfter(res: ServerResponse): void {
    this.settled = true;
    this.sendingResult = true;
    clearTimeout(this.timer);
    // A browser that never reads the page must not keep the port open.
    this.timer = setTimeout(() => this.close(), RESULT_PAGE_GRACE_MS).unref();
    res.once('close', () => this.close());
  }

  private fail(err: OAuthLoopbackError, closeNow = true): void {
    this.settled = true;
    if (closeNow) {
      this.close();
    }
    this.rejectCode(err); // no effect when already settled
  }

  private close(): void {
    if (this.closed) {
      return;
    }
    this.closed = true;
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this.onAbort);
    this.server.close(() => this.markClosed());
    this.server.closeAllConnections();
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const STYLE = 'body{font-family:system-ui,sans-serif;margin:4em auto;max-width:36em;padding:0 1em;color:#222}h1{font-size:1.4em}';
// Hash-allowed inline style: the page loads nothing and runs nothing.
const CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

function page(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function respond(res: ServerResponse, status: number, html: string, onSent?: () => void): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': CSP,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    connection: 'close',
  });
  res.end(html, onSent);
}
