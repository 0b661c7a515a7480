// Metadata choice: `libphonenumber-js/min` (~80 KB of metadata) rather than `max` (~145 KB).
// `min` still rejects wrong lengths and unassigned leading digits (a loose per-country
// pattern); `max` adds only the strict per-type patterns (mobile vs fixed line), which a
// fax sender does not need, and which would refuse newly opened ranges whenever the
// bundled metadata lags behind the numbering plans. A mistyped digit usually yields another
// well-formed number, which neither metadata set can detect; the confirmation step can.
import type { CountryCode } from 'libphonenumber-js/min';
import { phoneLibrary } from '../format/phoneLibrary';
import * as l10n from '@vscode/l10n';

/** The API refuses more destinations per fax (400 too_many_destinations). */
export const MAX_RECIPIENTS = 4000;

export type RecipientProblem =
  'notANumber' | 'noCountryCode' | 'invalidCountryCode' | 'tooShort' | 'tooLong' | 'invalidForRegion' | 'hasExtension';

export interface InvalidRecipient {
  /** 1-based position of the entry among all entries read from the input. */
  position: number;
  input: string;
  reason: RecipientProblem;
}

export interface RecipientList {
  /** Unique E.164 numbers, in input order. */
  valid: string[];
  invalid: InvalidRecipient[];
  /** Entries dropped because they normalise to a number already in `valid`. */
  duplicates: number;
  tooMany?: { count: number; max: number };
}

export interface ParseRecipientsOptions {
  /** ISO 3166 region for numbers written without a country code, e.g. 'GB'. */
  defaultRegion?: string;
  max?: number;
}

type Reading = { ok: true; e164: string } | { ok: false; reason: RecipientProblem };
type Entry = { input: string; reading: Reading };

// Bounds on how many whitespace-separated pieces may form one number. E.164 allows 15
// digits; an international prefix (e.g. "0011") and a "(0)" add a few more.
const MAX_DIGITS_IN_ONE_NUMBER = 20;
const MAX_PIECES_IN_ONE_NUMBER = 10;

/**
 * Reads a list of fax numbers typed or pasted by a person.
 *
 * Splitting rule: commas, semicolons and line breaks always separate recipients. Spaces
 * are ambiguous ("+1 201 555 0123" is one number, "+12015550123 +12015550124" two), so
 * within a chunk the pieces between spaces are read left to right, each time taking the
 * longest run of pieces that forms a valid number. Pieces that start no valid number are
 * gathered into one invalid entry, so a typo in a spaced number is reported once, whole.
 * Where lengths vary (e.g. German national numbers) two short spaced numbers can read as
 * one; commas or new lines are always unambiguous, so the UI should suggest them.
 */
export function parseRecipients(input: string, options: ParseRecipientsOptions = {}): RecipientList {
  const region = normaliseRegion(options.defaultRegion);
  const max = options.max ?? MAX_RECIPIENTS;
  const entries = splitIntoChunks(input).flatMap((chunk) => readChunk(chunk, region));

  const valid: string[] = [];
  const seen = new Set<string>();
  const invalid: InvalidRecipient[] = [];
  let duplicates = 0;
  entries.forEach(({ input: text, reading }, index) => {
    if (!reading.ok) {
      invalid.push({ position: index + 1, input: text, reason: reading.reason });
    } else if (seen.has(reading.e164)) {
      duplicates++;
    } else {
      seen.add(reading.e164);
      valid.push(reading.e164);
    }
  });

  const result: RecipientList = { valid, invalid, duplicates };
  if (valid.length > max) result.tooMany = { count: valid.length, max };
  return result;
}

/** 'en-US' → 'US', 'zh-Hant-TW' → 'TW'; undefined when the locale names no region ('en'). */
export function regionFromLocale(locale: string): CountryCode | undefined {
  const [, ...subtags] = locale.trim().split(/[-_]/);
  const afterScript = /^[A-Za-z]{4}$/.test(subtags[0] ?? '') ? subtags[1] : subtags[0];
  return afterScript && /^[A-Za-z]{2}$/.test(afterScript) ? normaliseRegion(afterScript) : undefined;
}

/** Upper-cases a region code and checks the metadata knows it; 'UK' is accepted for 'GB'. */
export function normaliseRegion(region: string | undefined): CountryCode | undefined {
  const code = region?.trim().toUpperCase();
  if (!code) return undefined;
  const iso = code === 'UK' ? 'GB' : code;
  return phoneLibrary().isSupportedCountry(iso) ? iso : undefined;
}

export function describeInvalidRecipient(entry: InvalidRecipient): string {
  return l10n.t('Recipient {0} ("{1}"): {2}', entry.position, entry.input, describeProblem(entry.reason));
}

