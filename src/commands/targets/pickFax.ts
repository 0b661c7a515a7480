import * as vscode from 'vscode';
import type { Fax, FaxCategory } from '../../api/models';
import type { ClientProvider } from '../../client/clientProvider';
import type { ErrorPresenter } from '../../errors/errorPresenter';
import { phoneDisplay } from '../../format/phoneDisplay';
import { viewTitle } from '../../views/viewTitle';
import { apiQuickPick, type ValueItem } from './apiQuickPick';
import type { FaxTarget } from './faxTarget';

/** How many recent faxes per list the palette offers; older ones are reached from the tree. */
const RECENT = 50;

export interface FaxPickOptions {
  readonly title: string;
  readonly categories: readonly FaxCategory[];
  /** Offer only faxes the command applies to (e.g. unread ones for "Mark as Read"). */
  readonly filter?: (fax: Fax) => boolean;
}

/** Asks for a fax from the most recent ones of the given lists. */
export function pickFax(clients: ClientProvider, errors: ErrorPresenter, options: FaxPickOptions): Promise<FaxTarget | undefined> {
  return apiQuickPick<FaxTarget>(errors, {
    title: options.title,
    placeholder: vscode.l10n.t('Choose a fax (the {0} most recent of each list)', RECENT),
    failureAction: vscode.l10n.t('Loading faxes'),
    emptyText: vscode.l10n.t('No faxes to choose from.'),
    load: async (signal) => {
      const client = clients.get();
      const lists = await Promise.all(options.categories.map((category) => client.listFaxes({ category, limit: RECENT }, { signal })));
      return options.categories.flatMap((category, i) => {
        const faxes = lists[i].filter((fax) => options.filter?.(fax) ?? true);
        if (faxes.length === 0) {
          return [];
        }
        const heading: ValueItem<FaxTarget> = { label: viewTitle(category), kind: vscode.QuickPickItemKind.Separator };
        return [heading, ...faxes.map((fax) => faxItem(fax, category))];
      });
    },
  });
}

function faxItem(fax: Fax, category: FaxCategory): ValueItem<FaxTarget> {
  const party = phoneDisplay(category === 'sent' ? fax.to : fax.from) || vscode.l10n.t('Unknown number');
  const unread = category !== 'sent' && fax.isRead === false;
  return {
    label: `$(${unread ? 'circle-filled' : 'mail'}) ${party}`,
    description: [fax.startTime?.toLocaleString(), fax.pages === undefined ? undefined : vscode.l10n.t('{0} p.', fax.pages), fax.status]
      .filter(Boolean)
      .join(' · '),
    detail: fax.comment || undefined,
    value: { faxId: fax.id, category, fax },
  };
}
