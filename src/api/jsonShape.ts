import { parseApiDate } from './dates';
import { ProtocolError } from './errors';

/**
 * Small readers for untrusted JSON. Required structure that is wrong ends in
 * a ProtocolError; optional fields of the wrong type read as undefined, so a
 * server that adds or changes a cosmetic field does not break a view.
 */

export type JsonObject = Readonly<Record<string, unknown>>;

export function shapeError(operationId: string, what: string): ProtocolError {
  return new ProtocolError(`Fax.Plus ${operationId}: unexpected response (${what})`, { operationId });
}

export function requireObject(value: unknown, operationId: string, what: string): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw shapeError(operationId, `${what} is not an object`);
  }
  return value as JsonObject;
}

export function requireArray(value: unknown, operationId: string, what: string): readonly unknown[] {
  if (!Array.isArray(value)) {
    throw shapeError(operationId, `${what} is not an array`);
  }
  return value;
}

/** Ids are strings; a number is accepted and stringified (JSON producers differ). */
export function requireId(obj: JsonObject, key: string, operationId: string, what: string): string {
  const value = obj[key];
  if (typeof value === 'string' && value !== '') {
    return value;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  throw shapeError(operationId, `${what}.${key} is missing`);
}

export function optString(obj: JsonObject, key: string): string | undefined {
  const value = obj[key];
  return typeof value === 'string' ? value : undefined;
}

export function optNumber(obj: JsonObject, key: string): number | undefined {
  const value = obj[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function optBoolean(obj: JsonObject, key: string): boolean | undefined {
  const value = obj[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function optObject(obj: JsonObject, key: string): JsonObject | undefined {
  const value = obj[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** Keeps the string items of an array; anything else is an empty list. */
export function stringList(obj: JsonObject, key: string): string[] {
  const value = obj[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function optDate(obj: JsonObject, key: string): Date | undefined {
  const value = obj[key];
  return typeof value === 'string' ? parseApiDate(value) : undefined;
}

/** Below this an epoch value is in seconds (1e11 ms is 1973; 1e11 s is the year 5138). */
const SECONDS_EPOCH_BELOW = 1e11;

/** Milliseconds since the epoch (TokenInfo) → Date; a value below 1e11 is read as seconds. */
export function optEpochMs(obj: JsonObject, key: string): Date | undefined {
  const value = optNumber(obj, key);
  if (value === undefined) {
    return undefined;
  }
  const date = new Date(Math.abs(value) < SECONDS_EPOCH_BELOW ? value * 1000 : value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** An open enum: the server's string as is, `unknown` when absent. */
export function openEnum(obj: JsonObject, key: string): string {
  return optString(obj, key) ?? 'unknown';
}
