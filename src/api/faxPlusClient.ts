import type { Dispatcher } from './undiciCore';
import { abortableSleep } from './abortableSleep';
import { ApiExecutor, type ApiRequest, type CallOptions, type ResponseReader } from './apiExecutor';
import type { CredentialsProvider } from './credentials';
import { formatApiDate, parseHttpDate } from './dates';
import { ServerClock } from './serverClock';
import { createDispatcher, DEFAULT_TIMEOUTS, type ProxyOptions, type Timeouts } from './dispatcherFactory';
import { RequestRejectedError, UploadSourceError } from './errors';
import { iterateFaxPages, type IterateFaxesOptions } from './faxPaging';
import { saveResponseBody, type DownloadProgress } from './fileDownload';
import { HttpTransport } from './httpTransport';
import type { Logger } from './logger';
import { faxMimeType } from './mimeTypes';
import type {
  Account,
  Balance,
  Fax,
  FaxModification,
  FaxNumber,
  FileFormat,
  ListFaxesQuery,
  MemberDetails,
  OutboxFax,
  SendFaxRequest,
  SendFaxResult,
  TokenInfo,
  Webhook,
  WebhookEvent,
} from './models';
import { multipartFileBody } from './multipartBody';
import type { OperationId } from './operations';
import { parseAccount, parseAccountList, parseMemberDetails } from './parseAccount';
import { parseFax, parseFaxList } from './parseFax';
import { parseFaxNumber, parseNumberList } from './parseNumber';
import { parseOutboxFax, parseOutboxList } from './parseOutbox';
import { parseBalance, parseFilePath, parseSendFaxResult } from './parseSmallResponses';
import { parseAvailableNumbers, parsePurchaseResult, parseShopAreas, parseShopCountries } from './parseShop';
import type { AvailableNumberList, PurchaseResult, ShopArea, ShopCountry } from './shopModels';
import { parseTokenInfo } from './parseTokenInfo';
import { parseWebhookId, parseWebhookList } from './parseWebhook';
import { discardBody, readBodyBytes, readBodyText, readJson } from './responseBody';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retryPolicy';
import { sendFaxPayload } from './sendFaxPayload';
import { fileUploadSource, type UploadSource } from './uploadSource';
import { normalizeBaseUrl } from './urls';

export interface FaxPlusClientOptions {
  /** e.g. `https://restapi.fax.plus/v3` or `http://127.0.0.1:PORT/v3` (the path is kept). */
  readonly baseUrl: string;
  readonly credentials: CredentialsProvider;
  readonly logger: Logger;
  /** e.g. `faxplus-vscode/0.1.0 (VS Code 1.90.0; node 20.20.0)`. */
  readonly userAgent: string;
  /** Explicit proxy; without it HTTPS_PROXY/HTTP_PROXY/NO_PROXY are honoured when set. */
  readonly proxyUrl?: string;
  /** VS Code's proxy settings (no-proxy hosts, strict TLS, proxy authorization). */
  readonly proxy?: ProxyOptions;
  readonly timeouts?: Partial<Timeouts>;
  readonly retryPolicy?: Partial<RetryPolicy>;
  /** Injected for tests: waiting between retries. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injected for tests: jitter source in [0, 1). */
  readonly random?: () => number;
  /** Environment for proxy variables (tests); `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Replaces the dispatcher the client would create (tests, shared agents). The client then does not close it. */
  readonly dispatcher?: Dispatcher;
}

export interface UploadOptions extends CallOptions {
  readonly onProgress?: (sentBytes: number, totalBytes: number) => void;
  readonly userId?: string;
}

export interface DownloadOptions extends CallOptions {
  readonly onProgress?: DownloadProgress;
  readonly userId?: string;
}

export interface BytesDownloadOptions extends CallOptions {
  /** Refuse documents larger than this (default 50 MB): the viewer holds them in memory. */
  readonly maxBytes?: number;
  readonly userId?: string;
}

/** Upload answers can take a while after the last byte (the server converts the document). */
const UPLOAD_HEADERS_TIMEOUT_MS = 120_000;
const DEFAULT_VIEWER_LIMIT = 50 * 1024 * 1024;
const SELF = 'self';

const none: ResponseReader<void> = (response) => discardBody(response);
/** Purchase answers are undocumented: JSON of any shape, or the text itself, never a failure after a 2xx. */
const PURCHASE_ANSWER_LIMIT = 1024 * 1024;
const lenient: ResponseReader<unknown> = async (response, op) => {
  const text = await readBodyText(response, PURCHASE_ANSWER_LIMIT, op.id);
  try {
    return text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return text;
  }
};
function parsed<T>(parse: (value: unknown, operationId: string) => T): ResponseReader<T> {
  return async (response, op) => parse(await readJson(response, op.id), op.id);
}

