/**
 * Typed errors of the Fax.Plus client. Every failure of a call ends as one of
 * these, so the UI has a single handler. Messages are built from the
 * operation id, the status and the server's `{error, description}` (with the
 * token scrubbed out); they never hold headers, URLs with queries or tokens.
 */

export interface FaxPlusErrorInit {
  readonly operationId: string;
  readonly status?: number;
  /** The server's `error` field (e.g. `too_many_files`). */
  readonly code?: string;
  /** The server's `description` field. */
  readonly description?: string;
}

export class FaxPlusError extends Error {
  override readonly name: string = 'FaxPlusError';
  readonly operationId: string;
  readonly status?: number;
  readonly code?: string;
  readonly description?: string;

  constructor(message: string, init: FaxPlusErrorInit) {
    super(message);
    this.operationId = init.operationId;
    this.status = init.status;
    this.code = init.code;
    this.description = init.description;
  }

  /** What `JSON.stringify` shows: the public fields, nothing else. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'name' && value !== undefined) {
        out[key] = value;
      }
    }
    return out;
  }
}

/** 401: the token is invalid, expired or revoked (or there is none). The server did not act. */
export class UnauthorizedError extends FaxPlusError {
  override readonly name: string = 'UnauthorizedError';
}

/** A 401 whose answer says the token expired (the server's words are the only sign): create a new token. */
export class TokenExpiredError extends UnauthorizedError {
  override readonly name: string = 'TokenExpiredError';
}

/** 403: the token lacks a scope (or the endpoint is admin-only). */
export class ForbiddenError extends FaxPlusError {
  override readonly name = 'ForbiddenError';
  /** The operation's `x-permitted-scopes`, to tell the user what would work. */
  readonly permittedScopes: readonly string[];

  constructor(message: string, init: FaxPlusErrorInit & { readonly permittedScopes: readonly string[] }) {
    super(message, init);
    this.permittedScopes = init.permittedScopes;
  }
}

export class NotFoundError extends FaxPlusError {
  override readonly name = 'NotFoundError';
}

/** 413: files too large (150 MB per fax). */
export class PayloadTooLargeError extends FaxPlusError {
  override readonly name = 'PayloadTooLargeError';
}

/** 429: slow down. `retryAfterMs` when the server said how long. */
export class RateLimitedError extends FaxPlusError {
  override readonly name = 'RateLimitedError';
  readonly retryAfterMs?: number;

  constructor(message: string, init: FaxPlusErrorInit & { readonly retryAfterMs?: number }) {
    super(message, init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** 5xx. */
export class ServerError extends FaxPlusError {
  override readonly name = 'ServerError';
  /** From Retry-After on 503, when present. */
  readonly retryAfterMs?: number;
  /** The answer was not JSON (an HTML page of a gateway or proxy in front of the API). */
  readonly gatewayPage?: boolean;
  /** A 500 on /accounts/self or /auth/token: what a non-Enterprise account gets (faxplus-python issue #2). */
  readonly enterpriseHint?: boolean;

  constructor(
    message: string,
    init: FaxPlusErrorInit & { readonly retryAfterMs?: number; readonly gatewayPage?: boolean; readonly enterpriseHint?: boolean },
  ) {
    super(message, init);
    this.retryAfterMs = init.retryAfterMs;
    this.gatewayPage = init.gatewayPage || undefined;
    this.enterpriseHint = init.enterpriseHint || undefined;
  }
}

/** Any other 4xx (400 too_many_files, invalid_destination, …). */
export class RequestRejectedError extends FaxPlusError {
  override readonly name = 'RequestRejectedError';
}

export interface DeliveryInit extends FaxPlusErrorInit {
  /**
   * True when the request may have reached the server, so a non-idempotent
   * call (sendFax, uploadFile) may have taken effect: check the outbox before
   * trying again instead of repeating blindly.
   */
  readonly maybeDelivered: boolean;
}

/** Connection refused/reset, DNS failure, socket closed mid-response. */
export class NetworkError extends FaxPlusError {
  override readonly name = 'NetworkError';
  readonly maybeDelivered: boolean;
  /** The system/undici error code (ECONNREFUSED, UND_ERR_SOCKET, …). */
  readonly networkCode?: string;

  constructor(message: string, init: DeliveryInit & { readonly networkCode?: string }) {
    super(message, init);
    this.maybeDelivered = init.maybeDelivered;
    this.networkCode = init.networkCode;
  }
}

export type TimeoutPhase = 'connect' | 'headers' | 'body';

export class TimeoutError extends FaxPlusError {
  override readonly name = 'TimeoutError';
  readonly maybeDelivered: boolean;
  readonly phase: TimeoutPhase;

  constructor(message: string, init: DeliveryInit & { readonly phase: TimeoutPhase }) {
    super(message, init);
    this.maybeDelivered = init.maybeDelivered;
    this.phase = init.phase;
  }
}

/** The response is not what the API promises (not JSON, wrong shape, missing id, bad redirect). */
export class ProtocolError extends FaxPlusError {
  override readonly name = 'ProtocolError';
}

/** The caller's AbortSignal fired. */
export class CancelledError extends FaxPlusError {
  override readonly name = 'CancelledError';
  readonly maybeDelivered: boolean;

  constructor(message: string, init: DeliveryInit) {
    super(message, init);
    this.maybeDelivered = init.maybeDelivered;
  }
}

/** Reading the local file/stream to upload failed, or it did not match its declared size. */
export class UploadSourceError extends FaxPlusError {
  override readonly name = 'UploadSourceError';
}

/** A response body exceeded the size the caller allowed (e.g. the in-editor viewer's limit). */
export class ResponseTooLargeError extends FaxPlusError {
  override readonly name = 'ResponseTooLargeError';
  readonly limitBytes: number;

  constructor(message: string, init: FaxPlusErrorInit & { readonly limitBytes: number }) {
    super(message, init);
    this.limitBytes = init.limitBytes;
  }
}

/** Errors after which the request may have had its effect on the server. */
export function maybeDelivered(error: unknown): boolean {
  return (error instanceof NetworkError || error instanceof TimeoutError || error instanceof CancelledError) && error.maybeDelivered;
}
