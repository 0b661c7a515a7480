import * as vscode from 'vscode';
import { CAPABILITIES, COMMANDS } from '../manifest/commandIds';
import type { Command } from './command';
import type { FaxNumber } from '../api/models';
import type { AvailableNumberList, PurchaseResult, ShopArea, ShopCountry } from '../api/shopModels';
import type { Logger } from '../api/logger';
import type { ActionServices } from './targets/actionServices';
import type { BalanceStatusBar } from '../balance/balanceStatusBar';
import { plainArgs, stringArg, type ArgObject } from './targets/commandArgs';
import { NumberShopPicker } from './shop/numberShopPicker';
import { PurchaseCheck } from './shop/purchaseCheck';
import { offerName, purchaseDetail, rawText } from './shop/offerText';
import { phoneDisplay } from '../format/phoneDisplay';
import { UserNotifiedError } from '../util/userNotifiedError';
import { UnauthorizedError } from '../api/errors';
import { commandAction } from '../util/noticeActions';

/** Shows a bought number in the Numbers view (the sidebar). */
export interface NumberRevealer {
  revealNumber(number: string): Promise<boolean>;
}

/** What a purchase ended with: the number when known, and the server's answer (undefined when it was lost). */
export interface PurchaseOutcome {
  readonly itemId: string;
  readonly number?: string;
  readonly result?: PurchaseResult;
  readonly revealed: boolean;
}

export type BrowseResult = { readonly countries: ShopCountry[] } | { readonly areas: ShopArea[] } | AvailableNumberList;

/** Browsing needs fax:shop:read; buying also fax:shop:edit (the refusal names the missing scope: docs/ARCHITECTURE.md, "Scopes"). */
export const BROWSE_PERMISSION = CAPABILITIES.shopBrowse;

const ARG_KEYS = ['country', 'area', 'contains', 'item_id', 'itemId', 'confirm', 'number'];

/**
 * Buy a Fax Number…: country → area → a number for sale, a modal
 * confirmation naming the number, price, monthly fee and that it cannot be
 * undone, then one purchase request (never repeated), the balance refreshed
 * and the new number revealed in Numbers. An unclear answer is followed by a
 * look at Numbers before anything is said.
 *
 * Argument object (never waits for a person): `{ country }` → areas,
 * `{ country, area, contains? }` → numbers for sale (nothing bought),
 * `{ item_id, confirm: false, number? }` → buys exactly that item.
 */
export class BuyNumberCommand implements Command {
  readonly id = COMMANDS.buyNumber;
  private readonly check: PurchaseCheck;

  constructor(
    private readonly services: ActionServices,
    private readonly balance: BalanceStatusBar,
    private readonly revealer: NumberRevealer,
    private readonly logger: Logger,
    check?: PurchaseCheck,
  ) {
    this.check = check ?? new PurchaseCheck(services.clients, logger);
  }

  async execute(arg?: unknown): Promise<PurchaseOutcome | BrowseResult | undefined> {
    const { gate } = this.services;
    gate.ensure(BROWSE_PERMISSION);
    const args = plainArgs(arg);
    const unknown = Object.keys(args ?? {}).filter((k) => !ARG_KEYS.includes(k));
    if (unknown.length > 0) {
      // A misspelt key must not turn into a different request (or a purchase).
      throw this.refuse(vscode.l10n.t('Buy a Fax Number: unknown argument {0}. Known: {1}.', unknown.join(', '), ARG_KEYS.join(', ')));
    }
    if (args && (args.item_id !== undefined || args.itemId !== undefined)) {
      return this.buyFromArgs(args);
    }
    const country = stringArg(args, 'country');
    if (country) {
      return this.browseFromArgs(country, stringArg(args, 'area'), stringArg(args, 'contains'));
    }
    const title = gate.permits(this.id)
      ? vscode.l10n.t('Buy a Fax Number')
      : vscode.l10n.t('Browse Fax Numbers (buying needs fax:shop:edit)');
    const { clients, errors } = this.services;
    const picked = await new NumberShopPicker(clients, errors, this.logger, vscode.env.language).pick(title);
    if (!picked) {
      return undefined;
    }
    gate.ensure(this.id);
    const { offer } = picked;
    const buy = vscode.l10n.t('Buy');
    const answer = await this.services.notifier.ask(
      vscode.l10n.t('Buy the fax number {0}?', offerName(offer)),
      { detail: purchaseDetail(offer, vscode.env.language) },
      buy,
    );
    if (answer !== buy || !offer.itemId) {
      return undefined;
    }
    return this.purchase(offer.itemId, offer.number);
  }

  private async browseFromArgs(country: string, area: string | undefined, contains: string | undefined): Promise<BrowseResult> {
    const client = this.services.clients.get();
    try {
      if (!area) {
        return { areas: await client.listShopAreas(country) };
      }
      if (contains !== undefined && !/^\d{1,10}$/.test(contains)) {
        throw this.refuse(vscode.l10n.t('"contains" must be 1 to 10 digits, nothing else.'));
      }
      return await client.listAvailableNumbers(country, area, contains);
    } catch (e) {
      throw this.services.errors.show(e, vscode.l10n.t('Loading numbers for sale'));
    }
  }

