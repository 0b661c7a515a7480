import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error answer `{error, description}` thrown by operations. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${code}: ${description}`);
  }

  get body(): { error: string; description: string } {
    return { error: this.code, description: this.description };
  }
}

/** What an operation answers; the pipeline applies faults before writing it. */
export interface ApiResult {
  status: number;
  json?: unknown;
  body?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export function jsonResult(status: number, json: unknown): ApiResult {
  return { status, json };
}

export function serialize(result: ApiResult): { body: Buffer; contentType: string } {
  if (result.body) {
    return { body: result.body, contentType: result.contentType ?? 'application/octet-stream' };
  }
  const text = result.json === undefined ? '' : JSON.stringify(result.json);
  return { body: Buffer.from(text), contentType: 'application/json; charset=utf-8' };
}

export function writeResult(res: ServerResponse, result: ApiResult): void {
  const { body, contentType } = serialize(result);
  res.writeHead(result.status, {
    'content-type': contentType,
    'content-length': String(body.length),
    ...result.headers,
  });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, json: unknown, headers: Record<string, string> = {}): void {
  writeResult(res, { status, json, headers });
}

/** Reads a whole (small) request body. */
export async function readBody(req: IncomingMessage, limit = 5 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > limit) {
      throw new ApiError(413, 'payload_too_large', `Request body larger than ${limit} bytes`);
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const GATEWAY_TITLES: Record<number, string> = {
  502: '502 Bad Gateway',
  503: '503 Service Temporarily Unavailable',
  504: '504 Gateway Time-out',
};

/** What a proxy in front of the API (nginx, a load balancer) answers: an HTML page, not JSON. */
export function gatewayHtmlResult(status: number): ApiResult {
  const title = GATEWAY_TITLES[status] ?? `${status} Error`;
  const html = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return { status, body: Buffer.from(html), contentType: 'text/html' };
}
