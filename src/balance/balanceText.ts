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

/** What Fax.Plus answered, for when no amount could be read from it (the Balance fields are undocumented). */
export function balanceAnswerText(balance: Balance): string {
  const text = JSON.stringify(balance.raw);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
