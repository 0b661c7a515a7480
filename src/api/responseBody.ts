import { ProtocolError, ResponseTooLargeError } from './errors';
import type { ResponseBody, TransportResponse } from './httpTransport';

/** JSON answers larger than this are not what the API sends; refuse rather than hold them. */
export const MAX_JSON_BYTES = 32 * 1024 * 1024;

/** Reads a whole body as bytes, refusing more than `limit`. */
export async function readBodyBytes(body: ResponseBody, limit: number, operationId: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limit) {
      body.destroy();
      throw new ResponseTooLargeError(`Fax.Plus ${operationId}: response larger than ${limit} bytes`, {
        operationId,
        limitBytes: limit,
      });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/** The body size the server announced, when it announced a plain number. */
export function declaredLength(response: TransportResponse): number | undefined {
  const value = response.headers['content-length'];
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
}

export async function readBodyText(response: TransportResponse, limit: number, operationId: string): Promise<string> {
  const length = declaredLength(response);
  // Fast path: undici's own text() when the size is known and acceptable.
  if (length !== undefined && length <= limit) {
    return response.body.text();
  }
  return (await readBodyBytes(response.body, limit, operationId)).toString('utf8');
}

/** Parses the JSON the API promised; anything else is a ProtocolError. */
export async function readJson(response: TransportResponse, operationId: string): Promise<unknown> {
  const text = await readBodyText(response, MAX_JSON_BYTES, operationId);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProtocolError(`Fax.Plus ${operationId}: the response is not valid JSON`, {
      operationId,
      status: response.status,
    });
  }
}

/** For operations that document no body: consume it so the connection can be reused. */
export async function discardBody(response: TransportResponse): Promise<void> {
  await response.body.dump({ limit: 1024 * 1024 });
}
