/**
 * The one secret masker: removes secrets from text that came from outside
 * (server descriptions, low-level error messages) before it goes into an error
 * or a log line, and from every log line (logging/redactor.ts). The server
 * could echo a token back; we must not carry it further.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4) {
      result = result.split(secret).join('[redacted]');
    }
  }
  // Anything shaped like a PAT or a bearer credential, even one we never held.
  return result
    .replace(/alohi_pat_[A-Za-z0-9_-]+/g, 'alohi_pat_[redacted]')
    .replace(/(bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1[redacted]')
    .replace(/((?:access|refresh)_token["'=:\s]+)[A-Za-z0-9._~+/=-]+/gi, '$1[redacted]');
}
