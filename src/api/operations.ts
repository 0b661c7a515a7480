import type { Scope } from './scopes';

/**
 * Every operation of the Fax.Plus API v3, declared once. The client executes
 * these descriptors, and the extension's scope checks read `permittedScopes`
 * from here (with `isPermitted`/`scopesThatPermit` from scopes.ts), so a
 * command's permissions can never drift from the request it really makes.
 * A unit test compares this table with test/contract/openapi.yaml.
 */

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface OperationDescriptor {
  readonly id: OperationId;
  readonly method: HttpMethod;
  /** Path template below the base URL, parameters in braces as in the spec. */
  readonly path: string;
  /** Exactly the spec's `x-permitted-scopes`. */
  readonly permittedScopes: readonly Scope[];
  /** Safe to repeat automatically: the server ends in the same state. */
  readonly idempotent: boolean;
}

const READ_FAX = ['fax:all:read', 'fax:fax:read'] as const;
const EDIT_FAX = ['fax:all:edit', 'fax:fax:edit'] as const;
const READ_NUMBERS = ['fax:all:read', 'fax:numbers:read'] as const;
const EDIT_NUMBERS = ['fax:all:edit', 'fax:numbers:edit'] as const;
const READ_SHOP = ['fax:all:read', 'fax:shop:read'] as const;

function op(method: HttpMethod, path: string, permittedScopes: readonly Scope[]): Omit<OperationDescriptor, 'id'> {
  // POST creates something each time it is sent; GET/PUT/DELETE do not.
  return { method, path, permittedScopes, idempotent: method !== 'POST' };
}

const TABLE = {
  getAccounts: op('GET', '/accounts', ['fax:all:read', 'fax:member:read']),
  getUser: op('GET', '/accounts/{user_id}', ['fax:all:read', 'fax:member:read', 'fax:user:read']),
  updateUser: op('PUT', '/accounts/{user_id}', ['fax:all:edit', 'fax:member:edit', 'fax:user:edit']),
  getMemberDetails: op('GET', '/accounts/self/member-details/{member_user_id}', ['fax:all:read', 'fax:member:read']),
  updateMemberDetails: op('PUT', '/accounts/self/member-details/{member_user_id}', ['fax:all:edit', 'fax:member:edit']),
  listFaxes: op('GET', '/accounts/{user_id}/faxes', READ_FAX),
  getFax: op('GET', '/accounts/{user_id}/faxes/{fax_id}', READ_FAX),
  updateFax: op('PUT', '/accounts/{user_id}/faxes/{fax_id}', EDIT_FAX),
  deleteFax: op('DELETE', '/accounts/{user_id}/faxes/{fax_id}', EDIT_FAX),
  uploadFile: op('POST', '/accounts/{user_id}/files', ['fax:all:edit', 'fax:file:edit']),
  getFile: op('GET', '/accounts/{user_id}/files/{fax_id}', READ_FAX),
  getFaxReport: op('GET', '/accounts/{user_id}/report/{fax_id}', READ_FAX),
  listNumbers: op('GET', '/accounts/{user_id}/numbers', READ_NUMBERS),
  getNumber: op('GET', '/accounts/{user_id}/numbers/{number}', READ_NUMBERS),
  updateNumber: op('PUT', '/accounts/{user_id}/numbers/{number}', EDIT_NUMBERS),
  // The help centre assigns with POST; the client tries it only after a 405 to PUT.
  updateNumberPost: op('POST', '/accounts/{user_id}/numbers/{number}', EDIT_NUMBERS),
  revokeNumber: op('DELETE', '/accounts/{user_id}/numbers/{number}', EDIT_NUMBERS),
  listOutboxFaxes: op('GET', '/accounts/{user_id}/outbox', READ_FAX),
  sendFax: op('POST', '/accounts/{user_id}/outbox', EDIT_FAX),
  getOutboxFax: op('GET', '/accounts/{user_id}/outbox/{outbox_fax_id}', READ_FAX),
  updateOutboxFax: op('PUT', '/accounts/{user_id}/outbox/{outbox_fax_id}', EDIT_FAX),
  deleteOutboxFax: op('DELETE', '/accounts/{user_id}/outbox/{outbox_fax_id}', EDIT_FAX),
  getWebhooks: op('GET', '/hooks', ['fax:all:read', 'fax:webhook:read']),
  createWebhook: op('POST', '/hooks', ['fax:all:edit', 'fax:webhook:edit']),
  deleteWebhook: op('DELETE', '/hooks/{hook_id}', ['fax:all:edit', 'fax:webhook:edit']),
  getTokenInfo: op('GET', '/auth/token', ['any']),
  getBalance: op('GET', '/shop/balance', READ_SHOP),
  listCountries: op('GET', '/shop/numbers/countries', READ_SHOP),
  listAreas: op('GET', '/shop/numbers/countries/{country_code}/areas', READ_SHOP),
  listShopNumbers: op('GET', '/shop/numbers/countries/{country_code}/areas/{calling_code}/numbers', READ_SHOP),
  purchaseNumber: op('POST', '/shop/numbers/purchase', ['fax:all:edit', 'fax:shop:edit']),
} as const;

export type OperationId = keyof typeof TABLE;

export const OPERATIONS: { readonly [K in OperationId]: OperationDescriptor } = Object.freeze(
  Object.fromEntries(Object.entries(TABLE).map(([id, d]) => [id, Object.freeze({ id: id as OperationId, ...d })])) as {
    [K in OperationId]: OperationDescriptor;
  },
);

export function allOperations(): OperationDescriptor[] {
  return Object.values(OPERATIONS);
}
