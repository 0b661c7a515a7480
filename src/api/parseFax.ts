import {
  openEnum,
  optBoolean,
  optDate,
  optNumber,
  optObject,
  optString,
  requireArray,
  requireId,
  requireObject,
  stringList,
  type JsonObject,
} from './jsonShape';
import type { CoverPage, Fax } from './models';

export function parseCoverPage(obj: JsonObject | undefined): CoverPage | undefined {
  if (!obj) {
    return undefined;
  }
  return {
    nameTo: optString(obj, 'name_to') ?? '',
    nameFrom: optString(obj, 'name_from') ?? '',
    subject: optString(obj, 'subject') ?? '',
    flags: stringList(obj, 'flags'),
    message: optString(obj, 'message'),
  };
}

export function parseFax(value: unknown, operationId = 'getFax'): Fax {
  const obj = requireObject(value, operationId, 'fax');
  return {
    id: requireId(obj, 'id', operationId, 'fax'),
    ownerId: optString(obj, 'owner_id'),
    status: openEnum(obj, 'status'),
    direction: optString(obj, 'direction'),
    // The SDK model says `from`, the docs' examples `from_number`.
    from: optString(obj, 'from') ?? optString(obj, 'from_number'),
    to: optString(obj, 'to') ?? optString(obj, 'to_number'),
    startTime: optDate(obj, 'start_time'),
    submitTime: optDate(obj, 'submit_time'),
    lastUpdate: optDate(obj, 'last_update'),
    scheduledTime: optDate(obj, 'scheduled_time'),
    pages: optNumber(obj, 'pages'),
    duration: optNumber(obj, 'duration'),
    cost: optNumber(obj, 'cost'),
    comment: optString(obj, 'comment') ?? '',
    isRead: optBoolean(obj, 'is_read'),
    isSpam: optBoolean(obj, 'is_spam'),
    file: optString(obj, 'file'),
    fileName: optString(obj, 'file_name'),
    description: optString(obj, 'description'),
    header: optString(obj, 'header'),
    maxRetry: optNumber(obj, 'max_retry'),
    retryDelay: optNumber(obj, 'retry_delay'),
    coverPage: parseCoverPage(optObject(obj, 'cover_page')),
  };
}

/**
 * `{data:{records:[…]}}`. In the SDK both `data` and `records` are optional:
 * an empty category may come back as `{}`, `{data:{}}` or `{records:[]}`, all
 * an empty list. A key of the wrong type is still a protocol error.
 */
export function parseFaxList(value: unknown, operationId = 'listFaxes'): Fax[] {
  const root = requireObject(value, operationId, 'body');
  const data = root.data === undefined || root.data === null ? {} : requireObject(root.data, operationId, 'data');
  const records = data.records ?? root.records;
  if (records === undefined || records === null) {
    return [];
  }
  return requireArray(records, operationId, 'data.records').map((r) => parseFax(r, operationId));
}