/**
 * The Fax.Plus REST API v3 client. Node only (no `vscode`), one keep-alive
 * dispatcher, every operation executed from its descriptor in operations.ts.
 * Dispose it when the base URL, proxy or account changes.
 */
export class FaxPlusClient {
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly executor: ApiExecutor;
  private readonly serverClock = new ServerClock();

  constructor(options: FaxPlusClientOptions) {
    const baseUrl = normalizeBaseUrl(options.baseUrl);
    const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.ownsDispatcher = !options.dispatcher;
    this.dispatcher =
      options.dispatcher ?? createDispatcher({ timeouts, proxyUrl: options.proxyUrl, proxy: options.proxy, env: options.env });
    this.executor = new ApiExecutor({
      baseUrl,
      transport: new HttpTransport(this.dispatcher, baseUrl.origin),
      credentials: options.credentials,
      logger: options.logger,
      userAgent: options.userAgent,
      retryPolicy: { ...DEFAULT_RETRY_POLICY, ...options.retryPolicy },
      sleep: options.sleep ?? abortableSleep,
      random: options.random ?? Math.random,
      now: () => performance.now(),
    });
  }

  /** The generic call every typed method goes through. */
  private execute<T>(operationId: OperationId, request: ApiRequest, reader: ResponseReader<T>, options?: CallOptions): Promise<T> {
    return this.executor.execute(
      operationId,
      request,
      (response, op) => {
        this.serverClock.observe(response.headers.date);
        return reader(response, op);
      },
      options,
    );
  }

  /**
   * Fax.Plus's clock minus this computer's, from the `Date` of the latest answer that had
   * one (undefined before that): the uploads before a send tell where "now" is on the
   * server, for finding that send in Sent when its own answer never came.
   */
  serverClockOffsetMs(): number | undefined {
    return this.serverClock.offsetMs();
  }

  // ---- authentication & account ------------------------------------------

  getTokenInfo(options?: CallOptions): Promise<TokenInfo> {
    return this.execute('getTokenInfo', {}, parsed(parseTokenInfo), options);
  }

  getAccount(userId = SELF, options?: CallOptions): Promise<Account> {
    return this.execute('getUser', { pathParams: { user_id: userId } }, parsed(parseAccount), options);
  }

  /** Corporate members (admin only). */
  listMembers(options?: CallOptions): Promise<Account[]> {
    return this.execute('getAccounts', {}, parsed(parseAccountList), options);
  }

  getMemberDetails(memberUserId: string, options?: CallOptions): Promise<MemberDetails> {
    return this.execute('getMemberDetails', { pathParams: { member_user_id: memberUserId } }, parsed(parseMemberDetails), options);
  }

  updateMemberDetails(memberUserId: string, details: MemberDetails, options?: CallOptions): Promise<void> {
    const body = { role: details.role, quota: details.quota };
    return this.execute('updateMemberDetails', { pathParams: { member_user_id: memberUserId }, json: body }, none, options);
  }

  /**
   * Changes the account `userId` (yourself by default). `body` holds only the
   * fields to change (see accountModification.ts).
   */
  updateAccount(body: Readonly<Record<string, unknown>>, userId = SELF, options?: CallOptions): Promise<void> {
    return this.execute('updateUser', { pathParams: { user_id: userId }, json: body }, none, options);
  }

  getBalance(options?: CallOptions): Promise<Balance> {
    return this.execute('getBalance', {}, parsed(parseBalance), options);
  }

  // ---- number shop ------------------------------------------------------------

  listShopCountries(options?: CallOptions): Promise<ShopCountry[]> {
    return this.execute('listCountries', {}, parsed(parseShopCountries), options);
  }

  listShopAreas(countryCode: string, options?: CallOptions): Promise<ShopArea[]> {
    return this.execute('listAreas', { pathParams: { country_code: countryCode } }, parsed(parseShopAreas), options);
  }

  /** Numbers for sale in an area: random ones, or (with `contains`) ones containing those digits. */
  listAvailableNumbers(countryCode: string, callingCode: string, contains?: string, options?: CallOptions): Promise<AvailableNumberList> {
    const query = contains ? { channel: 'custom', contains } : { channel: 'random' };
    return this.execute(
      'listShopNumbers',
      { pathParams: { country_code: countryCode, calling_code: callingCode }, query },
      async (response, op) => parseAvailableNumbers(await readJson(response, op.id)),
      options,
    );
  }

