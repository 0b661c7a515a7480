/**
 * The proof that a fax went out: what was uploaded (SHA-256 of the exact
 * bytes), to whom, from which number, when, and how each destination ended.
 * Plain data, written as JSON; no VS Code here, so it is tested on Node.
 */
export const RECEIPT_FORMAT = 1;

/** How to tell later whether the file on disk is still what was faxed. */
export type SourceFingerprint =
  /** The file was uploaded as it is on disk: its bytes' SHA-256 is the upload's. */
  | { readonly kind: 'bytes'; readonly sha256: string }
  /** The file's text was laid out as PDF pages: the SHA-256 of that text as UTF-8. */
  | { readonly kind: 'text'; readonly sha256: string };

export interface ReceiptDocument {
  /** The name Fax.Plus saw ('notes.md.pdf' for a rendered Markdown file). */
  readonly name: string;
  /** The document's URI in VS Code (a file, or an untitled editor). */
  readonly sourceUri: string;
  readonly size: number;
  /** SHA-256 (hex) of the bytes uploaded. */
  readonly sha256: string;
  /** Known for documents the extension laid out, and for PDFs it could read. */
  readonly pageCount?: number;
  /** Absent when only a part of the file was faxed (a selection): no "changed since" then. */
  readonly fingerprint?: SourceFingerprint;
}

export interface ReceiptDestination {
  /** E.164. */
  readonly to: string;
  /** The id POST /outbox returned for this destination. */
  readonly outboxId: string;
  /** The Sent record's id (often not the outbox id). */
  readonly faxId?: string;
  /** The final status as Fax.Plus reported it; absent while pending. `cancelled` when it left the outbox without a Sent record. */
  readonly status?: string;
  readonly pages?: number;
  /** ISO time the final status was learnt. */
  readonly settledAt?: string;
  /** File name of the confirmation report next to the receipt, once fetched. */
  readonly reportFile?: string;
  /** How many times fetching the report failed (bounded retries). */
  readonly reportAttempts: number;
}

export interface Receipt {
  readonly format: typeof RECEIPT_FORMAT;
  /** Unique, sortable by time: also the receipt's file name. */
  readonly id: string;
  /** ISO time just before POST /outbox (this computer's clock). */
  readonly submittedAt: string;
  /** The request's `from`. */
  readonly from: string;
  readonly documents: readonly ReceiptDocument[];
  readonly destinations: readonly ReceiptDestination[];
}

/**
 * The marker for a destination that left the outbox without a Sent record this window could find:
 * cancelled or deleted, most likely, but a receipt is proof and says only what is known.
 */
export const NOT_IN_SENT_STATUS = 'not_in_sent';
/** What receipts written before 0.3 said in the same case. */
const LEGACY_CANCELLED_STATUS = 'cancelled';

/** Whether a destination left the outbox without a Sent record (so no fax of the file went out by it, as far as is known). */
export function leftWithoutRecord(destination: ReceiptDestination): boolean {
  return destination.status === NOT_IN_SENT_STATUS || destination.status === LEGACY_CANCELLED_STATUS;
}

export function isSettled(destination: ReceiptDestination): boolean {
  return destination.status !== undefined;
}

/** A copy of `receipt` with one destination replaced (matched by outbox id); the same object when none matches. */
export function withDestination(receipt: Receipt, outboxId: string, update: (d: ReceiptDestination) => ReceiptDestination): Receipt {
  const index = receipt.destinations.findIndex((d) => d.outboxId === outboxId);
  if (index < 0) return receipt;
  const destinations = receipt.destinations.map((d, i) => (i === index ? update(d) : d));
  return { ...receipt, destinations };
}

export function serializeReceipt(receipt: Receipt): string {
  return `${JSON.stringify(receipt, undefined, 2)}\n`;
}

export type ReceiptParse = { readonly ok: true; readonly receipt: Receipt } | { readonly ok: false; readonly problem: string };

/** Reads a receipt file's text; a damaged or foreign file is reported, never thrown. */
export function parseReceipt(text: string): ReceiptParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!isRecord(value)) return { ok: false, problem: 'not an object' };
  if (value.format !== RECEIPT_FORMAT) return { ok: false, problem: `unknown format ${String(value.format)}` };
  const { id, submittedAt, from, documents, destinations } = value;
  if (typeof id !== 'string' || !/^[\w.-]+$/.test(id)) return { ok: false, problem: 'bad id' };
  if (typeof submittedAt !== 'string' || Number.isNaN(Date.parse(submittedAt))) return { ok: false, problem: 'bad submittedAt' };
  if (typeof from !== 'string') return { ok: false, problem: 'bad from' };
  if (!Array.isArray(documents) || !documents.every(isDocument)) return { ok: false, problem: 'bad documents' };
  if (!Array.isArray(destinations) || !destinations.every(isDestination)) return { ok: false, problem: 'bad destinations' };
  return { ok: true, receipt: { format: RECEIPT_FORMAT, id, submittedAt, from, documents, destinations } };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const SHA256 = /^[0-9a-f]{64}$/;

function isDocument(v: unknown): v is ReceiptDocument {
  if (!isRecord(v)) return false;
  const fp = v.fingerprint;
  const fingerprintOk =
    fp === undefined ||
    (isRecord(fp) && (fp.kind === 'bytes' || fp.kind === 'text') && typeof fp.sha256 === 'string' && SHA256.test(fp.sha256));
  return (
    typeof v.name === 'string' &&
    typeof v.sourceUri === 'string' &&
    typeof v.size === 'number' &&
    typeof v.sha256 === 'string' &&
    SHA256.test(v.sha256) &&
    optional(v.pageCount, 'number') &&
    fingerprintOk
  );
}

function isDestination(v: unknown): v is ReceiptDestination {
  return (
    isRecord(v) &&
    typeof v.to === 'string' &&
    typeof v.outboxId === 'string' &&
    typeof v.reportAttempts === 'number' &&
    optional(v.faxId, 'string') &&
    optional(v.status, 'string') &&
    optional(v.pages, 'number') &&
    optional(v.settledAt, 'string') &&
    optional(v.reportFile, 'string')
  );
}

function optional(v: unknown, type: 'string' | 'number'): boolean {
  return v === undefined || typeof v === type;
}
