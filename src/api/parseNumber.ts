import { openEnum, optBoolean, optDate, optString, requireArray, requireId, requireObject, stringList } from './jsonShape';
import type { FaxNumber } from './models';
import { shapeError } from './jsonShape';

export function parseFaxNumber(value: unknown, operationId = 'getNumber'): FaxNumber {
  const obj = requireObject(value, operationId, 'number');
  const number = optString(obj, 'number');
  if (!number) {
    throw shapeError(operationId, 'number.number is missing');
  }
  return {
    id: requireId(obj, 'id', operationId, 'number'),
    number,
    ownerId: optString(obj, 'owner_id'),
    // The spec says array; tolerate a single id as well.
    assignedTo: typeof obj.assigned_to === 'string' ? [obj.assigned_to] : stringList(obj, 'assigned_to'),
    status: openEnum(obj, 'status'),
    acquiredDate: optDate(obj, 'acquired_date'),
    expirationDate: optDate(obj, 'expiration_date'),
    isCanceled: optBoolean(obj, 'is_canceled'),
  };
}

export function parseNumberList(value: unknown, operationId = 'listNumbers'): FaxNumber[] {
  const root = requireObject(value, operationId, 'body');
  return requireArray(root.numbers, operationId, 'numbers').map((n) => parseFaxNumber(n, operationId));
}
