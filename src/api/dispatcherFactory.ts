import { createAgent, createEnvHttpProxyAgent, createProxyAgent, type Dispatcher } from './undiciCore';

export interface Timeouts {
  readonly connectMs: number;
  /** Until the response headers arrive (refreshed while an upload body is still being written). */
  readonly headersMs: number;
  /** Longest silence between two chunks of a response body. */
  readonly bodyMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = Object.freeze({ connectMs: 10_000, headersMs: 30_000, bodyMs: 60_000 });

/** How requests reach the network; mirrors VS Code's `http.*` proxy settings. */
export interface ProxyOptions {
  /** Explicit proxy (`http.proxy`); wins over HTTPS_PROXY/HTTP_PROXY. */
  readonly url?: string;
  /** Hosts reached directly (`http.noProxy`), on top of NO_PROXY: `host`, `.domain`, `*`, `host:port`. */
  readonly noProxy?: readonly string[];
  /** False (`http.proxyStrictSSL`): accept the certificates of a TLS-intercepting proxy, for proxied requests only. */
  readonly strictSSL?: boolean;
  /** Sent as Proxy-Authorization to the proxy (`http.proxyAuthorization`), never to the server. */
  readonly authorization?: string;
}

export interface DispatcherOptions {
  readonly timeouts: Timeouts;
  /** Explicit proxy (e.g. VS Code's `http.proxy`); wins over the environment. Shorthand for `proxy.url`. */
  readonly proxyUrl?: string;
  readonly proxy?: ProxyOptions;
  /** The environment to read HTTPS_PROXY/HTTP_PROXY/NO_PROXY from; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

function envValue(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = env[name] ?? env[name.toLowerCase()];
  return value && value.trim() !== '' ? value : undefined;
}

/**
 * One keep-alive dispatcher per client (or per token request): a plain
 * Agent, a ProxyAgent for an explicit proxy, or EnvHttpProxyAgent when the
 * environment names a proxy or some hosts must bypass it. API calls and
 * OAuth token requests both come here, so they take the same way out.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { timeouts } = options;
  const proxy = options.proxy ?? {};
  const common = {
    connect: { timeout: timeouts.connectMs },
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
    keepAliveTimeout: 30_000,
  };
  const env = options.env ?? process.env;
  const explicit = proxy.url?.trim() || options.proxyUrl?.trim() || undefined;
  // An empty string, not undefined: undici would otherwise read process.env behind the injected environment.
  const httpsProxy = explicit ?? envValue(env, 'HTTPS_PROXY') ?? '';
  const httpProxy = explicit ?? envValue(env, 'HTTP_PROXY') ?? '';
  if (!httpsProxy && !httpProxy) {
    return createAgent(common);
  }
  const viaProxy = {
    ...common,
    ...(proxy.authorization ? { token: proxy.authorization } : {}),
    ...(proxy.strictSSL === false ? { proxyTls: { rejectUnauthorized: false }, requestTls: { rejectUnauthorized: false } } : {}),
  };
  const noProxy = [envValue(env, 'NO_PROXY'), ...(proxy.noProxy ?? [])]
    .map((h) => h?.trim())
    .filter(Boolean)
    .join(',');
  if (explicit && !noProxy) {
    return createProxyAgent({ uri: explicit, ...viaProxy });
  }
  return createEnvHttpProxyAgent({ httpProxy, httpsProxy, noProxy, ...viaProxy });
}
