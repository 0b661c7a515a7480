import * as vscode from 'vscode';
import type { Fax, FaxCategory } from '../api/models';
import { phoneDisplay } from '../format/phoneDisplay';

/**
 * "Fax from +1 555…" / "Fax to +1 555…", the heading of the tree's tooltips and of command titles;
 * `show` may name numbers from the address book.
 */
export function faxTitle(
  fax: Fax | undefined,
  category: FaxCategory | undefined,
  faxId: string,
  show: (n: string | undefined) => string = phoneDisplay,
): string {
  if (!fax) {
    return vscode.l10n.t('Fax {0}', faxId);
  }
  return category === 'sent' ? vscode.l10n.t('Fax to {0}', show(fax.to) || '?') : vscode.l10n.t('Fax from {0}', show(fax.from) || '?');
}
