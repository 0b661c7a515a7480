import { CancelledError, NetworkError, RateLimitedError, ServerError, TimeoutError } from './errors';
import type { OperationDescriptor } from './operations';

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error goes to the caller. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
});

/**
 * Whether a failed attempt may be repeated. Idempotent operations retry on
 * network errors, timeouts, 429 and 502/503/504 (500 too for GET, where
 * nothing can change). Non-idempotent ones (upload, sendFax, createWebhook,
 * purchase) retry only when the request provably never left: the connection
 * was never established. A fax must never go out twice.
 */
export function isRetryable(error: unknown, op: OperationDescriptor): boolean {
  if (error instanceof CancelledError) {
    return false;
  }
  if (error instanceof NetworkError || error instanceof TimeoutError) {
    return op.idempotent || !error.maybeDelivered;
  }
  if (!op.idempotent) {
    return false;
  }
  if (error instanceof RateLimitedError) {
    return true;
  }
  if (error instanceof ServerError && error.status !== undefined) {
    return [502, 503, 504].includes(error.status) || (error.status === 500 && op.method === 'GET');
  }
  return false;
}

/**
 * Delay before attempt `attempt + 1`: exponential with "equal jitter" (half
 * fixed, half random) so clients that failed together do not return together;
 * a server's Retry-After wins when given. Undefined = do not wait that long.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number,
): number | undefined {
  if (retryAfterMs !== undefined) {
    return retryAfterMs <= policy.maxRetryAfterMs ? retryAfterMs : undefined;
  }
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) * 1000;
  }
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
