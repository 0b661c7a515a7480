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
} from './jsonShape';
import type { OutboxFax } from './models';
import { parseCoverPage } from './parseFax';

export function parseOutboxFax(value: unknown, operationId = 'getOutboxFax'): OutboxFax {
  const obj = requireObject(value, operationId, 'outbox fax');
  const comment = optObject(obj, 'comment');
  const retry = optObject(obj, 'retry');
  return {
    id: requireId(obj, 'id', operationId, 'outbox fax'),
    uid: optString(obj, 'uid'),
    status: openEnum(obj, 'status'),
    from: optString(obj, 'src') ?? optString(obj, 'designated_src'),
    to: stringList(obj, 'to'),
    files: stringList(obj, 'files'),
    comment: comment ? { text: optString(comment, 'text'), tags: stringList(comment, 'tags') } : undefined,
    contactName: optString(obj, 'contact_name'),
    pageCount: optNumber(obj, 'page_count'),
    submitTime: optDate(obj, 'submit_time'),
    sendTime: optDate(obj, 'send_time'),
    lastUpdatedStatusTime: optDate(obj, 'last_updated_status_time'),
    retry: retry ? { count: optNumber(retry, 'count'), delay: optNumber(retry, 'delay') } : undefined,
    shouldEnhance: optBoolean(obj, 'should_enhance'),
    coverPage: parseCoverPage(optObject(obj, 'cover_page')),
  };
}

export function parseOutboxList(value: unknown, operationId = 'listOutboxFaxes'): OutboxFax[] {
  const root = requireObject(value, operationId, 'body');
  // An empty outbox may come back without `records`.
  if (root.records === undefined || root.records === null) {
    return [];
  }
  return requireArray(root.records, operationId, 'records').map((r) => parseOutboxFax(r, operationId));
}