  /**
   * Buys a number. Never retried automatically (POST): after a failure that
   * may have reached the server (`maybeDelivered`, or a 5xx), look at the
   * account's numbers before buying again. Any 2xx is a purchase.
   */
  async purchaseNumber(itemId: string, options?: CallOptions): Promise<PurchaseResult> {
    return parsePurchaseResult(await this.execute('purchaseNumber', { json: { item_id: itemId } }, lenient, options));
  }

  // ---- faxes ----------------------------------------------------------------

  listFaxes(query: ListFaxesQuery = {}, options?: CallOptions): Promise<Fax[]> {
    return this.execute(
      'listFaxes',
      {
        pathParams: { user_id: query.userId ?? SELF },
        query: {
          category: query.category,
          after: query.after && formatApiDate(query.after),
          before: query.before && formatApiDate(query.before),
          limit: query.limit,
        },
      },
      parsed(parseFaxList),
      options,
    );
  }

  /** Pages of not-yet-seen faxes, newest first, moving the date window (see faxPaging.ts). */
  iterateFaxes(options: IterateFaxesOptions): AsyncGenerator<Fax[]> {
    return iterateFaxPages((query, call) => this.listFaxes(query, call), options);
  }

  getFax(faxId: string, options?: CallOptions & { userId?: string }): Promise<Fax> {
    return this.execute('getFax', { pathParams: { user_id: options?.userId ?? SELF, fax_id: faxId } }, parsed(parseFax), options);
  }

  /** The API wants both fields: pass the current comment when only marking read. */
  updateFax(faxId: string, change: FaxModification, options?: CallOptions & { userId?: string }): Promise<void> {
    const body = { comment: change.comment, is_read: change.isRead };
    return this.execute('updateFax', { pathParams: { user_id: options?.userId ?? SELF, fax_id: faxId }, json: body }, none, options);
  }

  deleteFax(faxId: string, options?: CallOptions & { userId?: string }): Promise<void> {
    return this.execute('deleteFax', { pathParams: { user_id: options?.userId ?? SELF, fax_id: faxId } }, none, options);
  }

  // ---- files ------------------------------------------------------------------

  /**
   * Streams a document (a local path or an UploadSource) as multipart part
   * `fax_file`; returns the server's path for `sendFax`. Never retried once
   * bytes may have left (a repeat after a 401 re-opens the source).
   */
  async uploadFile(source: string | UploadSource, options: UploadOptions = {}): Promise<string> {
    const upload = typeof source === 'string' ? await fileUploadSource(source) : source;
    const contentType = upload.contentType ?? faxMimeType(upload.name);
    if (!contentType) {
      throw new UploadSourceError(`Fax.Plus does not accept files like ${upload.name}`, {
        operationId: 'uploadFile',
        code: 'unsupported_file_type',
      });
    }
    const body = () =>
      multipartFileBody(
        {
          fieldName: 'fax_file',
          fileName: upload.name,
          contentType,
          size: upload.size,
          open: () => upload.open() as AsyncIterable<Uint8Array | string>,
        },
        'uploadFile',
        options.onProgress,
      );
    return this.execute(
      'uploadFile',
      { pathParams: { user_id: options.userId ?? SELF }, body, headersTimeoutMs: UPLOAD_HEADERS_TIMEOUT_MS },
      parsed(parseFilePath),
      options,
    );
  }

  /** Saves a fax document; the destination appears only when complete. Returns the byte count. */
  downloadFile(faxId: string, format: FileFormat, destinationPath: string, options: DownloadOptions = {}): Promise<number> {
    return this.execute(
      'getFile',
      { pathParams: { user_id: options.userId ?? SELF, fax_id: faxId }, query: { format }, accept: acceptFor(format) },
      (response) => saveResponseBody(response, destinationPath, options.onProgress, options.signal),
      options,
    );
  }

  downloadReport(faxId: string, destinationPath: string, options: DownloadOptions = {}): Promise<number> {
    return this.execute(
      'getFaxReport',
      { pathParams: { user_id: options.userId ?? SELF, fax_id: faxId }, accept: 'application/pdf' },
      (response) => saveResponseBody(response, destinationPath, options.onProgress, options.signal),
      options,
    );
  }

  /** The confirmation report in memory, kept beside a receipt (bounded by `maxBytes`). */
  downloadReportBytes(faxId: string, options: BytesDownloadOptions = {}): Promise<Uint8Array> {
    const limit = options.maxBytes ?? DEFAULT_VIEWER_LIMIT;
    return this.execute(
      'getFaxReport',
      { pathParams: { user_id: options.userId ?? SELF, fax_id: faxId }, accept: 'application/pdf' },
      (response, op) => readBodyBytes(response.body, limit, op.id),
      options,
    );
  }

