/**
 * The parts of undici the client uses, imported from undici's own modules.
 * `import … from 'undici'` would bundle fetch, WebSocket, EventSource, caches
 * and mocks too (about 520 KB minified) because undici's entry point is not
 * tree-shakeable; these modules are about a third of that. The paths are
 * stable within undici 7 (pinned to ~7.30 in package.json); the unit tests
 * exercise every one of them.
 *
 * Each module is required where it is first used, not at load time: the
 * bundle evaluates a module on its first require, and evaluating undici costs
 * 20–30 ms that activation should not pay (require caches the module).
 */
import type * as Undici from 'undici';

export type Dispatcher = Undici.Dispatcher;
export type ResponseData = Undici.Dispatcher.ResponseData;

/* eslint-disable @typescript-eslint/no-require-imports -- undici's internal modules are CommonJS without types. */

export function createAgent(options?: Undici.Agent.Options): Dispatcher {
  const AgentImpl: typeof Undici.Agent = require('undici/lib/dispatcher/agent');
  return new AgentImpl(options);
}

/**
 * A proxy tunnel is opened with `dispatcher.connect(...)`, a method undici's
 * entry point adds to Dispatcher.prototype; without that entry point it must
 * be added here, or every proxied request fails with "connect is not a function".
 */
function ensureConnectApi(): void {
  const DispatcherImpl: { prototype: { connect?: unknown } } = require('undici/lib/dispatcher/dispatcher');
  DispatcherImpl.prototype.connect ??= require('undici/lib/api/api-connect');
}

export function createProxyAgent(options: Undici.ProxyAgent.Options): Dispatcher {
  ensureConnectApi();
  const ProxyAgentImpl: typeof Undici.ProxyAgent = require('undici/lib/dispatcher/proxy-agent');
  return new ProxyAgentImpl(options);
}

export function createEnvHttpProxyAgent(options: Undici.EnvHttpProxyAgent.Options): Dispatcher {
  ensureConnectApi();
  const EnvHttpProxyAgentImpl: typeof Undici.EnvHttpProxyAgent = require('undici/lib/dispatcher/env-http-proxy-agent');
  return new EnvHttpProxyAgentImpl(options);
}

export type RequestOptions = Omit<Undici.Dispatcher.RequestOptions, 'origin' | 'path' | 'method'> & {
  readonly method: Undici.Dispatcher.HttpMethod;
  readonly dispatcher: Dispatcher;
};

/** `undici.request(url, options)` without undici's global dispatcher: every call names its dispatcher. */
export function request(url: string | URL, options: RequestOptions): Promise<ResponseData> {
  const apiRequest: (this: Dispatcher, options: Undici.Dispatcher.RequestOptions) => Promise<ResponseData> =
    require('undici/lib/api/api-request');
  const target = typeof url === 'string' ? new URL(url) : url;
  const { dispatcher, ...rest } = options;
  return apiRequest.call(dispatcher, { ...rest, origin: target.origin, path: `${target.pathname}${target.search}` });
}

/* eslint-enable @typescript-eslint/no-require-imports */
