import type { OperationTable } from '../context';
import { ApiError, jsonResult } from '../http';
import { tokenPreview } from '../tokens';
import type { EmulatorVariants } from '../variants';

/** `scopes` as the `oauthScopes` / `patScopes` variants shape it (undefined: the key is left out). */
function scopesValue(scopes: string[], shape: EmulatorVariants['oauthScopes']): unknown {
  switch (shape) {
    case 'space':
      return scopes.join(' ');
    case 'comma':
      return scopes.join(',');
    case 'empty':
      return [];
    case 'absent':
      return undefined;
    default:
      return scopes;
  }
}

export const tokenOperations: OperationTable = {
  getTokenInfo: (ctx) => {
    const v = ctx.env.variants;
    // `/auth/token` is in the docs but in neither SDK: the `tokenInfo` variant plays a server without it.
    if (v.tokenInfo === '404') {
      throw new ApiError(404, 'not_found', 'No API operation at /auth/token');
    }
    if (v.tokenInfo === '405') {
      throw new ApiError(405, 'method_not_allowed', 'GET is not allowed on /auth/token');
    }
    const t = ctx.token;
    if (t.kind === 'oauth') {
      const scopes = scopesValue(['all'], v.oauthScopes);
      return jsonResult(200, scopes === undefined ? { token_type: 'oauth' } : { token_type: 'oauth', scopes });
    }
    const date = (ms: number | undefined) => (ms === undefined ? null : v.tokenDates === 's' ? Math.floor(ms / 1000) : ms);
    return jsonResult(200, {
      token_type: 'pat',
      scopes: scopesValue(t.scopes, v.patScopes),
      id: t.id,
      name: t.name,
      preview: tokenPreview(t.token),
      created_date: date(t.createdMs),
      expiration_date: date(t.expiresMs),
      last_used: date(t.lastUsedMs),
    });
  },
};
