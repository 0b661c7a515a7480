import * as vscode from 'vscode';
import { isFilterEmpty, type FaxFilter } from '../find/faxFilter';
import { Disposable } from '../util/disposable';
import type { FaxListProvider } from './faxListProvider';
import type { TreeNode } from './treeNodes';

/** The views that can be filtered. */
export type FilterableView = 'inbox' | 'sent';

export const FILTERABLE_VIEWS: readonly FilterableView[] = ['inbox', 'sent'];

/** Context key per view (`faxplus.filtered.inbox`), which shows "Clear Filter" in its title bar. */
export function filterContextKey(view: FilterableView): string {
  return `faxplus.filtered.${view}`;
}

interface FilterTarget {
  readonly provider: FaxListProvider;
  readonly view: vscode.TreeView<TreeNode>;
}

/**
 * Find faxes: applies a filter to Inbox or Sent, says it in the view's
 * description (so a narrowed list is never mistaken for the whole one) and
 * sets the context key behind the title bar's "Clear Filter".
 */
export class FaxFilters extends Disposable {
  constructor(private readonly targets: Readonly<Record<FilterableView, FilterTarget>>) {
    super();
    for (const view of FILTERABLE_VIEWS) void this.showState(view);
  }

  current(view: FilterableView): FaxFilter | undefined {
    return this.targets[view].provider.activeFilter;
  }

  async set(view: FilterableView, filter: FaxFilter | undefined): Promise<void> {
    const { provider } = this.targets[view];
    await provider.setFilter(isFilterEmpty(filter) ? undefined : filter);
    await this.showState(view);
  }

  clear(view: FilterableView): Promise<void> {
    return this.set(view, undefined);
  }

  private async showState(view: FilterableView): Promise<void> {
    const filter = this.current(view);
    this.targets[view].view.description = filter ? describeFilter(filter) : undefined;
    await vscode.commands.executeCommand('setContext', filterContextKey(view), filter !== undefined);
  }
}

/** "Dr. Chen · 2026-11-01 – 2026-11-30 · failed · unread": short enough for a view's title bar. */
export function describeFilter(filter: FaxFilter): string {
  const parts: string[] = [];
  if (filter.party) {
    parts.push(filter.party.kind === 'numbers' ? filter.party.label : vscode.l10n.t('number contains {0}', filter.party.digits));
  }
  if (filter.since || filter.until) {
    const lastDay = filter.until && new Date(filter.until.getTime() - 1);
    parts.push(vscode.l10n.t('{0} – {1}', filter.since ? localDay(filter.since) : '…', lastDay ? localDay(lastDay) : '…'));
  }
  if (filter.statuses?.length) parts.push(filter.statuses.join(', '));
  if (filter.unreadOnly) parts.push(vscode.l10n.t('unread'));
  return vscode.l10n.t('Filter: {0}', parts.join(' · '));
}

function localDay(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}
