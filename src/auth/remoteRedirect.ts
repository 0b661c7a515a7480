/**
 * In a remote window (SSH, WSL, dev container, Codespaces) the extension
 * runs where the workspace is, so the OAuth loopback server listens there.
 * VS Code's port forwarding (`env.asExternalUri`) lets the local browser
 * reach it, but only an address the OAuth app registered works: the same
 * loopback port on this computer. Anything else (another port, a tunnel
 * host) cannot complete the sign-in, and is said up front.
 */
export function forwardedRedirectUsable(localRedirectUri: string, externalUri: string): boolean {
  const local = new URL(localRedirectUri);
  let external: URL;
  try {
    external = new URL(externalUri);
  } catch {
    return false;
  }
  const loopback = external.hostname === '127.0.0.1' || external.hostname === 'localhost';
  return external.protocol === 'http:' && loopback && external.port === local.port;
}

/** VS Code's own remotes, which run the extension away from the browser and forward ports on request. */
const FORWARDING_REMOTES = new Set(['ssh-remote', 'wsl', 'dev-container', 'attached-container', 'codespaces', 'tunnel']);

export function isForwardingRemote(remoteName: string | undefined): boolean {
  return remoteName !== undefined && FORWARDING_REMOTES.has(remoteName);
}
