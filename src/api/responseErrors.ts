import {
  FaxPlusError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  RequestRejectedError,
  ServerError,
  UnauthorizedError,
} from './errors';
import type { OperationDescriptor } from './operations';
import { scrubSecrets } from './secretScrubber';

const MAX_TEXT = 500;

/** The `{error, description}` body of a failed call, tolerant of anything else. */
export function readErrorBody(text: string, secrets: readonly string[]): { code?: string; description?: string } {
  let code: string | undefined;
  let description: string | undefined;
  try {
    const json: unknown = JSON.parse(text);
    if (json && typeof json === 'object' && !Array.isArray(json)) {
      const record = json as Record<string, unknown>;
      code = typeof record.error === 'string' ? record.error : undefined;
      description =
        typeof record.description === 'string'
          ? record.description
          : typeof record.message === 'string'
            ? record.message
            : undefined;
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): the status alone has to do.
  }
  const clean = (s: string | undefined) => (s === undefined ? undefined : scrubSecrets(s, secrets).slice(0, MAX_TEXT));
  return { code: clean(code), description: clean(description) };
}

/** Maps a non-2xx status to the typed error the UI handles. */
export function errorForStatus(
  op: OperationDescriptor,
  status: number,
  body: { code?: string; description?: string },
  retryAfterMs: number | undefined,
): FaxPlusError {
  const init = { operationId: op.id, status, code: body.code, description: body.description };
  const detail = `${body.code ? ` ${body.code}` : ''}${body.description ? `: ${body.description}` : ''}`;
  const message = `Fax.Plus ${op.id} failed with HTTP ${status}${detail}`;
  if (status === 401) {
    return new UnauthorizedError(message, init);
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
    return new ServerError(message, { ...init, retryAfterMs });
  }
  return new RequestRejectedError(message, init);
}
