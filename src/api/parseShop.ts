import { optObject, optString, shapeError, type JsonObject } from './jsonShape';
import type { AvailableNumber, AvailableNumberList, PurchaseResult, ShopArea, ShopCountry } from './shopModels';

/**
 * Readers for the number shop. Only countries and areas have a recovered
 * schema; the rest is guessed from the SDK's item type, so any reasonable
 * container is accepted (a bare array, `numbers`, `data`, `items`,
 * `data.records`…), fields may sit on the item or in its `item` object,
 * amounts may be numbers, numeric strings or `{amount, currency}`.
 */

const LIST_KEYS = ['numbers', 'available_numbers', 'availableNumbers', 'items', 'records', 'results', 'data', 'list'];

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The list inside an answer: the answer itself, a known key, or one level further (`data.records`). */
export function findList(value: unknown, depth = 2): readonly unknown[] | undefined {
  if (Array.isArray(value)) {
    return value;
  }
  if (!isObject(value) || depth === 0) {
    return undefined;
  }
  for (const key of LIST_KEYS) {
    const inner = value[key];
    if (Array.isArray(inner)) {
      return inner;
    }
    const nested = isObject(inner) ? findList(inner, depth - 1) : undefined;
    if (nested) {
      return nested;
    }
  }
  // An unknown key holding the only array of objects is still the list.
  const arrays = Object.values(value).filter((v): v is unknown[] => Array.isArray(v) && v.some(isObject));
  return arrays.length === 1 ? arrays[0] : undefined;
}

function firstString(objects: readonly (JsonObject | undefined)[], keys: readonly string[]): string | undefined {
  for (const obj of objects) {
    for (const key of keys) {
      const v = obj?.[key];
      if (typeof v === 'string' && v.trim() !== '') {
        return v.trim();
      }
      if (typeof v === 'number' && Number.isFinite(v)) {
        return String(v);
      }
    }
  }
  return undefined;
}

/** 7.99, "7.99", "$7.99" or {amount: 7.99} → 7.99. */
function amountOf(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value === 'string') {
    const m = /-?\d+(?:[.,]\d+)?/.exec(value);
    return m ? Number(m[0].replace(',', '.')) : undefined;
  }
  if (isObject(value)) {
    return amountOf(value.amount ?? value.value);
  }
  return undefined;
}

function firstAmount(objects: readonly (JsonObject | undefined)[], keys: readonly string[]): number | undefined {
  for (const obj of objects) {
    for (const key of keys) {
      const v = amountOf(obj?.[key]);
      if (v !== undefined) {
        return v;
      }
    }
  }
  return undefined;
}

export function parseShopCountries(value: unknown, operationId = 'listCountries'): ShopCountry[] {
  const list = findList(isObject(value) && Array.isArray(value.countries) ? value.countries : value);
  if (!list) {
    throw shapeError(operationId, 'no list of countries');
  }
  const countries: ShopCountry[] = [];
  for (const entry of list) {
    if (typeof entry === 'string' && entry.trim()) {
      countries.push({ iso: entry.trim(), available: true });
    } else if (isObject(entry)) {
      const iso = firstString([entry], ['iso', 'iso_code', 'code', 'country_code', 'country']);
      if (iso) {
        countries.push({ iso, name: optString(entry, 'name'), available: entry.is_available !== false && entry.available !== false });
      }
    }
  }
  return countries;
}

export function parseShopAreas(value: unknown, operationId = 'listAreas'): ShopArea[] {
  const list = findList(isObject(value) && Array.isArray(value.areas) ? value.areas : value);
  if (!list) {
    throw shapeError(operationId, 'no list of areas');
  }
  const areas: ShopArea[] = [];
  for (const entry of list) {
    if ((typeof entry === 'string' || typeof entry === 'number') && String(entry).trim()) {
      areas.push({ callingCode: String(entry).trim() });
    } else if (isObject(entry)) {
      const callingCode = firstString([entry], ['calling_code', 'area_code', 'code', 'prefix']);
      if (callingCode) {
        areas.push({ callingCode, city: optString(entry, 'city'), state: optString(entry, 'state') });
      }
    }
  }
  return areas;
}

export function parseAvailableNumber(entry: unknown): AvailableNumber {
  if (typeof entry === 'string') {
    return { number: entry, raw: entry };
  }
  if (!isObject(entry)) {
    return { raw: entry };
  }
  const item = optObject(entry, 'item');
  const price = isObject(entry.price) ? entry.price : undefined;
  const both = [item, entry];
  return {
    itemId: firstString([item], ['id', 'item_id']) ?? firstString([entry], ['item_id', 'itemId', 'id']),
    number: firstString([item, entry], ['number', 'phone_number', 'e164', 'fax_number']),
    price: firstAmount([entry, item], ['price', 'setup_fee', 'one_time_fee']),
    monthlyFee: firstAmount([entry, item], ['monthly_fee', 'monthlyFee', 'monthly_price', 'recurring_fee']),
    months: firstAmount([entry, item], ['number_of_months', 'months', 'term']),
    currency: firstString([entry, item, price], ['currency']),
    availability: firstString(both, ['availability']),
    raw: entry,
  };
}

/** Never throws: an answer without a recognisable list comes back with `recognised: false`. */
export function parseAvailableNumbers(value: unknown): AvailableNumberList {
  const list = findList(value);
  if (!list) {
    // One number on its own (an object that looks like an item) is a list of one.
    const single = isObject(value) && (isObject(value.item) || typeof value.number === 'string') ? [value] : undefined;
    return single
      ? { numbers: single.map(parseAvailableNumber), recognised: true, raw: value }
      : { numbers: [], recognised: false, raw: value };
  }
  return { numbers: list.map(parseAvailableNumber), recognised: true, raw: value };
}

/** Never throws: a 2xx purchase answer is a purchase, whatever its body (JSON of any shape, text, nothing). */
export function parsePurchaseResult(value: unknown): PurchaseResult {
  if (!isObject(value)) {
    return { raw: value };
  }
  const data = optObject(value, 'data');
  const candidates = [
    value,
    data,
    optObject(value, 'item'),
    data && optObject(data, 'item'),
    optObject(value, 'number'),
    data && optObject(data, 'number'),
  ];
  return {
    number: firstString(candidates, ['number', 'phone_number', 'e164', 'fax_number']),
    id: firstString(candidates, ['id', 'number_id', 'item_id']),
    status: firstString(candidates, ['status', 'state']),
    raw: value,
  };
}
