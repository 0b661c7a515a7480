/**
 * Ways the real Fax.Plus may differ from our reconstruction where no public
 * source settles it (test/emulator/README.md, "Variants", lists where the public sources disagree).
 * One flat record, one documented default per key; the client must work
 * under every value. Set with `startEmulator({ variants })`,
 * `emu.setVariants()`, `npm run emulator -- --variant key=value` /
 * `--variants hostile`, or `POST /__emulator/variants`.
 */
import type { PurchaseAnswer, ShopNumbersAnswer } from './shopVariants';

export interface EmulatorVariants {
  /** Order of `listFaxes` records. Default `desc` (newest first). */
  listOrder: 'desc' | 'asc';
  /** Largest `limit` `listFaxes` honours (larger asks are cut). Default 1000. */
  limitCap: number;
  /** Whether `listFaxes` `before` includes records of that very second. Default `false`. */
  beforeInclusive: boolean;
  /**
   * How an empty `listFaxes` / `listOutboxFaxes` answer looks: `wrapped`
   * (`{data:{records:[]}}` / `{records:[]}`, default), `noData` (`{}`),
   * `noRecords` (`{data:{}}` / `{}`), `flat` (`{records:[]}` for faxes too).
   */
  emptyList: 'wrapped' | 'noData' | 'noRecords' | 'flat';
  /** `GET /auth/token`: `present` (default), or missing with `404` / `405`. */
  tokenInfo: 'present' | '404' | '405';
  /** `scopes` in `/auth/token` for OAuth tokens: `array` (`['all']`, default), `space`, `comma`, `empty` (`[]`), `absent`. */
  oauthScopes: 'array' | 'space' | 'comma' | 'empty' | 'absent';
  /** `scopes` in `/auth/token` for PATs: `array` (default), `space` (`"a b"`), `comma` (`"a,b"`). */
  patScopes: 'array' | 'space' | 'comma';
  /** Unit of `created_date` / `expiration_date` / `last_used` in `/auth/token`: `ms` (documented, default) or `s`. */
  tokenDates: 'ms' | 's';
  /** Whether the OAuth redirect carries `state` back: `echo` (default) or `drop`. */
  oauthState: 'echo' | 'drop';
  /** Where `POST /token` reads its parameters: `either` (default; both at once is a 400), `body`, `query`. */
  tokenParams: 'either' | 'body' | 'query';
  /** Key of the upload answer: `path` (SDKs, default) or `file_path` (docs prose). */
  uploadKey: 'path' | 'file_path';
  /** Method that assigns a number: `put` (SDKs, default), `post` (help centre); the other answers 405. `both` accepts either. */
  assignMethod: 'put' | 'post' | 'both';
  /**
   * `GET /shop/balance`: `numbers` (`{balance: 12.5, currency}`, default),
   * `strings` (`{balance: "12.50", currency}`), `otherKeys` (`{credit: "12.50", currency_code}`).
   */
  balanceShape: 'numbers' | 'strings' | 'otherKeys';
  /** Values of sendFax `ids`: `strings` (default) or `numbers` (numeric ids, sent as JSON numbers). */
  sendFaxIds: 'strings' | 'numbers';
  /**
   * Every Nth API GET is answered by a gateway with an HTML 502/503/504 page
   * before reaching the API (0 = never, default). GETs are retried by the
   * client, so this checks that gateway pages are read as server errors.
   */
  gatewayErrorEvery: number;
  /**
   * The id a fax has once it reaches Sent: `new` (default, as the help centre
   * says: an outbox id, then a new 24-hex fax id) or `kept` (the outbox id).
   */
  sentFaxIds: 'new' | 'kept';
  /** Shape of the undocumented `listShopNumbers` answer (see shopVariants.ts). Default `numbers`. */
  shopNumbersAnswer: ShopNumbersAnswer;
  /** Shape of the undocumented `purchaseNumber` answer; the number is bought in every case (see shopVariants.ts). Default `number`. */
  purchaseAnswer: PurchaseAnswer;
  /**
   * How many times `GET /report/{fax_id}` answers 404 `report_not_ready` for a fax that
   * already reached its final status (no source says the report exists at that moment).
   * Default 0 (ready at once).
   */
  reportNotReady: number;
  /**
   * How far the server's clock is from this machine's, in ms (negative: behind). Every date
   * the emulator writes and its HTTP `Date` header follow it. A computer's clock set minutes
   * wrong is common; nothing the client compares with the server's dates may assume they agree.
   * Default 0.
   */
  serverClockSkewMs: number;
  /**
   * Whether answers carry the HTTP `Date` header: `present` (RFC 9110 asks every origin server
   * with a clock to send it; default) or `absent` (a proxy or gateway may drop it). With no
   * `Date` and a skew over a minute, no client can place a fax on the server's clock.
   */
  dateHeader: 'present' | 'absent';
}

