import { createAgent, createEnvHttpProxyAgent, createProxyAgent, type Dispatcher } from './undiciCore';

export interface Timeouts {
  readonly connectMs: number;
  /** Until the response headers arrive (refreshed while an upload body is still being written). */
  readonly headersMs: number;
  /** Longest silence between two chunks of a response body. */
  readonly bodyMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = Object.freeze({ connectMs: 10_000, headersMs: 30_000, bodyMs: 60_000 });

export interface DispatcherOptions {
  readonly timeouts: Timeouts;
  /** Explicit proxy (e.g. VS Code's `http.proxy`); wins over the environment. */
  readonly proxyUrl?: string;
  /** The environment to read HTTPS_PROXY/HTTP_PROXY/NO_PROXY from; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

function envValue(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = env[name] ?? env[name.toLowerCase()];
  return value && value.trim() !== '' ? value : undefined;
}

/**
 * One keep-alive dispatcher per client: a plain Agent, a ProxyAgent for an
 * explicit proxy, or EnvHttpProxyAgent when the environment names a proxy.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { timeouts } = options;
  const common = {
    connect: { timeout: timeouts.connectMs },
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
    keepAliveTimeout: 30_000,
  };
  if (options.proxyUrl) {
    return createProxyAgent({ uri: options.proxyUrl, ...common });
  }
  const env = options.env ?? process.env;
  const httpsProxy = envValue(env, 'HTTPS_PROXY');
  const httpProxy = envValue(env, 'HTTP_PROXY');
  if (httpsProxy || httpProxy) {
    return createEnvHttpProxyAgent({
      httpProxy,
      httpsProxy,
      noProxy: envValue(env, 'NO_PROXY'),
      ...common,
    });
  }
  return createAgent(common);
}
