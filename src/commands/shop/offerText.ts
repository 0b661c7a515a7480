import * as vscode from 'vscode';
import type { AvailableNumber } from '../../api/shopModels';
import { phoneDisplay } from '../../format/phoneDisplay';

/** 7.99 USD as the display language writes money; the plain number when the currency is unknown. */
export function moneyText(amount: number | undefined, currency: string | undefined, locale: string): string | undefined {
  if (amount === undefined) {
    return undefined;
  }
  if (currency) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
    } catch {
      // An unknown currency code: the plain form below.
    }
  }
  return `${amount.toFixed(2)}${currency ? ` ${currency}` : ''}`;
}

/** How a number for sale is named: its number, else its item id, else what came back. */
export function offerName(offer: AvailableNumber): string {
  return offer.number ? phoneDisplay(offer.number) : (offer.itemId ?? rawText(offer.raw));
}

/** "price $0.00 · $7.99 a month · 1 month(s)", leaving out what Fax.Plus did not say. */
export function offerTerms(offer: AvailableNumber, locale: string): string {
  const price = moneyText(offer.price, offer.currency, locale);
  const fee = moneyText(offer.monthlyFee, offer.currency, locale);
  return [
    price !== undefined ? vscode.l10n.t('price {0}', price) : vscode.l10n.t('price not stated'),
    fee !== undefined ? vscode.l10n.t('{0} a month', fee) : vscode.l10n.t('monthly fee not stated'),
    offer.months !== undefined ? vscode.l10n.t('term {0} month(s)', offer.months) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The sentences of the purchase confirmation: number, price, monthly fee, term, and that it cannot be undone. */
export function purchaseDetail(offer: AvailableNumber, locale: string): string {
  const price = moneyText(offer.price, offer.currency, locale) ?? vscode.l10n.t('not stated by Fax.Plus');
  const fee = moneyText(offer.monthlyFee, offer.currency, locale) ?? vscode.l10n.t('not stated by Fax.Plus');
  return [
    vscode.l10n.t('Number: {0}', offer.number ?? vscode.l10n.t('not stated by Fax.Plus (item {0})', offer.itemId ?? '?')),
    vscode.l10n.t('Price: {0}', price),
    vscode.l10n.t('Monthly fee: {0}', fee),
    offer.months !== undefined ? vscode.l10n.t('Term: {0} month(s)', offer.months) : undefined,
    '',
    vscode.l10n.t('The price is charged to your Fax.Plus balance at once. A purchase cannot be undone.'),
  ]
    .filter((line) => line !== undefined)
    .join('\n');
}

/** What came back, short enough for one line (for answers this extension cannot read). */
export function rawText(raw: unknown, max = 200): string {
  let text: string;
  try {
    text = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? String(raw));
  } catch {
    text = String(raw);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
