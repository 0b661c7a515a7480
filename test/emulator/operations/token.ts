import type { OperationTable } from '../context';
import { jsonResult } from '../http';
import { tokenPreview } from '../tokens';

export const tokenOperations: OperationTable = {
  getTokenInfo: (ctx) => {
    const t = ctx.token;
    if (t.kind === 'oauth') {
      return jsonResult(200, { token_type: 'oauth', scopes: ['all'] });
    }
    return jsonResult(200, {
      token_type: 'pat',
      scopes: t.scopes,
      id: t.id,
      name: t.name,
      preview: tokenPreview(t.token),
      created_date: t.createdMs,
      expiration_date: t.expiresMs,
      last_used: t.lastUsedMs ?? null,
    });
  },
};