  /** A fax document in memory, for the in-editor viewer (bounded by `maxBytes`). */
  downloadFileBytes(faxId: string, format: FileFormat, options: BytesDownloadOptions = {}): Promise<Uint8Array> {
    const limit = options.maxBytes ?? DEFAULT_VIEWER_LIMIT;
    return this.execute(
      'getFile',
      { pathParams: { user_id: options.userId ?? SELF, fax_id: faxId }, query: { format }, accept: acceptFor(format) },
      (response, op) => readBodyBytes(response.body, limit, op.id),
      options,
    );
  }

  // ---- numbers ----------------------------------------------------------------

  listNumbers(userId = SELF, options?: CallOptions): Promise<FaxNumber[]> {
    return this.execute('listNumbers', { pathParams: { user_id: userId } }, parsed(parseNumberList), options);
  }

  getNumber(number: string, userId = SELF, options?: CallOptions): Promise<FaxNumber> {
    return this.execute('getNumber', { pathParams: { user_id: userId, number } }, parsed(parseFaxNumber), options);
  }

  /**
   * Assigns one of the admin's numbers to a member: PUT as in both SDKs,
   * then POST (as the help centre shows) when PUT answers 405. A 405 means the
   * server did nothing, so the second request cannot assign twice.
   */
  async assignNumber(number: string, memberUserId: string, options?: CallOptions): Promise<void> {
    const request = { pathParams: { user_id: SELF, number }, json: { assigned_to: memberUserId } };
    try {
      await this.execute('updateNumber', request, none, options);
    } catch (e) {
      if (!(e instanceof RequestRejectedError && e.status === 405)) {
        throw e;
      }
      await this.execute('updateNumberPost', request, none, options);
    }
  }

  /** Revokes a number from the member `userId`. */
  revokeNumber(number: string, userId: string, options?: CallOptions): Promise<void> {
    return this.execute('revokeNumber', { pathParams: { user_id: userId, number } }, none, options);
  }

  // ---- outbox -------------------------------------------------------------------

  listOutbox(options?: CallOptions & { userId?: string }): Promise<OutboxFax[]> {
    return this.execute('listOutboxFaxes', { pathParams: { user_id: options?.userId ?? SELF } }, parsed(parseOutboxList), options);
  }

  getOutboxFax(outboxFaxId: string, options?: CallOptions & { userId?: string }): Promise<OutboxFax> {
    return this.execute(
      'getOutboxFax',
      { pathParams: { user_id: options?.userId ?? SELF, outbox_fax_id: outboxFaxId } },
      parsed(parseOutboxFax),
      options,
    );
  }

  /** Cancels a fax that has not been sent yet. */
  deleteOutboxFax(outboxFaxId: string, options?: CallOptions & { userId?: string }): Promise<void> {
    return this.execute('deleteOutboxFax', { pathParams: { user_id: options?.userId ?? SELF, outbox_fax_id: outboxFaxId } }, none, options);
  }

  /**
   * Schedules a fax. Never retried automatically once the body may have
   * reached the server: on NetworkError/TimeoutError/CancelledError with
   * `maybeDelivered`, look in the outbox before sending again.
   */
  sendFax(request: SendFaxRequest, options?: CallOptions): Promise<SendFaxResult> {
    return this.execute(
      'sendFax',
      { pathParams: { user_id: SELF }, json: sendFaxPayload(request) },
      async (response, op) => {
        const result = parseSendFaxResult(await readJson(response, op.id), op.id);
        const serverTime = parseHttpDate(response.headers.date);
        return serverTime ? { ...result, serverTime } : result;
      },
      options,
    );
  }

  // ---- webhooks -----------------------------------------------------------------

  listWebhooks(event: WebhookEvent, options?: CallOptions): Promise<Webhook[]> {
    return this.execute('getWebhooks', { query: { event } }, parsed(parseWebhookList), options);
  }

  /** Returns the new webhook's id. */
  createWebhook(webhook: { target: string; event: WebhookEvent }, options?: CallOptions): Promise<string> {
    return this.execute('createWebhook', { json: { target: webhook.target, event: webhook.event } }, parsed(parseWebhookId), options);
  }

  deleteWebhook(hookId: string, options?: CallOptions): Promise<void> {
    return this.execute('deleteWebhook', { pathParams: { hook_id: hookId } }, none, options);
  }

  // ---- lifecycle --------------------------------------------------------------

  dispose(): void {
    if (this.ownsDispatcher) {
      void this.dispatcher.destroy().catch(() => undefined);
    }
  }
}

function acceptFor(format: FileFormat): string {
  return format === 'pdf' ? 'application/pdf' : 'image/tiff';
}
