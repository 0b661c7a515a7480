import type { ApiContext, OperationTable } from '../context';
import { isFaxDate } from '../dates';
import { ApiError, jsonResult } from '../http';
import { FAX_CATEGORIES, type FaxCategory, type FaxRecord } from '../records';
import type { EmulatorVariants } from '../variants';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

function dateParam(ctx: ApiContext, name: 'before' | 'after'): string | undefined {
  const v = ctx.query.get(name);
  if (v === null || v === '') {
    return undefined;
  }
  if (!isFaxDate(v)) {
    throw new ApiError(400, 'invalid_request', `${name} must be 'YYYY-MM-DD HH:mm:ss' (UTC)`);
  }
  return v;
}

/** An empty list as the `emptyList` variant shapes it. */
function emptyFaxList(shape: EmulatorVariants['emptyList']): unknown {
  switch (shape) {
    case 'noData':
      return {};
    case 'noRecords':
      return { data: {} };
    case 'flat':
      return { records: [] };
    default:
      return { data: { records: [] } };
  }
}

/** A fax of the target account, or 404. */
export function ownedFax(ctx: ApiContext): FaxRecord {
  const found = ctx.env.state.findFax(ctx.params.fax_id);
  if (!found || found.uid !== ctx.targetUid) {
    throw new ApiError(404, 'fax_not_found', `No fax record with id ${ctx.params.fax_id}`);
  }
  return found.fax;
}

export const faxOperations: OperationTable = {
  listFaxes: (ctx) => {
    const category = (ctx.query.get('category') ?? 'inbox') as FaxCategory;
    if (!FAX_CATEGORIES.includes(category)) {
      throw new ApiError(400, 'invalid_request', `category must be one of ${FAX_CATEGORIES.join(', ')}`);
    }
    const before = dateParam(ctx, 'before');
    const after = dateParam(ctx, 'after');
    const rawLimit = ctx.query.get('limit');
    let limit = DEFAULT_LIMIT;
    if (rawLimit !== null && rawLimit !== '') {
      limit = Number(rawLimit);
      if (!Number.isInteger(limit) || limit < 1) {
        throw new ApiError(400, 'invalid_request', 'limit must be a positive integer');
      }
    }
    const v = ctx.env.variants;
    limit = Math.min(limit, MAX_LIMIT, v.limitCap);
    const inWindow = (fax: FaxRecord) =>
      (before === undefined || (v.beforeInclusive ? fax.start_time <= before : fax.start_time < before)) &&
      (after === undefined || fax.start_time >= after);
    // Sorted newest first; an ascending server answers the oldest `limit` records of the window.
    const all = ctx.env.state.faxes(ctx.targetUid, category);
    const records = (v.listOrder === 'asc' ? [...all].reverse() : all).filter(inWindow).slice(0, limit);
    return jsonResult(200, records.length ? { data: { records } } : emptyFaxList(v.emptyList));
  },

  getFax: (ctx) => jsonResult(200, ownedFax(ctx)),

  updateFax: (ctx) => {
    const fax = ownedFax(ctx);
    const body = ctx.body as Record<string, unknown> | undefined;
    if (typeof body !== 'object' || body === null || (body.comment === undefined && body.is_read === undefined)) {
      throw new ApiError(400, 'invalid_request', 'Body needs comment and/or is_read');
    }
    if (body.comment !== undefined && typeof body.comment !== 'string') {
      throw new ApiError(400, 'invalid_request', 'comment must be a string');
    }
    if (body.is_read !== undefined && typeof body.is_read !== 'boolean') {
      throw new ApiError(400, 'invalid_request', 'is_read must be a boolean');
    }
    if (typeof body.comment === 'string') {
      fax.comment = body.comment;
    }
    if (typeof body.is_read === 'boolean') {
      fax.is_read = body.is_read;
    }
    return jsonResult(200, {});
  },

  deleteFax: (ctx) => {
    ownedFax(ctx);
    ctx.env.state.removeFax(ctx.params.fax_id);
    return jsonResult(200, {});
  },
};