export const DEFAULT_VARIANTS: Readonly<EmulatorVariants> = Object.freeze({
  listOrder: 'desc',
  limitCap: 1000,
  beforeInclusive: false,
  emptyList: 'wrapped',
  tokenInfo: 'present',
  oauthScopes: 'array',
  patScopes: 'array',
  tokenDates: 'ms',
  oauthState: 'echo',
  tokenParams: 'either',
  uploadKey: 'path',
  assignMethod: 'put',
  balanceShape: 'numbers',
  sendFaxIds: 'strings',
  gatewayErrorEvery: 0,
  sentFaxIds: 'new',
  shopNumbersAnswer: 'numbers',
  purchaseAnswer: 'number',
  reportNotReady: 0,
  serverClockSkewMs: 0,
  dateHeader: 'present',
});

/** The values each key may take (numbers: a few meaningful ones, for the matrix). */
export const VARIANT_VALUES: { readonly [K in keyof EmulatorVariants]: readonly EmulatorVariants[K][] } = {
  listOrder: ['desc', 'asc'],
  limitCap: [1000, 20, 7],
  beforeInclusive: [false, true],
  emptyList: ['wrapped', 'noData', 'noRecords', 'flat'],
  tokenInfo: ['present', '404', '405'],
  oauthScopes: ['array', 'space', 'comma', 'empty', 'absent'],
  patScopes: ['array', 'space', 'comma'],
  tokenDates: ['ms', 's'],
  oauthState: ['echo', 'drop'],
  tokenParams: ['either', 'body', 'query'],
  uploadKey: ['path', 'file_path'],
  assignMethod: ['put', 'post', 'both'],
  balanceShape: ['numbers', 'strings', 'otherKeys'],
  sendFaxIds: ['strings', 'numbers'],
  gatewayErrorEvery: [0, 5],
  sentFaxIds: ['new', 'kept'],
  shopNumbersAnswer: ['numbers', 'data', 'records', 'array', 'flat', 'sparse'],
  purchaseAnswer: ['number', 'nested', 'empty', 'text', 'noContent'],
  reportNotReady: [0, 2],
  serverClockSkewMs: [0, -600_000, 600_000],
  dateHeader: ['present', 'absent'],
};

/** The most hostile combination every journey must still survive. */
export const HOSTILE_VARIANTS: Readonly<EmulatorVariants> = Object.freeze({
  listOrder: 'asc',
  limitCap: 7,
  beforeInclusive: true,
  emptyList: 'noData',
  tokenInfo: '405',
  oauthScopes: 'absent',
  patScopes: 'comma',
  tokenDates: 's',
  oauthState: 'drop',
  tokenParams: 'query',
  uploadKey: 'file_path',
  assignMethod: 'post',
  balanceShape: 'otherKeys',
  sendFaxIds: 'numbers',
  gatewayErrorEvery: 5,
  sentFaxIds: 'new',
  shopNumbersAnswer: 'sparse',
  purchaseAnswer: 'noContent',
  // Open Confirmation Report asks once, on a person's click; receipts retry on their own (integration: receipts).
  reportNotReady: 0,
  // Ten minutes behind: the Date header is how the client learns it (absent as well, nothing could).
  serverClockSkewMs: -600_000,
  dateHeader: 'present',
});