export function describeTooManyRecipients(tooMany: { count: number; max: number }): string {
  return l10n.t('{0} recipients: a fax can go to at most {1} numbers. Split the list and send several faxes.', tooMany.count, tooMany.max);
}

function describeProblem(reason: RecipientProblem): string {
  switch (reason) {
    case 'notANumber':
      return l10n.t('not a phone number.');
    case 'noCountryCode':
      return l10n.t('no country code. Write it as +<country code> <number>, or set a default region.');
    case 'invalidCountryCode':
      return l10n.t('unknown country code.');
    case 'tooShort':
      return l10n.t('too short to be a phone number.');
    case 'tooLong':
      return l10n.t('too long to be a phone number.');
    case 'invalidForRegion':
      return l10n.t('not a valid number for its country.');
    case 'hasExtension':
      return l10n.t('a fax cannot dial an extension. Remove it, or ask the recipient for a direct fax number.');
  }
}

function splitIntoChunks(input: string): string[] {
  return input
    .split(/[,;\r\n]+/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk.length > 0);
}

function readChunk(chunk: string, region: CountryCode | undefined): Entry[] {
  // A whole chunk that reads as one number with an extension is reported as such, rather
  // than as a valid number followed by a puzzling "ext 5" entry.
  const whole = readOneNumber(chunk, region);
  if (!whole.ok && whole.reason === 'hasExtension') return [{ input: chunk, reading: whole }];

  const pieces = chunk.split(/\s+/);
  const entries: Entry[] = [];
  let unread: string[] = [];
  const flushUnread = () => {
    if (unread.length === 0) return;
    const text = unread.join(' ');
    entries.push({ input: text, reading: readOneNumber(text, region) });
    unread = [];
  };

  for (let start = 0; start < pieces.length;) {
    const run = longestValidRun(pieces, start, region);
    if (run === undefined) {
      unread.push(pieces[start]);
      start++;
      continue;
    }
    flushUnread();
    entries.push(run.entry);
    start = run.end + 1;
  }
  flushUnread();
  return entries;
}

/** The longest run of pieces starting at `start` that reads as a valid number, if any. */
function longestValidRun(pieces: string[], start: number, region: CountryCode | undefined): { end: number; entry: Entry } | undefined {
  let found: { end: number; entry: Entry } | undefined;
  let digits = 0;
  const last = Math.min(pieces.length, start + MAX_PIECES_IN_ONE_NUMBER) - 1;
  for (let end = start; end <= last; end++) {
    digits += pieces[end].replace(/\D/g, '').length;
    if (digits > MAX_DIGITS_IN_ONE_NUMBER) break;
    const text = pieces.slice(start, end + 1).join(' ');
    const reading = readOneNumber(text, region);
    if (reading.ok) found = { end, entry: { input: text, reading } };
  }
  return found;
}

function readOneNumber(text: string, region: CountryCode | undefined): Reading {
  const candidate = text.trim().replace(/^tel:/i, '');
  const reading = readStrictly(candidate, region);
  // "00" is the international prefix in most of the world but not in every default region
  // (the US dials 011), so "0044 20 7946 0958" is retried as "+44 …" when it is otherwise invalid.
  if (!reading.ok && /^00\s*[1-9]/.test(candidate)) {
    const international = readStrictly('+' + candidate.replace(/^00\s*/, ''), undefined);
    if (international.ok) return international;
  }
  return reading;
}

function readStrictly(text: string, region: CountryCode | undefined): Reading {
  try {
    // extract: false refuses text around the number instead of fishing a number out of it.
    const phone = phoneLibrary().parsePhoneNumberWithError(text, { defaultCountry: region, extract: false });
    if (phone.ext) return { ok: false, reason: 'hasExtension' };
    if (phone.isValid()) return { ok: true, e164: phone.number };
    const length = phoneLibrary().validatePhoneNumberLength(phone.number);
    if (length === 'TOO_SHORT') return { ok: false, reason: 'tooShort' };
    if (length === 'TOO_LONG') return { ok: false, reason: 'tooLong' };
    return { ok: false, reason: 'invalidForRegion' };
  } catch (error) {
    if (!(error instanceof phoneLibrary().ParseError)) throw error;
    return { ok: false, reason: reasonForParseError(error.message, text, region) };
  }
}

function reasonForParseError(code: string, text: string, region: CountryCode | undefined): RecipientProblem {
  switch (code) {
    case 'INVALID_COUNTRY':
      return region === undefined && !text.startsWith('+') ? 'noCountryCode' : 'invalidCountryCode';
    case 'TOO_SHORT':
      return 'tooShort';
    case 'TOO_LONG':
      return 'tooLong';
    case 'INVALID_LENGTH':
      return 'invalidForRegion';
    default:
      return 'notANumber';
  }
}
