import { randomBytes } from 'node:crypto';
import type { OperationTable } from '../context';
import { formatFaxDate } from '../dates';
import { ApiError, jsonResult, type ApiResult } from '../http';
import type { PurchaseAnswer, ShopNumbersAnswer } from '../shopVariants';

const COUNTRIES = [
  { iso: 'US', name: 'United States', is_available: true },
  { iso: 'CA', name: 'Canada', is_available: true },
  { iso: 'CH', name: 'Switzerland', is_available: true },
  { iso: 'DE', name: 'Germany', is_available: false },
];

const AREAS: Record<string, { calling_code: string; city: string; state: string }[]> = {
  US: [
    { calling_code: '212', city: 'New York', state: 'NY' },
    { calling_code: '415', city: 'San Francisco', state: 'CA' },
    { calling_code: '617', city: 'Boston', state: 'MA' },
  ],
  CA: [{ calling_code: '416', city: 'Toronto', state: 'ON' }],
  CH: [{ calling_code: '44', city: 'Zurich', state: 'ZH' }],
  DE: [],
};

const COUNTRY_PREFIX: Record<string, string> = { US: '+1', CA: '+1', CH: '+41', DE: '+49' };
const MONTHLY_FEE = 7.99;

/** Available numbers are derived from the area so they are stable across calls. */
function availableNumbers(
  country: string,
  area: string,
): {
  type: string;
  currency: string;
  availability: string;
  item: Record<string, unknown>;
  price: number;
  monthly_fee: number;
  number_of_months: number;
}[] {
  return [11, 23, 37, 42, 58].map((k) => {
    const local = `${area}555${String(1000 + k * 97).slice(-4)}`;
    const number = `${COUNTRY_PREFIX[country]}${local}`;
    return {
      type: 'fax_number',
      currency: 'USD',
      availability: 'available',
      item: {
        id: `item-${country}-${local}`,
        country,
        number,
        country_code: COUNTRY_PREFIX[country].slice(1),
        geographic_area: { calling_code: area },
      },
      price: 0,
      monthly_fee: MONTHLY_FEE,
      number_of_months: 1,
    };
  });
}

type AvailableNumberRecord = ReturnType<typeof availableNumbers>[number];

/** The listShopNumbers answer in the shape the variant asks for (see shopVariants.ts). */
function numbersAnswer(numbers: AvailableNumberRecord[], shape: ShopNumbersAnswer): unknown {
  switch (shape) {
    case 'data':
      return { data: numbers };
    case 'records':
      return { data: { records: numbers } };
    case 'array':
      return numbers;
    case 'flat':
      return {
        numbers: numbers.map((n) => ({
          item_id: n.item.id,
          number: n.item.number,
          price: { amount: n.price, currency: n.currency },
          monthly_fee: n.monthly_fee.toFixed(2),
          months: n.number_of_months,
        })),
      };
    case 'sparse':
      return { numbers: numbers.map((n) => ({ item: { id: n.item.id, number: n.item.number } })) };
    default:
      return { numbers };
  }
}

function purchaseAnswer(rec: { id: string; number: string; status: string }, shape: PurchaseAnswer): ApiResult {
  switch (shape) {
    case 'nested':
      return jsonResult(200, { data: { number: { id: rec.id, number: rec.number, status: rec.status } } });
    case 'empty':
      return jsonResult(200, {});
    case 'text':
      return { status: 200, body: Buffer.from('OK'), contentType: 'text/plain; charset=utf-8' };
    case 'noContent':
      return { status: 204, body: Buffer.alloc(0), contentType: 'text/plain' };
    default:
      return jsonResult(200, { id: rec.id, number: rec.number, status: rec.status, monthly_fee: MONTHLY_FEE, currency: 'USD' });
  }
}

export const shopOperations: OperationTable = {
  getBalance: (ctx) => {
    // No source shows the Balance fields: the `balanceShape` variant plays the plausible ones.
    const { balance, currency } = ctx.env.state.balance;
    switch (ctx.env.variants.balanceShape) {
      case 'strings':
        return jsonResult(200, { balance: balance.toFixed(2), currency });
      case 'otherKeys':
        return jsonResult(200, { credit: balance.toFixed(2), currency_code: currency });
      default:
        return jsonResult(200, { balance, currency });
    }
  },

  listCountries: () => jsonResult(200, { countries: COUNTRIES }),

  listAreas: (ctx) => {
    const areas = AREAS[ctx.params.country_code.toUpperCase()];
    if (!areas) {
      throw new ApiError(404, 'country_not_found', `No numbers are sold in ${ctx.params.country_code}`);
    }
    return jsonResult(200, { areas });
  },

  listShopNumbers: (ctx) => {
    const country = ctx.params.country_code.toUpperCase();
    const areas = AREAS[country];
    if (!areas || !areas.some((a) => a.calling_code === ctx.params.calling_code)) {
      throw new ApiError(404, 'area_not_found', `No numbers are sold in ${country} area ${ctx.params.calling_code}`);
    }
    const contains = ctx.query.get('channel') === 'custom' ? (ctx.query.get('contains') ?? '') : '';
    const numbers = availableNumbers(country, ctx.params.calling_code).filter((n) => String(n.item.number).includes(contains));
    return jsonResult(200, numbersAnswer(numbers, ctx.env.variants.shopNumbersAnswer));
  },

  purchaseNumber: (ctx) => {
    const body = ctx.body as { item_id?: unknown } | undefined;
    const m = typeof body?.item_id === 'string' ? /^item-([A-Z]{2})-(\d+)$/.exec(body.item_id) : null;
    if (!m) {
      throw new ApiError(400, 'invalid_request', 'item_id from listShopNumbers is required');
    }
    const [, country, local] = m;
    const number = `${COUNTRY_PREFIX[country] ?? '+1'}${local}`;
    const { state } = ctx.env;
    if (state.numbers.some((n) => n.number === number)) {
      throw new ApiError(409, 'number_not_available', `${number} is no longer available`);
    }
    if (state.balance.balance < MONTHLY_FEE) {
      throw new ApiError(402, 'insufficient_credit', 'Your balance is too low to buy a number');
    }
    state.balance.balance = Math.round((state.balance.balance - MONTHLY_FEE) * 100) / 100;
    const rec = {
      id: randomBytes(12).toString('hex'),
      number,
      owner_id: ctx.callerUid,
      assigned_to: [ctx.callerUid],
      acquired_date: formatFaxDate(ctx.now),
      expiration_date: null,
      is_canceled: false,
      status: 'active' as const,
      notifications: [{ type: 'receive_fax', email: true, push_notification: false }],
    };
    state.numbers.push(rec);
    return purchaseAnswer(rec, ctx.env.variants.purchaseAnswer);
  },
};
