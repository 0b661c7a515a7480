/**
 * What the number shop answers, as the extension uses it. The shapes of the
 * available-numbers and purchase answers were never documented (the spec
 * says "not recovered"), so every field is optional and `raw` keeps what
 * came back, to show rather than to fail.
 */

export interface ShopCountry {
  /** ISO 3166 code, as the server spells it (used in the next request's path). */
  readonly iso: string;
  readonly name?: string;
  /** False only when the server says so. */
  readonly available: boolean;
}

export interface ShopArea {
  /** Area code (the next request's `calling_code`). */
  readonly callingCode: string;
  readonly city?: string;
  readonly state?: string;
}

export interface AvailableNumber {
  /** What `purchaseNumber` needs; absent when the answer carried none (such a number cannot be bought from here). */
  readonly itemId?: string;
  /** E.164 when the server gave it. */
  readonly number?: string;
  /** One-off price. */
  readonly price?: number;
  readonly monthlyFee?: number;
  /** Term in months (`number_of_months`). */
  readonly months?: number;
  readonly currency?: string;
  readonly availability?: string;
  readonly raw: unknown;
}

export interface AvailableNumberList {
  readonly numbers: readonly AvailableNumber[];
  /** False when no list could be found in the answer: `raw` is then all there is to show. */
  readonly recognised: boolean;
  readonly raw: unknown;
}

/** A 2xx purchase answer: whatever could be read from it, and the answer itself (JSON, or text). */
export interface PurchaseResult {
  readonly number?: string;
  readonly id?: string;
  readonly status?: string;
  readonly raw: unknown;
}
