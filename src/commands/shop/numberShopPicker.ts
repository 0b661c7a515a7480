import * as vscode from 'vscode';
import type { AvailableNumber, ShopArea, ShopCountry } from '../../api/shopModels';
import type { ClientProvider } from '../../client/clientProvider';
import type { Logger } from '../../api/logger';
import type { ErrorPresenter } from '../../errors/errorPresenter';
import { apiQuickPick, type ValueItem } from '../targets/apiQuickPick';
import { offerName, offerTerms, rawText } from './offerText';

type NumberChoice =
  { readonly kind: 'offer'; readonly offer: AvailableNumber } | { readonly kind: 'random' } | { readonly kind: 'contains' };

/**
 * The browsing steps of Buy a Fax Number: country → area → a number for sale
 * (random ones, or ones containing digits the person types). Resolves
 * undefined when the person stops at any step.
 */
export class NumberShopPicker {
  constructor(
    private readonly clients: ClientProvider,
    private readonly errors: ErrorPresenter,
    private readonly logger: Logger,
    private readonly locale: string,
  ) {}

  async pick(title: string): Promise<{ country: ShopCountry; area: ShopArea; offer: AvailableNumber } | undefined> {
    const country = await this.pickCountry(title);
    const area = country && (await this.pickArea(title, country));
    const offer = country && area && (await this.pickOffer(title, country, area));
    return country && area && offer ? { country, area, offer } : undefined;
  }

  private pickCountry(title: string): Promise<ShopCountry | undefined> {
    return apiQuickPick<ShopCountry>(this.errors, {
      title: vscode.l10n.t('{0}: country', title),
      placeholder: vscode.l10n.t('Choose the country of the new number'),
      failureAction: vscode.l10n.t('Loading the countries where numbers are sold'),
      emptyText: vscode.l10n.t('Fax.Plus sells no numbers at the moment.'),
      load: async (signal) =>
        (await this.clients.get().listShopCountries({ signal }))
          .filter((c) => c.available)
          .map((c) => ({ label: c.name ?? c.iso, description: c.iso, value: c })),
    });
  }

  private pickArea(title: string, country: ShopCountry): Promise<ShopArea | undefined> {
    return apiQuickPick<ShopArea>(this.errors, {
      title: vscode.l10n.t('{0}: area in {1}', title, country.name ?? country.iso),
      placeholder: vscode.l10n.t('Choose the area code'),
      failureAction: vscode.l10n.t('Loading the areas of {0}', country.name ?? country.iso),
      emptyText: vscode.l10n.t('Fax.Plus sells no numbers in {0} at the moment.', country.name ?? country.iso),
      load: async (signal) =>
        (await this.clients.get().listShopAreas(country.iso, { signal })).map((a) => ({
          label: a.callingCode,
          description: [a.city, a.state].filter(Boolean).join(', '),
          value: a,
        })),
    });
  }

  private async pickOffer(title: string, country: ShopCountry, area: ShopArea): Promise<AvailableNumber | undefined> {
    let contains: string | undefined;
    for (;;) {
      const choice = await apiQuickPick<NumberChoice>(this.errors, {
        title: contains
          ? vscode.l10n.t('{0}: numbers in {1} containing {2}', title, area.callingCode, contains)
          : vscode.l10n.t('{0}: numbers in {1}', title, area.callingCode),
        placeholder: vscode.l10n.t('Choose a number (price · monthly fee · term)'),
        failureAction: vscode.l10n.t('Loading numbers for sale'),
        emptyText: vscode.l10n.t('No numbers for sale.'),
        load: (signal) => this.offerItems(country, area, contains, signal),
      });
      if (!choice) {
        return undefined;
      }
      if (choice.kind === 'offer') {
        return choice.offer;
      }
      if (choice.kind === 'random') {
        contains = undefined;
        continue;
      }
      const digits = await vscode.window.showInputBox({
        title: vscode.l10n.t('{0}: numbers containing…', title),
        prompt: vscode.l10n.t('Digits the number should contain'),
        value: contains ?? '',
        validateInput: (v) => (/^\d{1,10}$/.test(v.trim()) ? undefined : vscode.l10n.t('Enter 1 to 10 digits, nothing else.')),
      });
      contains = digits === undefined ? contains : digits.trim();
    }
  }

  private async offerItems(
    country: ShopCountry,
    area: ShopArea,
    contains: string | undefined,
    signal: AbortSignal,
  ): Promise<ValueItem<NumberChoice>[]> {
    const list = await this.clients.get().listAvailableNumbers(country.iso, area.callingCode, contains, { signal });
    const items: ValueItem<NumberChoice>[] = [];
    if (!list.recognised) {
      // Show what came back rather than failing: the answer's shape is undocumented.
      this.logger.warn(`Buy a Fax Number: unrecognised listShopNumbers answer: ${rawText(list.raw, 2000)}`);
      items.push({
        label: `$(warning) ${vscode.l10n.t('Fax.Plus answered in a form this extension cannot read:')}`,
        detail: rawText(list.raw),
        alwaysShow: true,
      });
    } else if (list.numbers.length === 0) {
      items.push({
        label: `$(info) ${contains ? vscode.l10n.t('No numbers containing {0}.', contains) : vscode.l10n.t('No numbers for sale in this area right now.')}`,
        alwaysShow: true,
      });
    }
    for (const offer of list.numbers) {
      items.push({
        label: `$(device-mobile) ${offerName(offer)}`,
        description: offerTerms(offer, this.locale),
        detail: offer.itemId
          ? undefined
          : vscode.l10n.t('Fax.Plus gave no item id for this number, so it cannot be bought from here: {0}', rawText(offer.raw)),
        value: offer.itemId ? { kind: 'offer', offer } : undefined,
      });
    }
    items.push(
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: `$(search) ${vscode.l10n.t('Numbers containing digits…')}`, alwaysShow: true, value: { kind: 'contains' } },
      { label: `$(refresh) ${vscode.l10n.t('Random numbers')}`, alwaysShow: true, value: { kind: 'random' } },
    );
    return items;
  }
}
