import type { ApiContext, OperationTable } from '../context';
import { ApiError, jsonResult } from '../http';
import type { AccountRecord } from '../records';

const EDITABLE = ['name', 'lastname', 'email', 'phone', 'profile_image'] as const;
const MERGEABLE = ['account_data', 'settings', 'notifications'] as const;

function target(ctx: ApiContext): AccountRecord {
  const acc = ctx.env.state.account(ctx.targetUid);
  if (!acc) {
    throw new ApiError(404, 'user_not_found', `No account with user id ${ctx.targetUid}`);
  }
  return acc;
}

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, 'invalid_request', 'A JSON object body is required');
  }
  return body as Record<string, unknown>;
}

function memberUid(ctx: ApiContext): string {
  const uid = ctx.params.member_user_id;
  const acc = ctx.env.state.account(uid);
  if (!acc || acc.account_type !== 'corporate_member' || !ctx.env.state.memberDetails.has(uid)) {
    throw new ApiError(404, 'user_not_found', `${uid} is not a member of your corporate account`);
  }
  return uid;
}

export const accountOperations: OperationTable = {
  getAccounts: (ctx) => jsonResult(200, { members: ctx.env.state.accounts.filter((a) => a.account_type === 'corporate_member') }),

  getUser: (ctx) => jsonResult(200, target(ctx)),

  updateUser: (ctx) => {
    const acc = target(ctx);
    const body = asObject(ctx.body);
    for (const key of EDITABLE) {
      if (typeof body[key] === 'string') {
        acc[key] = body[key] as string;
      }
    }
    for (const key of MERGEABLE) {
      const v = body[key];
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
        Object.assign(acc[key], v);
      }
    }
    return jsonResult(200, {});
  },

  getMemberDetails: (ctx) => jsonResult(200, ctx.env.state.memberDetails.get(memberUid(ctx))),

  updateMemberDetails: (ctx) => {
    const uid = memberUid(ctx);
    const body = asObject(ctx.body);
    const details = ctx.env.state.memberDetails.get(uid)!;
    if (body.quota !== undefined) {
      if (!Number.isInteger(body.quota) || (body.quota as number) < 0) {
        throw new ApiError(400, 'invalid_request', 'quota must be a non-negative integer');
      }
      details.quota = body.quota as number;
    }
    if (body.role !== undefined) {
      if (typeof body.role !== 'string' || !body.role) {
        throw new ApiError(400, 'invalid_request', 'role must be a non-empty string');
      }
      details.role = body.role;
    }
    return jsonResult(200, {});
  },
};
