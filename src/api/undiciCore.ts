/**
 * The parts of undici the client uses, imported from undici's own modules.
 * `import … from 'undici'` would bundle fetch, WebSocket, EventSource, caches
 * and mocks too (about 520 KB minified) because undici's entry point is not
 * tree-shakeable; these modules are about a third of that. The paths are
 * stable within undici 7 (pinned to ~7.30 in package.json); the unit tests
 * exercise every one of them.
 *
 * They live in ./undiciModules, required on first use, not at load time: the
 * build turns that require into a separate file (dist/undici.js), so
 * activation pays neither parsing nor evaluating undici (20–30 ms).
 */
import type * as Undici from 'undici';

export type Dispatcher = Undici.Dispatcher;
export type ResponseData = Undici.Dispatcher.ResponseData;

/** undici itself, loaded on the first dispatcher or request (require caches it). */
function undici(): typeof import('./undiciModules') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load the build maps to dist/undici.js.
  return require('./undiciModules');
}

export function createAgent(options?: Undici.Agent.Options): Dispatcher {
  return new (undici().Agent)(options);
}

/**
 * A proxy tunnel is opened with `dispatcher.connect(...)`, a method undici's
 * entry point adds to Dispatcher.prototype; without that entry point it must
 * be added here, or every proxied request fails with "connect is not a function".
 */
function ensureConnectApi(): void {
  const { DispatcherClass, apiConnect } = undici();
  DispatcherClass.prototype.connect ??= apiConnect;
}

export function createProxyAgent(options: Undici.ProxyAgent.Options): Dispatcher {
  ensureConnectApi();
  return new (undici().ProxyAgent)(options);
}

export function createEnvHttpProxyAgent(options: Undici.EnvHttpProxyAgent.Options): Dispatcher {
  ensureConnectApi();
  return new (undici().EnvHttpProxyAgent)(options);
}

export type RequestOptions = Omit<Undici.Dispatcher.RequestOptions, 'origin' | 'path' | 'method'> & {
  readonly method: Undici.Dispatcher.HttpMethod;
  readonly dispatcher: Dispatcher;
};

/** `undici.request(url, options)` without undici's global dispatcher: every call names its dispatcher. */
export function request(url: string | URL, options: RequestOptions): Promise<ResponseData> {
  const { apiRequest } = undici();
  const target = typeof url === 'string' ? new URL(url) : url;
  const { dispatcher, ...rest } = options;
  return apiRequest.call(dispatcher, { ...rest, origin: target.origin, path: `${target.pathname}${target.search}` });
}
