/**
 * Answer shapes the emulator can give for the two shop answers no source
 * documents (the spec marks them "not recovered"). They are the variants
 * `shopNumbersAnswer` and `purchaseAnswer` (variants.ts), set like any other:
 * `emu.setVariants({ purchaseAnswer: 'text' })`.
 */

/**
 * `listShopNumbers`:
 * - `numbers` (default): `{numbers: AvailableNumber[]}` (the SDK item type, container key chosen by us)
 * - `data`: `{data: AvailableNumber[]}`
 * - `records`: `{data: {records: AvailableNumber[]}}`
 * - `array`: a bare `AvailableNumber[]`
 * - `flat`: no `item` object: `{numbers: [{item_id, number, price: {amount, currency}, monthly_fee: "7.99", months}]}`
 * - `sparse`: only `item.id` and `item.number` (no price, fee or term)
 */
export type ShopNumbersAnswer = 'numbers' | 'data' | 'records' | 'array' | 'flat' | 'sparse';

/**
 * `purchaseNumber` (the number is bought in every case):
 * - `number` (default): `{id, number, status, monthly_fee, currency}`
 * - `nested`: `{data: {number: {id, number, status}}}`
 * - `empty`: `{}`
 * - `text`: 200 `text/plain` "OK"
 * - `noContent`: 204 without a body
 */
export type PurchaseAnswer = 'number' | 'nested' | 'empty' | 'text' | 'noContent';
