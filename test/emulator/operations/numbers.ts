import type { ApiContext, OperationTable } from '../context';
import { ApiError, jsonResult } from '../http';
import type { NumberRecord } from '../records';

function bodyUid(ctx: ApiContext): string {
  const body = ctx.body as { assigned_to?: unknown } | undefined;
  if (!body || typeof body.assigned_to !== 'string' || !body.assigned_to) {
    throw new ApiError(400, 'invalid_request', 'assigned_to (a user id) is required');
  }
  return body.assigned_to === 'self' ? ctx.callerUid : body.assigned_to;
}

/** A number visible to the target user (the admin sees all purchased ones). */
function visibleNumber(ctx: ApiContext): NumberRecord {
  const n = ctx.env.state.numbersOf(ctx.targetUid).find((x) => x.number === ctx.params.number);
  if (!n) {
    throw new ApiError(404, 'number_not_found', `${ctx.params.number} is not one of this account's numbers`);
  }
  return n;
}

/** A number the admin owns (for assign / revoke). */
function ownedNumber(ctx: ApiContext): NumberRecord {
  const n = ctx.env.state.numbers.find((x) => x.number === ctx.params.number && x.owner_id === ctx.callerUid);
  if (!n) {
    throw new ApiError(404, 'number_not_found', `${ctx.params.number} is not one of your numbers`);
  }
  return n;
}

/** Assigns a number; the `assignMethod` variant decides which method the server knows (the other gets 405). */
function assign(ctx: ApiContext, method: 'put' | 'post') {
  const allowed = ctx.env.variants.assignMethod;
  if (allowed !== 'both' && allowed !== method) {
    throw new ApiError(405, 'method_not_allowed', `${method.toUpperCase()} is not allowed on this path`);
  }
  const n = ownedNumber(ctx);
  const uid = bodyUid(ctx);
  if (!ctx.env.state.account(uid)) {
    throw new ApiError(404, 'user_not_found', `No member with user id ${uid}`);
  }
  if (n.status !== 'active') {
    throw new ApiError(400, 'number_not_active', `${n.number} is ${n.status} and cannot be assigned yet`);
  }
  if (!n.assigned_to.includes(uid)) {
    n.assigned_to.push(uid);
  }
  return jsonResult(200, {});
}

export const numberOperations: OperationTable = {
  listNumbers: (ctx) => jsonResult(200, { numbers: ctx.env.state.numbersOf(ctx.targetUid) }),

  getNumber: (ctx) => jsonResult(200, visibleNumber(ctx)),

  updateNumber: (ctx) => assign(ctx, 'put'),

  updateNumberPost: (ctx) => assign(ctx, 'post'),

  revokeNumber: (ctx) => {
    const n = ownedNumber(ctx);
    if (ctx.env.state.isAdmin(ctx.targetUid)) {
      throw new ApiError(400, 'cannot_revoke_from_admin', 'A number cannot be revoked from the corporate admin');
    }
    if (!n.assigned_to.includes(ctx.targetUid)) {
      throw new ApiError(404, 'number_not_assigned', `${n.number} is not assigned to ${ctx.targetUid}`);
    }
    n.assigned_to = n.assigned_to.filter((u) => u !== ctx.targetUid);
    return jsonResult(200, {});
  },
};
