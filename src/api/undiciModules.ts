/**
 * The undici modules the client uses, in one module of their own: the build
 * makes it a separate file (dist/undici.js, about 300 KB) that undiciCore
 * requires on the first connection, so activation neither parses nor runs it.
 */
import type * as Undici from 'undici';

/* eslint-disable @typescript-eslint/no-require-imports -- undici's internal modules are CommonJS without types. */
export const Agent: typeof Undici.Agent = require('undici/lib/dispatcher/agent');
export const ProxyAgent: typeof Undici.ProxyAgent = require('undici/lib/dispatcher/proxy-agent');
export const EnvHttpProxyAgent: typeof Undici.EnvHttpProxyAgent = require('undici/lib/dispatcher/env-http-proxy-agent');
export const DispatcherClass: { prototype: { connect?: unknown } } = require('undici/lib/dispatcher/dispatcher');
export const apiConnect: unknown = require('undici/lib/api/api-connect');
export const apiRequest: (
  this: Undici.Dispatcher,
  options: Undici.Dispatcher.RequestOptions,
) => Promise<Undici.Dispatcher.ResponseData> = require('undici/lib/api/api-request');
/* eslint-enable @typescript-eslint/no-require-imports */