  private buyFromArgs(args: ArgObject): Promise<PurchaseOutcome> {
    const itemId = args.item_id ?? args.itemId;
    // Exactly the item named: no trimming, no matching by number, nothing picked for the caller.
    if (typeof itemId !== 'string' || !/^\S+$/.test(itemId)) {
      throw this.refuse(
        vscode.l10n.t(
          'Buy a Fax Number: "item_id" must be the exact item id of a number for sale (from browsing with "country" and "area").',
        ),
      );
    }
    if (args.confirm !== false) {
      throw this.refuse(
        vscode.l10n.t(
          'Buy a Fax Number: a purchase from an argument object needs "confirm": false, because a purchase cannot be undone and nobody is asked.',
        ),
      );
    }
    this.services.gate.ensure(this.id);
    return this.purchase(itemId, stringArg(args, 'number'));
  }

  /** One purchase request, then what is true is told; the request is never repeated. */
  private async purchase(itemId: string, expected: string | undefined): Promise<PurchaseOutcome> {
    const { clients, gate, events } = this.services;
    const before = gate.permits('faxplus.view.numbers') ? await this.check.snapshot() : undefined;
    const name = expected ? phoneDisplay(expected) : itemId;
    let result: PurchaseResult;
    try {
      // Not cancellable: once sent, a cancelled purchase would only leave the person unsure whether it happened.
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Buying the fax number {0}…', name), cancellable: false },
        () => clients.get().purchaseNumber(itemId),
      );
    } catch (error) {
      return this.afterFailure(error, itemId, expected, before);
    }
    const number = result.number ?? expected ?? this.newNumber(before, await this.check.snapshot());
    const revealed = await this.announce(number);
    const what = number ? phoneDisplay(number) : vscode.l10n.t('the number (item {0})', itemId);
    const answer =
      result.number || result.raw === undefined || typeof result.raw === 'object'
        ? ''
        : ` ${vscode.l10n.t('Fax.Plus answered: {0}', rawText(result.raw))}`;
    void this.services.notifier.notify(
      'info',
      (revealed
        ? vscode.l10n.t('You bought {0}. It is now in Numbers.', what)
        : vscode.l10n.t('You bought {0}. Refresh Numbers if it is not there yet.', what)) + answer,
    );
    if (!revealed) {
      events.fireChanged('numbers'); // the reveal reloaded Numbers already
    }
    return { itemId, number, result, revealed };
  }

  private async afterFailure(
    error: unknown,
    itemId: string,
    expected: string | undefined,
    before: readonly FaxNumber[] | undefined,
  ): Promise<PurchaseOutcome> {
    const { errors } = this.services;
    const name = expected ? phoneDisplay(expected) : vscode.l10n.t('item {0}', itemId);
    if (PurchaseCheck.provedRefusal(error)) {
      if (error instanceof UnauthorizedError) {
        throw errors.show(error, vscode.l10n.t('Buying the fax number'));
      }
      throw this.refuse(vscode.l10n.t('Fax.Plus did not sell {0}: {1} Nothing was bought.', name, errors.describe(error)), error);
    }
    // Like an unclear fax creation: nothing is repeated, and Numbers is looked at before anything is said.
    const reason = errors.describe(error);
    const verdict = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('The answer was unclear; checking whether {0} was bought…', name),
      },
      () => this.check.verify(expected, before),
    );
    this.logger.warn(
      `Buy a Fax Number: the purchase request failed (${error instanceof Error ? error.name : String(error)}); verdict after looking: ${verdict.kind}`,
    );
    if (verdict.kind === 'bought') {
      const revealed = await this.announce(verdict.number);
      void this.services.notifier.notify(
        'warning',
        vscode.l10n.t(
          '{0} was bought: it is in Numbers, although the answer from Fax.Plus was lost ({1}). Do not buy it again.',
          phoneDisplay(verdict.number),
          reason,
        ),
      );
      if (!revealed) {
        this.services.events.fireChanged('numbers');
      }
      return { itemId, number: verdict.number, revealed };
    }
    const text =
      verdict.kind === 'notSeen'
        ? vscode.l10n.t(
            'Could not confirm whether {0} was bought ({1}). It is not in Numbers yet. Look at Numbers and your balance again in a few minutes before buying again.',
            name,
            reason,
          )
        : vscode.l10n.t(
            'Could not check whether {0} was bought ({1}), and Numbers could not be read. Check Numbers and your balance before buying again.',
            name,
            reason,
          );
    void this.services.notifier.notify('error', text, commandAction(vscode.l10n.t('Show Numbers'), 'faxplus.numbers.focus'));
    this.services.events.fireChanged('numbers');
    throw new UserNotifiedError(text, error);
  }

  /** The balance changed and Numbers has a new entry: both are shown fresh. */
  private async announce(number: string | undefined): Promise<boolean> {
    await this.balance.refreshNow();
    return number ? this.revealer.revealNumber(number) : false;
  }

  private newNumber(before: readonly FaxNumber[] | undefined, after: readonly FaxNumber[] | undefined): string | undefined {
    if (!before || !after) {
      return undefined;
    }
    const known = new Set(before.map((n) => n.number));
    return after.find((n) => !known.has(n.number))?.number;
  }

  private refuse(text: string, cause?: unknown): UserNotifiedError {
    void this.services.notifier.notify('error', text);
    return new UserNotifiedError(text, cause);
  }
}
