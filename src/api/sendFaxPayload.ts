import { formatSendTime } from './dates';
import type { SendFaxRequest } from './models';

/** The docs give `max_retry` as 0 < x < 3 and the web app offers up to 3 redials: more is refused or ignored. */
export const MAX_REDIALS = 3;

/** The `PayloadOutbox` body for a SendFaxRequest (snake_case, send_time with offset). */
export function sendFaxPayload(request: SendFaxRequest): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    from: request.from,
    to: [...request.to],
    files: [...request.files],
    return_ids: request.returnIds ?? true,
  };
  if (request.comment) {
    payload.comment = { text: request.comment.text, tags: request.comment.tags && [...request.comment.tags] };
  }
  if (request.options) {
    const retry = request.options.retry;
    payload.options = {
      enhancement: request.options.enhancement,
      retry: retry && { ...retry, count: retry.count === undefined ? undefined : Math.min(retry.count, MAX_REDIALS) },
    };
  }
  if (request.coverPage) {
    const c = request.coverPage;
    payload.cover_page = {
      name_to: c.nameTo,
      name_from: c.nameFrom,
      subject: c.subject,
      flags: c.flags && [...c.flags],
      message: c.message,
    };
  }
  if (request.sendTime) {
    payload.send_time = formatSendTime(request.sendTime);
  }
  return payload;
}
