import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import type { ApiContext, OperationTable } from '../context';
import { parseSendTime } from '../dates';
import { ApiError, jsonResult } from '../http';
import { outboxWire, scheduleStages } from '../lifecycle';
import type { CoverPage, OutboxEntry, UploadedFile } from '../records';
import { estimatePages, MAX_FAX_BYTES } from './upload';

export const MAX_FILES = 10;
export const MAX_DESTINATIONS = 4000;
const E164 = /^\+[1-9]\d{6,14}$/;

/** Outbox ids are 32 hex characters in the docs (a fax gets a 24-hex id once it reaches Sent). */
function newOutboxId(): string {
  return randomBytes(16).toString('hex');
}

function stringArray(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new ApiError(400, 'invalid_request', `${name} must be an array of strings`);
  }
  return value as string[];
}

function senderNumbers(ctx: ApiContext, from: unknown): string[] {
  const active = ctx.env.state
    .numbersOf(ctx.targetUid)
    .filter((n) => n.status === 'active')
    .map((n) => n.number);
  if (typeof from !== 'string' || !from) {
    throw new ApiError(400, 'invalid_request', 'from is required');
  }
  if (from === 'no_number') {
    if (active.length > 0) {
      throw new ApiError(400, 'invalid_from', 'no_number is only for members without a number; use one of your numbers');
    }
    return ['no_number'];
  }
  const list = from.split(',').map((s) => s.trim());
  for (const n of list) {
    if (!active.includes(n)) {
      throw new ApiError(400, 'invalid_from', `${n} is not one of your active numbers`);
    }
  }
  return list;
}

function coverPage(value: unknown): CoverPage | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const c = value as Partial<CoverPage>;
  if (typeof c !== 'object' || typeof c.name_to !== 'string' || typeof c.name_from !== 'string' || typeof c.subject !== 'string') {
    throw new ApiError(400, 'invalid_request', 'cover_page needs name_to, name_from and subject');
  }
  return c as CoverPage;
}

function outboxEntry(ctx: ApiContext): OutboxEntry {
  const e = ctx.env.state.outbox.get(ctx.params.outbox_fax_id);
  if (!e || e.uid !== ctx.targetUid) {
    throw new ApiError(404, 'fax_not_found', `No outgoing fax with id ${ctx.params.outbox_fax_id}`);
  }
  return e;
}

let numericIds = 0;
/** A numeric id (safe integer) for the `sendFaxIds: numbers` variant. */
function numericFaxId(): string {
  numericIds += 1;
  return String(7_000_000_000 + (Date.now() % 1_000_000_000) * 10 + numericIds);
}

