import { CancelledError, FaxPlusError, NetworkError, TimeoutError } from './errors';
import { scrubSecrets } from './secretScrubber';

/** Failures that happen before a connection exists: the request never left. */
const BEFORE_CONNECTION = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function codeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export interface TransportErrorContext {
  readonly operationId: string;
  readonly signal?: AbortSignal;
  readonly secrets: readonly string[];
}

/**
 * Turns whatever undici or Node threw into one of our typed errors. The
 * original error is not attached (`cause`): low-level errors may hold request
 * details we do not want to travel into logs or telemetry.
 */
export function toFaxPlusError(error: unknown, ctx: TransportErrorContext): FaxPlusError {
  if (error instanceof FaxPlusError) {
    return error;
  }
  const code = codeOf(error);
  const operationId = ctx.operationId;
  const delivered = code === undefined || !BEFORE_CONNECTION.has(code);
  if (ctx.signal?.aborted || (error as { name?: string } | undefined)?.name === 'AbortError') {
    return new CancelledError(`Fax.Plus ${operationId} was cancelled`, { operationId, maybeDelivered: true });
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new TimeoutError(`Fax.Plus ${operationId}: connecting timed out`, {
      operationId,
      phase: 'connect',
      maybeDelivered: false,
    });
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    const phase = code === 'UND_ERR_HEADERS_TIMEOUT' ? 'headers' : 'body';
    return new TimeoutError(`Fax.Plus ${operationId}: the server did not answer in time (${phase})`, {
      operationId,
      phase,
      maybeDelivered: true,
    });
  }
  const detail = error instanceof Error ? scrubSecrets(error.message, ctx.secrets).slice(0, 200) : 'unknown error';
  return new NetworkError(`Fax.Plus ${operationId}: network error${code ? ` ${code}` : ''} (${detail})`, {
    operationId,
    networkCode: code,
    maybeDelivered: delivered,
  });
}
