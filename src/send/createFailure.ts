import { CancelledError, FaxPlusError, NetworkError, TimeoutError } from '../api/errors';

/**
 * What a failed POST /outbox proves.
 * - `refused`: Fax.Plus answered with a 4xx: it read the request and did not create the fax.
 * - `notSent`: the request never left this machine (connection refused, DNS): nothing was created.
 * - `uncertain`: a 5xx, a gateway's 502/504 (HTML or not), a timeout, a reset after the body
 *   was sent, an answer we could not read: the fax may exist now or appear later.
 */
export type CreateFailure = 'refused' | 'notSent' | 'uncertain';

export function classifyCreateFailure(error: unknown): CreateFailure {
  if (error instanceof NetworkError || error instanceof TimeoutError || error instanceof CancelledError) {
    return error.maybeDelivered ? 'uncertain' : 'notSent';
  }
  // 408 is a gateway giving up on the request, not the API refusing the fax.
  if (error instanceof FaxPlusError && error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 408) {
    return 'refused';
  }
  return 'uncertain';
}