export const outboxOperations: OperationTable = {
  listOutboxFaxes: (ctx) => {
    const records = [...ctx.env.state.outbox.values()].filter((e) => e.uid === ctx.targetUid).sort((a, b) => b.submitMs - a.submitMs);
    // An empty outbox under the `emptyList` variant comes back without `records`.
    const shape = ctx.env.variants.emptyList;
    if (records.length === 0 && (shape === 'noData' || shape === 'noRecords')) {
      return jsonResult(200, {});
    }
    return jsonResult(200, { records: records.map((e) => outboxWire(e, ctx.now)) });
  },

  getOutboxFax: (ctx) => jsonResult(200, outboxWire(outboxEntry(ctx), ctx.now)),

  updateOutboxFax: (ctx) => {
    const e = outboxEntry(ctx);
    const body = ctx.body as { comment?: unknown } | undefined;
    if (!body || typeof body.comment !== 'string') {
      throw new ApiError(400, 'invalid_request', 'comment (a string) is required');
    }
    e.comment = { ...e.comment, text: body.comment };
    return jsonResult(200, {});
  },

  deleteOutboxFax: (ctx) => {
    const e = outboxEntry(ctx);
    ctx.env.state.outbox.delete(e.id);
    return jsonResult(200, {});
  },

  sendFax: (ctx) => {
    const body = ctx.body as Record<string, unknown> | undefined;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ApiError(400, 'invalid_request', 'A JSON object body is required');
    }
    const to = stringArray(body.to, 'to');
    const filePaths = stringArray(body.files ?? [], 'files');
    if (filePaths.length > MAX_FILES) {
      throw new ApiError(400, 'too_many_files', `At most ${MAX_FILES} files per fax (got ${filePaths.length})`);
    }
    if (to.length > MAX_DESTINATIONS) {
      throw new ApiError(400, 'too_many_destinations', `At most ${MAX_DESTINATIONS} destinations per request (got ${to.length})`);
    }
    if (to.length === 0) {
      throw new ApiError(400, 'invalid_request', 'to must name at least one destination');
    }
    const bad = to.find((d) => !E164.test(d));
    if (bad !== undefined) {
      throw new ApiError(400, 'invalid_destination', `${bad} is not an E.164 fax number (e.g. +16699990000)`);
    }
    const cover = coverPage(body.cover_page);
    if (filePaths.length === 0 && !cover) {
      throw new ApiError(400, 'invalid_request', 'files must name at least one uploaded file (or give a cover_page)');
    }
    const files: UploadedFile[] = filePaths.map((p) => {
      const f = ctx.env.state.files.get(p);
      if (!f || f.uid !== ctx.targetUid) {
        throw new ApiError(400, 'file_not_found', `${p} is not a file uploaded by this account`);
      }
      return f;
    });
    const total = files.reduce((n, f) => n + f.size, 0);
    if (total > MAX_FAX_BYTES) {
      throw new ApiError(413, 'payload_too_large', `The fax's files total ${total} bytes; the limit is 150 MB`);
    }
    const senders = senderNumbers(ctx, body.from);
    let sendTimeMs: number | undefined;
    if (body.send_time !== undefined && body.send_time !== null && body.send_time !== '') {
      sendTimeMs = typeof body.send_time === 'string' ? parseSendTime(body.send_time) : undefined;
      if (sendTimeMs === undefined) {
        throw new ApiError(400, 'invalid_request', "send_time must be 'YYYY-MM-DD HH:mm:ss +HHMM'");
      }
    }
    const comment = (body.comment ?? {}) as { tags?: unknown; text?: unknown };
    const options = (typeof body.options === 'object' && body.options !== null ? body.options : {}) as OutboxEntry['options'];
    const pages = files.reduce(
      (n, f) => n + estimatePages(path.extname(f.fileName).slice(1).toLowerCase(), f.size, f.content),
      cover ? 1 : 0,
    );
    const ids: Record<string, string> = {};
    const destinations = [...new Set(to)];
    destinations.forEach((dest, i) => {
      const id = ctx.env.variants.sendFaxIds === 'numbers' ? numericFaxId() : newOutboxId();
      ids[dest] = id;
      ctx.env.state.outbox.set(id, {
        id,
        uid: ctx.targetUid,
        from: senders[i % senders.length],
        to: dest,
        files: filePaths,
        fileInfo: files.map((f) => ({ file_name: f.fileName, mime_type: f.contentType, size: f.size })),
        pages,
        comment: {
          tags: Array.isArray(comment.tags) ? comment.tags.filter((t): t is string => typeof t === 'string') : [],
          text: typeof comment.text === 'string' ? comment.text : '',
        },
        options,
        coverPage: cover,
        tokenId: ctx.token.kind === 'pat' ? ctx.token.id : ctx.token.clientId,
        submitMs: ctx.now,
        sendTimeMs,
        ...scheduleStages(ctx.now, ctx.env.lifecycle, sendTimeMs),
      });
    });
    // The `sendFaxIds: numbers` variant answers the ids as JSON numbers.
    const answered =
      ctx.env.variants.sendFaxIds === 'numbers' ? Object.fromEntries(Object.entries(ids).map(([d, id]) => [d, Number(id)])) : ids;
    return jsonResult(201, body.return_ids === true ? { ids: answered } : {});
  },
};