export const VARIANT_PRESETS: Readonly<Record<string, Readonly<EmulatorVariants>>> = Object.freeze({
  realistic: DEFAULT_VARIANTS,
  hostile: HOSTILE_VARIANTS,
});

export type VariantsInput = Partial<EmulatorVariants> | keyof typeof VARIANT_PRESETS;

export function isVariantKey(key: string): key is keyof EmulatorVariants {
  return Object.prototype.hasOwnProperty.call(DEFAULT_VARIANTS, key);
}

/** Checks every given key and value; throws a message naming what is allowed. */
export function validateVariants(input: Record<string, unknown>): Partial<EmulatorVariants> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!isVariantKey(key)) {
      throw new Error(`Unknown emulator variant ${key}; known: ${Object.keys(DEFAULT_VARIANTS).join(', ')}`);
    }
    const def = DEFAULT_VARIANTS[key];
    if (typeof def === 'number') {
      const least = key === 'limitCap' ? 1 : key === 'serverClockSkewMs' ? -Infinity : 0;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < least) {
        throw new Error(`Variant ${key} needs a whole number${least === -Infinity ? '' : ` ≥ ${least}`}, got ${String(value)}`);
      }
    } else if (!(VARIANT_VALUES[key] as readonly unknown[]).includes(value)) {
      throw new Error(`Variant ${key} is one of ${VARIANT_VALUES[key].join(', ')}; got ${String(value)}`);
    }
    out[key] = value;
  }
  return out as Partial<EmulatorVariants>;
}

/** A preset name or a partial record → the full record (unset keys keep `base`). */
export function resolveVariants(input: VariantsInput | undefined, base: Readonly<EmulatorVariants> = DEFAULT_VARIANTS): EmulatorVariants {
  if (input === undefined) {
    return { ...base };
  }
  if (typeof input === 'string') {
    const preset = VARIANT_PRESETS[input];
    if (!preset) {
      throw new Error(`Unknown variants preset ${input}; known: ${Object.keys(VARIANT_PRESETS).join(', ')}`);
    }
    return { ...preset };
  }
  return { ...base, ...validateVariants(input) };
}

/** `key=value` of the CLI: strings as given, `true`/`false` and numbers converted for their keys. */
export function parseVariantAssignment(text: string): Partial<EmulatorVariants> {
  const i = text.indexOf('=');
  if (i <= 0) {
    throw new Error(`--variant needs key=value, got ${text}`);
  }
  const key = text.slice(0, i).trim();
  const raw = text.slice(i + 1).trim();
  if (!isVariantKey(key)) {
    return validateVariants({ [key]: raw });
  }
  const def = DEFAULT_VARIANTS[key];
  const value =
    typeof def === 'number' ? Number(raw) : typeof def === 'boolean' ? (raw === 'true' ? true : raw === 'false' ? false : raw) : raw;
  return validateVariants({ [key]: value });
}

/** The keys whose value differs from the default, as `key=value` (for logs and the matrix). */
export function describeVariants(v: Readonly<EmulatorVariants>): string {
  const changed = (Object.keys(DEFAULT_VARIANTS) as (keyof EmulatorVariants)[]).filter((k) => v[k] !== DEFAULT_VARIANTS[k]);
  return changed.length ? changed.map((k) => `${k}=${String(v[k])}`).join(' ') : 'default';
}

/** `--variants <preset>` first, then every `--variant key=value` (or `--variant=key=value`) on top, in order. */
export function variantsFromArgv(args: readonly string[]): EmulatorVariants {
  let preset: string | undefined;
  const assignments: string[] = [];
  args.forEach((a, i) => {
    if (a === '--variants') {
      preset = args[i + 1];
    } else if (a.startsWith('--variants=')) {
      preset = a.slice('--variants='.length);
    } else if (a === '--variant') {
      assignments.push(args[i + 1] ?? '');
    } else if (a.startsWith('--variant=')) {
      assignments.push(a.slice('--variant='.length));
    }
  });
  let variants = resolveVariants(preset as VariantsInput | undefined);
  for (const assignment of assignments) {
    variants = resolveVariants(parseVariantAssignment(assignment), variants);
  }
  return variants;
}
