/**
 * The parts of undici the client uses, imported from undici's own modules.
 * `import … from 'undici'` would bundle fetch, WebSocket, EventSource, caches
 * and mocks too (about 520 KB minified) because undici's entry point is not
 * tree-shakeable; these modules are about a third of that. The paths are
 * stable within undici 7 (pinned to ~7.30 in package.json); the unit tests
 * exercise every one of them.
 */
import type * as Undici from 'undici';

/* eslint-disable @typescript-eslint/no-require-imports -- undici's internal modules are CommonJS without types. */
const AgentImpl: typeof Undici.Agent = require('undici/lib/dispatcher/agent');
const ProxyAgentImpl: typeof Undici.ProxyAgent = require('undici/lib/dispatcher/proxy-agent');
const EnvHttpProxyAgentImpl: typeof Undici.EnvHttpProxyAgent = require('undici/lib/dispatcher/env-http-proxy-agent');
const apiRequest: (this: Undici.Dispatcher, options: Undici.Dispatcher.RequestOptions) => Promise<Undici.Dispatcher.ResponseData> =
  require('undici/lib/api/api-request');
/* eslint-enable @typescript-eslint/no-require-imports */

export type Dispatcher = Undici.Dispatcher;
export type ResponseData = Undici.Dispatcher.ResponseData;
export const Agent = AgentImpl;
export const ProxyAgent = ProxyAgentImpl;
export const EnvHttpProxyAgent = EnvHttpProxyAgentImpl;

export type RequestOptions = Omit<Undici.Dispatcher.RequestOptions, 'origin' | 'path' | 'method'> & {
  readonly method: Undici.Dispatcher.HttpMethod;
  readonly dispatcher: Dispatcher;
};

/** `undici.request(url, options)` without undici's global dispatcher: every call names its dispatcher. */
export function request(url: string | URL, options: RequestOptions): Promise<Undici.Dispatcher.ResponseData> {
  const target = typeof url === 'string' ? new URL(url) : url;
  const { dispatcher, ...rest } = options;
  return apiRequest.call(dispatcher, { ...rest, origin: target.origin, path: `${target.pathname}${target.search}` });
}
