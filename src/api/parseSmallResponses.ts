import { optNumber, optObject, optString, requireObject, shapeError } from './jsonShape';
import type { Balance, SendFaxResult } from './models';

/** `{path}` of `uploadFile`, to pass to `sendFax`. */
export function parseFilePath(value: unknown, operationId = 'uploadFile'): string {
  const path = optString(requireObject(value, operationId, 'body'), 'path');
  if (!path) {
    throw shapeError(operationId, 'path is missing');
  }
  return path;
}

/** `{ids?: {destination: faxId}}` of `sendFax`; `{}` when return_ids was false. */
export function parseSendFaxResult(value: unknown, operationId = 'sendFax'): SendFaxResult {
  const root = requireObject(value, operationId, 'body');
  const idsObject = optObject(root, 'ids');
  const ids: Record<string, string> = {};
  for (const [destination, id] of Object.entries(idsObject ?? {})) {
    // A destination key `__proto__` would otherwise reach the prototype setter.
    if (typeof id === 'string' && destination !== '__proto__') {
      ids[destination] = id;
    }
  }
  return { ids };
}

export function parseBalance(value: unknown, operationId = 'getBalance'): Balance {
  const raw = requireObject(value, operationId, 'body');
  return { balance: optNumber(raw, 'balance'), currency: optString(raw, 'currency'), raw };
}
