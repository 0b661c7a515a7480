import type { Balance } from '../api/models';

/** "$12.34" in the display language; the raw value when the currency is unknown. */
export function balanceText(balance: Balance, locale: string): string {
  if (balance.balance === undefined) {
    return '?';
  }
  if (balance.currency) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: balance.currency }).format(balance.balance);
    } catch {
      // An unknown currency code: fall through to the plain form.
    }
  }
  return `${balance.balance.toFixed(2)}${balance.currency ? ` ${balance.currency}` : ''}`;
}
