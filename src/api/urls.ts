/**
 * URL building. UI code never builds URLs: it hands the client ids and
 * numbers, and every path parameter is percent-encoded here (an E.164 `+`
 * becomes `%2B`, a `/` in an id cannot change the path).
 */

export type PathParams = Readonly<Record<string, string>>;
export type QueryParams = Readonly<Record<string, string | number | boolean | undefined>>;

export function expandPath(template: string, params: PathParams = {}): string {
  return template.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') {
      throw new TypeError(`Missing path parameter ${name} for ${template}`);
    }
    return encodeURIComponent(value);
  });
}

/** Normalised base URL: no trailing slash, path kept (e.g. `/v3`). */
export function normalizeBaseUrl(baseUrl: string): URL {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError('The Fax.Plus base URL must be http(s)');
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  url.search = '';
  url.hash = '';
  return url;
}

export function buildUrl(base: URL, path: string, query?: QueryParams): URL {
  const url = new URL(base.href);
  url.pathname = `${base.pathname}${path}`;
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) {
        url.searchParams.set(key, String(value));
      }
    }
  }
  return url;
}
