import { optEpochMs, optString, requireObject, shapeError } from './jsonShape';
import type { TokenInfo } from './models';

/** The scope every OAuth token carries: the consent screen grants `scope=all`. */
export const OAUTH_SCOPE = 'all';

/** `GET /auth/token`: the only source of a token's scopes and expiry. */
export function parseTokenInfo(value: unknown, operationId = 'getTokenInfo'): TokenInfo {
  const obj = requireObject(value, operationId, 'token info');
  const tokenType = optString(obj, 'token_type');
  if (!tokenType) {
    throw shapeError(operationId, 'token_type is missing');
  }
  // What /auth/token says about an OAuth token's scopes is undocumented; the sign-in asked for `all`.
  const scopes = tokenType === 'oauth' ? [OAUTH_SCOPE] : parseScopes(obj.scopes, operationId);
  return {
    tokenType,
    scopes,
    id: optString(obj, 'id'),
    name: optString(obj, 'name'),
    preview: optString(obj, 'preview'),
    createdAt: optEpochMs(obj, 'created_date'),
    expiresAt: optEpochMs(obj, 'expiration_date'),
    lastUsedAt: optEpochMs(obj, 'last_used'),
  };
}

/**
 * Scopes decide what the UI allows: a malformed list must not read as "no
 * scopes". An array of strings or one string separated by spaces or commas.
 */
function parseScopes(value: unknown, operationId: string): string[] {
  if (typeof value === 'string') {
    return value.split(/[\s,]+/).filter((s) => s !== '');
  }
  if (Array.isArray(value) && value.every((s): s is string => typeof s === 'string')) {
    return value.flatMap((s) => s.split(/[\s,]+/)).filter((s) => s !== '');
  }
  throw shapeError(operationId, 'scopes is neither a list nor a string');
}
