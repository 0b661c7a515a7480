/**
 * Where a token may be sent. Pure (no `vscode`), so the rules are unit tested:
 * only `https:`, or `http:` to this machine (the local emulator). Anything else
 * is refused rather than silently replaced, so a mistyped URL never receives a
 * token and the user is told what to fix.
 */
export type EndpointCheck =
  { ok: true; url: string } | { ok: false; url: string; reason: 'malformed' | 'insecure' | 'unsupportedProtocol' };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

export function checkEndpoint(raw: string): EndpointCheck {
  const url = raw.trim().replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, url, reason: 'malformed' };
  }
  if (parsed.username || parsed.password) {
    return { ok: false, url, reason: 'malformed' };
  }
  if (parsed.protocol === 'https:') {
    return { ok: true, url };
  }
  if (parsed.protocol === 'http:') {
    return isLoopbackHost(parsed.hostname) ? { ok: true, url } : { ok: false, url, reason: 'insecure' };
  }
  return { ok: false, url, reason: 'unsupportedProtocol' };
}
