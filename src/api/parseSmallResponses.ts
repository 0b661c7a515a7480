import { optObject, optString, requireObject, shapeError, type JsonObject } from './jsonShape';
import type { Balance, SendFaxResult } from './models';

/** `{path}` of `uploadFile` (the docs' prose says `file_path`), to pass to `sendFax`. */
export function parseFilePath(value: unknown, operationId = 'uploadFile'): string {
  const body = requireObject(value, operationId, 'body');
  const path = optString(body, 'path') || optString(body, 'file_path');
  if (!path) {
    throw shapeError(operationId, 'path is missing');
  }
  return path;
}

/** `{ids?: {destination: faxId}}` of `sendFax`; `{}` when return_ids was false. Ids may be numbers. */
export function parseSendFaxResult(value: unknown, operationId = 'sendFax'): SendFaxResult {
  const root = requireObject(value, operationId, 'body');
  const idsObject = optObject(root, 'ids');
  const ids: Record<string, string> = {};
  for (const [destination, id] of Object.entries(idsObject ?? {})) {
    // A destination key `__proto__` would otherwise reach the prototype setter.
    if (destination === '__proto__') {
      continue;
    }
    if (typeof id === 'string' && id !== '') {
      ids[destination] = id;
    } else if (typeof id === 'number' && Number.isFinite(id)) {
      ids[destination] = String(id);
    }
  }
  return { ids };
}

/** No source shows the Balance fields: the first of these that holds an amount wins. */
const AMOUNT_KEYS = ['balance', 'credit', 'credits', 'amount', 'available', 'available_balance', 'value'] as const;
const CURRENCY_KEYS = ['currency', 'currency_code', 'unit'] as const;

/** `GET /shop/balance`: numbers or numeric strings, under a few plausible keys, possibly nested in `data`. */
export function parseBalance(value: unknown, operationId = 'getBalance'): Balance {
  const raw = requireObject(value, operationId, 'body');
  const inner = optObject(raw, 'data') ?? optObject(raw, 'balance');
  for (const obj of inner ? [raw, inner] : [raw]) {
    for (const key of AMOUNT_KEYS) {
      const amount = amountOf(obj[key]);
      if (amount !== undefined) {
        return { balance: amount, currency: currencyOf(obj) ?? currencyOf(raw), raw };
      }
    }
  }
  return { balance: undefined, currency: currencyOf(raw), raw };
}

function amountOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
    return Number(value);
  }
  return undefined;
}

function currencyOf(obj: JsonObject): string | undefined {
  for (const key of CURRENCY_KEYS) {
    const currency = optString(obj, key);
    if (currency) {
      return currency;
    }
  }
  return undefined;
}
