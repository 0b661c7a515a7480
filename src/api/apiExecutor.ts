import type { Credential, CredentialsProvider } from './credentials';
import { CancelledError, FaxPlusError, RateLimitedError, ServerError, UnauthorizedError } from './errors';
import type { BodyFactory, HttpTransport, TransportResponse } from './httpTransport';
import type { Logger } from './logger';
import { OPERATIONS, type OperationDescriptor, type OperationId } from './operations';
import { errorForStatus, readErrorBody } from './responseErrors';
import { readBodyText } from './responseBody';
import { isRetryable, parseRetryAfter, retryDelayMs, type RetryPolicy } from './retryPolicy';
import { toFaxPlusError } from './transportErrors';
import { buildUrl, expandPath, type PathParams, type QueryParams } from './urls';

/** What one call sends, besides what its descriptor already says. */
export interface ApiRequest {
  readonly pathParams?: PathParams;
  readonly query?: QueryParams;
  /** A JSON body (serialised once, resent as is on retry). */
  readonly json?: unknown;
  /** A streamed body (uploads); recreated for every attempt. */
  readonly body?: BodyFactory;
  readonly accept?: string;
  readonly headersTimeoutMs?: number;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
}

/** Consumes a 2xx response inside the attempt, so a body that breaks mid-way can be retried. */
export type ResponseReader<T> = (response: TransportResponse, op: OperationDescriptor) => Promise<T>;

export interface ApiExecutorOptions {
  readonly baseUrl: URL;
  readonly transport: HttpTransport;
  readonly credentials: CredentialsProvider;
  readonly logger: Logger;
  readonly userAgent: string;
  readonly retryPolicy: RetryPolicy;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random: () => number;
  readonly now: () => number;
}

const ERROR_BODY_LIMIT = 64 * 1024;

/**
 * Executes operation descriptors: URL from the template, credentials,
 * retries for what may be retried, one repeat after a refreshed credential
 * on 401, typed errors, and a log line per attempt that names the operation
 * and path template only (never headers, tokens or query strings).
 */
export class ApiExecutor {
  constructor(private readonly options: ApiExecutorOptions) {}

  async execute<T>(operationId: OperationId, request: ApiRequest, reader: ResponseReader<T>, call: CallOptions = {}): Promise<T> {
    const op = OPERATIONS[operationId];
    const { signal } = call;
    const url = buildUrl(this.options.baseUrl, expandPath(op.path, request.pathParams), request.query);
    const body = request.body ?? jsonBody(request.json);
    let credential = await this.requireCredential(op);
    let refreshed = false;
    let attempt = 1;
    for (;;) {
      if (signal?.aborted) {
        throw new CancelledError(`Fax.Plus ${op.id} was cancelled`, { operationId: op.id, maybeDelivered: false });
      }
      const started = this.options.now();
      let error: FaxPlusError;
      try {
        const response = await this.options.transport.send({
          operationId: op.id,
          method: op.method,
          url,
          headers: { 'user-agent': this.options.userAgent, accept: request.accept ?? 'application/json' },
          credentialHeaders: credentialHeaders(credential),
          body,
          signal,
          headersTimeoutMs: request.headersTimeoutMs,
        });
        if (response.status >= 200 && response.status < 300) {
          const value = await reader(response, op);
          this.log('debug', op, String(response.status), started, attempt);
          return value;
        }
        error = await this.errorFromResponse(op, response, credential, request.pathParams?.user_id);
      } catch (thrown) {
        error = toFaxPlusError(thrown, { operationId: op.id, signal, secrets: [credential.token] });
      }
      this.log('warn', op, error.status !== undefined ? String(error.status) : error.name, started, attempt);

      if (error instanceof UnauthorizedError && !refreshed) {
        refreshed = true;
        const next = await this.refreshedCredential(credential);
        if (next) {
          credential = next;
          continue;
        }
      }
      const delay =
        attempt < this.options.retryPolicy.maxAttempts && isRetryable(error, op)
          ? retryDelayMs(this.options.retryPolicy, attempt, retryAfterOf(error), this.options.random)
          : undefined;
      if (delay === undefined) {
        throw error;
      }
      this.options.logger.info(`${op.method} ${op.path} [${op.id}] retrying in ${delay} ms`);
      try {
        await this.options.sleep(delay, signal);
      } catch {
        throw new CancelledError(`Fax.Plus ${op.id} was cancelled`, { operationId: op.id, maybeDelivered: false });
      }
      attempt++;
    }
  }

  private async requireCredential(op: OperationDescriptor): Promise<Credential> {
    const credential = await this.options.credentials.getCredential();
    if (!credential || !credential.token) {
      throw new UnauthorizedError(`Fax.Plus ${op.id}: not signed in`, { operationId: op.id, code: 'no_credential' });
    }
    return credential;
  }

  /** A 401 means the server did not act: one repeat with a new credential is safe even for POST. */
  private async refreshedCredential(rejected: Credential): Promise<Credential | undefined> {
    const provider = this.options.credentials;
    if (!provider.onUnauthorized) {
      return undefined;
    }
    try {
      const next = await provider.onUnauthorized(rejected);
      return next && next.token && next.token !== rejected.token ? next : undefined;
    } catch {
      // The refresh failed (e.g. refresh token revoked): the 401 stands.
      return undefined;
    }
  }

  private async errorFromResponse(
    op: OperationDescriptor,
    response: TransportResponse,
    credential: Credential,
    userId: string | undefined,
  ): Promise<FaxPlusError> {
    let text = '';
    try {
      text = await readBodyText(response, ERROR_BODY_LIMIT, op.id);
    } catch {
      // An unreadable error body still leaves the status to report.
    }
    const header = response.headers['retry-after'];
    const retryAfterMs = parseRetryAfter(typeof header === 'string' ? header : undefined, Date.now());
    return errorForStatus(op, response.status, readErrorBody(text, [credential.token]), retryAfterMs, userId);
  }

  private log(level: 'debug' | 'warn', op: OperationDescriptor, outcome: string, started: number, attempt: number) {
    const ms = Math.round(this.options.now() - started);
    this.options.logger[level](`${op.method} ${op.path} [${op.id}] → ${outcome} in ${ms} ms (attempt ${attempt})`);
  }
}

function credentialHeaders(credential: Credential): Record<string, string> {
  const headers: Record<string, string> = { authorization: `Bearer ${credential.token}` };
  if (credential.kind === 'oauth' && credential.clientId) {
    headers['x-fax-clientid'] = credential.clientId;
  }
  return headers;
}

function jsonBody(json: unknown): BodyFactory | undefined {
  if (json === undefined) {
    return undefined;
  }
  const text = Buffer.from(JSON.stringify(json), 'utf8');
  return () => ({ body: text, contentType: 'application/json', contentLength: text.length });
}

function retryAfterOf(error: FaxPlusError): number | undefined {
  return error instanceof RateLimitedError || error instanceof ServerError ? error.retryAfterMs : undefined;
}
