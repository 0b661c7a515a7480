import {
  FaxPlusError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  RequestRejectedError,
  ServerError,
  TokenExpiredError,
  UnauthorizedError,
} from './errors';
import type { OperationDescriptor } from './operations';
import { scrubSecrets } from './secretScrubber';

const MAX_TEXT = 500;
const GATEWAY_STATUSES = new Set([502, 503, 504]);

/** The `{error, description}` body of a failed call, tolerant of anything else. */
export function readErrorBody(text: string, secrets: readonly string[]): { code?: string; description?: string; json?: boolean } {
  let code: string | undefined;
  let description: string | undefined;
  let json = false;
  try {
    const parsed: unknown = JSON.parse(text);
    json = true;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const record = parsed as Record<string, unknown>;
      code = typeof record.error === 'string' ? record.error : undefined;
      description =
        typeof record.description === 'string' ? record.description : typeof record.message === 'string' ? record.message : undefined;
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): the status alone has to do.
  }
  const clean = (s: string | undefined) => (s === undefined ? undefined : scrubSecrets(s, secrets).slice(0, MAX_TEXT));
  return { code: clean(code), description: clean(description), json };
}

/** Maps a non-2xx status to the typed error the UI handles. */
export function errorForStatus(
  op: OperationDescriptor,
  status: number,
  body: { code?: string; description?: string; json?: boolean },
  retryAfterMs: number | undefined,
  userId?: string,
): FaxPlusError {
  const init = { operationId: op.id, status, code: body.code, description: body.description };
  const detail = `${body.code ? ` ${body.code}` : ''}${body.description ? `: ${body.description}` : ''}`;
  const message = `Fax.Plus ${op.id} failed with HTTP ${status}${detail}`;
  if (status === 401) {
    // Read the server's words here, once, so the UI can tell "expired" apart by class.
    return /expir/i.test(`${body.code ?? ''} ${body.description ?? ''}`)
      ? new TokenExpiredError(message, init)
      : new UnauthorizedError(message, init);
  }
  if (status === 403) {
    return new ForbiddenError(message, { ...init, permittedScopes: op.permittedScopes });
  }
  if (status === 404) {
    return new NotFoundError(message, init);
  }
  if (status === 413) {
    return new PayloadTooLargeError(message, init);
  }
  if (status === 429) {
    return new RateLimitedError(message, { ...init, retryAfterMs });
  }
  if (status >= 500) {
    // A gateway's HTML page says nothing the person can use: the status alone, said plainly.
    const gatewayPage = body.json === false && GATEWAY_STATUSES.has(status);
    const enterpriseHint = status === 500 && (op.id === 'getTokenInfo' || (op.id === 'getUser' && (userId ?? 'self') === 'self'));
    const why = gatewayPage
      ? ' (a gateway in front of the API answered with a web page; the service may be busy or down)'
      : enterpriseHint
        ? ' (the Fax.Plus API needs an Enterprise plan; other accounts get this error)'
        : '';
    return new ServerError(`${message}${why}`, { ...init, retryAfterMs, gatewayPage, enterpriseHint });
  }
  return new RequestRejectedError(message, init);
}
