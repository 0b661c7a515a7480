import { optEpochMs, optString, requireArray, requireObject, shapeError } from './jsonShape';
import type { TokenInfo } from './models';

/** `GET /auth/token`: the only source of a token's scopes and expiry. */
export function parseTokenInfo(value: unknown, operationId = 'getTokenInfo'): TokenInfo {
  const obj = requireObject(value, operationId, 'token info');
  const tokenType = optString(obj, 'token_type');
  if (!tokenType) {
    throw shapeError(operationId, 'token_type is missing');
  }
  // Scopes decide what the UI allows: a malformed list must not read as "no scopes".
  const scopes = requireArray(obj.scopes, operationId, 'scopes');
  if (!scopes.every((s): s is string => typeof s === 'string')) {
    throw shapeError(operationId, 'scopes holds a non-string');
  }
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
