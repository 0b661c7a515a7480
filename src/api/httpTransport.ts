import type { IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { request, type Dispatcher, type ResponseData } from './undiciCore';
import { ProtocolError } from './errors';
import type { HttpMethod } from './operations';

export interface RequestBody {
  readonly body: string | Uint8Array | AsyncIterable<Uint8Array>;
  readonly contentType: string;
  readonly contentLength?: number;
}

/** Creates the body afresh for every attempt or redirect hop (a stream can be read only once). */
export type BodyFactory = () => RequestBody;

export interface TransportRequest {
  readonly operationId: string;
  readonly method: HttpMethod;
  readonly url: URL;
  /** Sent to every hop. */
  readonly headers: Readonly<Record<string, string>>;
  /** Authorization and x-fax-clientid: sent only to the base URL's origin. */
  readonly credentialHeaders: Readonly<Record<string, string>>;
  readonly body?: BodyFactory;
  readonly signal?: AbortSignal;
  readonly headersTimeoutMs?: number;
}

export type ResponseBody = ResponseData['body'];

export interface TransportResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: ResponseBody;
  /** Where the answer finally came from (after redirects). */
  readonly url: URL;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Sends one request over the injected undici dispatcher. undici does not
 * follow redirects (we never enable it); we follow a few ourselves so the
 * credential headers go only to the trusted origin and never over a
 * https→http downgrade.
 */
export class HttpTransport {
  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly trustedOrigin: string,
    private readonly maxRedirects = 3,
  ) {}

  async send(req: TransportRequest): Promise<TransportResponse> {
    let url = req.url;
    // Like fetch: once the chain has left the API origin, nothing in it carries credentials again.
    let leftOrigin = false;
    for (let hop = 0; ; hop++) {
      leftOrigin ||= url.origin !== this.trustedOrigin;
      const trusted = !leftOrigin;
      const body = req.body?.();
      const headers: Record<string, string> = { ...req.headers, ...(trusted ? req.credentialHeaders : {}) };
      if (body) {
        headers['content-type'] = body.contentType;
        if (body.contentLength !== undefined) {
          headers['content-length'] = String(body.contentLength);
        }
      }
      const response = await request(url, {
        method: req.method,
        headers,
        body: toUndiciBody(body?.body),
        signal: req.signal,
        dispatcher: this.dispatcher,
        headersTimeout: req.headersTimeoutMs,
      });
      const location = response.headers.location;
      if (!REDIRECTS.has(response.statusCode) || typeof location !== 'string') {
        return { status: response.statusCode, headers: response.headers, body: response.body, url };
      }
      await response.body.dump().catch(() => undefined);
      url = this.nextHop(req, url, location, response.statusCode, hop);
    }
  }

  private nextHop(req: TransportRequest, from: URL, location: string, status: number, hop: number): URL {
    const fail = (why: string) => new ProtocolError(`Fax.Plus ${req.operationId}: ${why}`, { operationId: req.operationId, status });
    if (hop >= this.maxRedirects) {
      throw fail('too many redirects');
    }
    // Only GET may be redirected freely; 307/308 promise the same method and body.
    if (req.method !== 'GET' && status !== 307 && status !== 308) {
      throw fail(`unexpected redirect of ${req.method}`);
    }
    let next: URL;
    try {
      next = new URL(location, from);
    } catch {
      throw fail('redirect to an invalid location');
    }
    if (next.protocol !== 'https:' && next.protocol !== 'http:') {
      throw fail('redirect to a non-HTTP location');
    }
    if (from.protocol === 'https:' && next.protocol === 'http:') {
      throw fail('redirect from https to http refused');
    }
    if (req.body && next.origin !== from.origin) {
      // A 307/308 would replay the document or the fax request (often health data) to another server.
      throw fail(`redirect of ${req.method} with a body to another origin refused`);
    }
    return next;
  }
}

/**
 * undici writes an async iterable straight to the socket, awaiting 'drain'
 * between chunks: no intermediate Readable buffer, so memory stays at one
 * chunk in flight. Its typings only list Readable, hence the cast.
 */
function toUndiciBody(body: RequestBody['body'] | undefined): string | Uint8Array | Readable | undefined {
  return body as string | Uint8Array | Readable | undefined;
}
