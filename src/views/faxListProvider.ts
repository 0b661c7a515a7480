import * as vscode from 'vscode';
import type { PagingFacts } from '../api/faxPaging';
import type { Fax, FaxCategory } from '../api/models';
import { faxMatcher, isFilterEmpty, type FaxFilter } from '../find/faxFilter';
import type { SectionDependencies } from './sectionDependencies';
import { SectionTreeProvider } from './sectionTreeProvider';
import type { StoredFirstPage } from './storedFirstPage';
import type { FaxNode, ItemNode, TreeNode } from './treeNodes';

/** A stored first page of the list (StoredFirstPage). */
export type FaxListCopy = Pick<StoredFirstPage, 'read' | 'save'>;

/** What a load brought: `fresh` replaced the list from the top, `more` appended an older page. */
export interface FaxListLoad {
  readonly kind: 'fresh' | 'more';
  readonly faxes: readonly Fax[];
}

/**
 * Inbox, Sent or Spam: a page at a time (`faxplus.pageSize`), newest first,
 * with "Load more…" while the API may have older faxes. The paging iterator
 * is kept between clicks so each click costs one request; ids are
 * de-duplicated across pages. A refresh reloads as many pages as were shown;
 * a poll asks only for the newest page.
 */
export class FaxListProvider extends SectionTreeProvider {
  private pages: AsyncGenerator<Fax[]> | undefined;
  private exhausted = false;
  private pagesWanted = 1;
  /** What paging learnt about the server (its effective page cap), kept across loads and polls. */
  private facts: PagingFacts = { largestPage: 0 };
  private filter: FaxFilter | undefined;
  /** The list in memory was asked for a date window (the filter's): it is not the Inbox's first page. */
  private loadedWithWindow = false;
  private readonly loaded = this.register(new vscode.EventEmitter<FaxListLoad>());
  readonly onDidLoad = this.loaded.event;

  constructor(
    readonly category: FaxCategory,
    deps: SectionDependencies,
    private readonly pageSize: () => number,
    /** Where the first page is kept between windows (the Inbox's): painted before the first answer. */
    private readonly copy?: FaxListCopy,
  ) {
    super(category, deps);
    this.register({ dispose: () => void this.pages?.return(undefined) });
  }

  /** Appends the next page (one request); does nothing when everything is loaded. */
  async loadMore(): Promise<void> {
    if (this.blockedNodes() || this.exhausted) {
      return;
    }
    // Under a stored copy, "more" means more than the rows shown: the first page, then the next one.
    const overCopy = this.showsStoredCopy;
    if (!this.pages) {
      await this.loadFresh();
      if (!overCopy || !this.pages || this.exhausted) {
        this.fireChanged();
        return;
      }
    }
    this.pagesWanted += 1;
    await this.enqueue((signal) => this.fetchMore(signal));
    this.fireChanged();
  }

  /** Applies a change made on the server (known without asking) to the fax, if the list holds it. */
  async showUpdated(faxId: string, changes: Partial<Fax>): Promise<void> {
    if (!this.loadedItems.some((node) => (node as FaxNode).fax.id === faxId)) {
      return;
    }
    await this.enqueue(
      async () =>
        this.loadedItems.map((node) => {
          const fax = (node as FaxNode).fax;
          return fax.id === faxId ? this.node({ ...fax, ...changes }) : node;
        }),
      false,
    );
    this.fireChanged();
  }

  get activeFilter(): FaxFilter | undefined {
    return this.filter;
  }

  /**
   * Narrows the view to the faxes that match, over what is loaded. A date range
   * also becomes the API's date window, so paging starts at the range instead of
   * walking down to it from today; changing it reloads.
   */
  async setFilter(filter: FaxFilter | undefined): Promise<void> {
    const next = isFilterEmpty(filter) ? undefined : filter;
    const windowChanged =
      next?.since?.getTime() !== this.filter?.since?.getTime() || next?.until?.getTime() !== this.filter?.until?.getTime();
    this.filter = next;
    if (!windowChanged) {
      this.fireChanged();
      return;
    }
    void this.pages?.return(undefined);
    this.pages = undefined;
    this.exhausted = false;
    this.pagesWanted = 1;
    // A load on its way asks for the old window: the new one gets a load of its own.
    this.forgetPendingLoad();
    await this.refresh();
  }

  /** The loaded faxes the filter lets through (what the view shows). */
  get shownFaxes(): Fax[] {
    return this.shownItems(this.loadedItems).map((node) => (node as FaxNode).fax);
  }

  protected override shownItems(items: readonly ItemNode[]): readonly ItemNode[] {
    if (!this.filter) return items;
    const matches = faxMatcher(this.filter, this.category);
    return items.filter((node) => matches((node as FaxNode).fax));
  }

  get hasMore(): boolean {
    return this.hasLoaded && !this.exhausted;
  }

  protected async fetchFresh(signal: AbortSignal): Promise<ItemNode[]> {
    const windowed = this.hasDateWindow();
    void this.pages?.return(undefined);
    this.pages = undefined;
    const pages = this.iterate(signal);
    const faxes: Fax[] = [];
    const ids = new Set<string>();
    let exhausted = false;
    for (let page = 0; page < this.pagesWanted; page++) {
      const next = await pages.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      faxes.push(...next.value.filter((fax) => !ids.has(fax.id) && ids.add(fax.id)));
    }
    this.pages = pages;
    this.exhausted = exhausted;
    // Set only once the list is the one shown: a failed load leaves the list (and its window) as it was.
    this.loadedWithWindow = windowed;
    faxes.sort(newestFirst);
    this.loaded.fire({ kind: 'fresh', faxes });
    return faxes.map((fax) => this.node(fax));
  }

  /**
   * A poll asks for the newest page only and merges it over what is shown:
   * new faxes appear on top, changed ones (read, status) are updated, older
   * pages stay as loaded. Reloading every page shown would cost one request
   * per page per poll (41 a minute with 2,000 faxes loaded).
   */
  protected override async fetchLatest(signal: AbortSignal): Promise<ItemNode[]> {
    if (this.pagesWanted <= 1 || !this.pages) {
      return this.fetchFresh(signal);
    }
    const windowed = this.hasDateWindow();
    const newest = this.iterate(signal);
    let latest: Fax[];
    try {
      latest = (await newest.next()).value ?? [];
    } finally {
      void newest.return(undefined);
    }
    const latestIds = new Set(latest.map((fax) => fax.id));
    const older = this.loadedItems.filter((node) => !latestIds.has((node as FaxNode).fax.id));
    // Faxes the newest page no longer holds but that are newer than its oldest were deleted or moved.
    const oldestLatest = Math.min(...latest.map((fax) => fax.startTime?.getTime() ?? Number.POSITIVE_INFINITY));
    // Only a page shorter than the largest the server ever sent proves nothing older is left (the
    // server may cap `limit` below our page size). An ascending server's first page holds the oldest
    // faxes, so it proves nothing about the others: keep them all.
    const whole = latest.length < this.facts.largestPage;
    const kept = this.facts.ascending
      ? older
      : whole
        ? []
        : older.filter((node) => ((node as FaxNode).fax.startTime?.getTime() ?? 0) <= oldestLatest);
    this.loaded.fire({ kind: 'fresh', faxes: latest });
    this.loadedWithWindow = windowed;
    return [...latest.map((fax) => this.node(fax)), ...kept].sort((a, b) => newestFirst((a as FaxNode).fax, (b as FaxNode).fax));
  }

  private async fetchMore(signal: AbortSignal): Promise<ItemNode[]> {
    const current = this.loadedItems;
    const pages = this.pages;
    if (!pages || signal.aborted) {
      return [...current];
    }
    let next: IteratorResult<Fax[]>;
    try {
      next = await pages.next();
    } catch (e) {
      // A failed generator is finished; Retry reloads all wanted pages with a new one.
      this.pages = undefined;
      throw e;
    }
    if (next.done) {
      this.exhausted = true;
      return [...current];
    }
    const known = new Set(current.map((node) => (node as FaxNode).fax.id));
    const added = next.value.filter((fax) => !known.has(fax.id));
    this.loaded.fire({ kind: 'more', faxes: added });
    // An ascending server pages towards newer faxes: keep the list newest first whatever came.
    return [...current, ...added.map((fax) => this.node(fax))].sort((a, b) => newestFirst((a as FaxNode).fax, (b as FaxNode).fax));
  }

  private iterate(signal: AbortSignal): AsyncGenerator<Fax[]> {
    return this.deps.clients.get().iterateFaxes({
      category: this.category,
      pageSize: this.pageSize(),
      signal,
      facts: this.facts,
      after: this.filter?.since,
      before: this.filter?.until,
    });
  }

  private hasDateWindow(): boolean {
    return Boolean(this.filter?.since || this.filter?.until);
  }

  protected override trailingNodes(): TreeNode[] {
    return this.exhausted ? [] : [{ kind: 'loadMore', view: this.view }];
  }

  protected emptyMessage(): string {
    if (this.filter) {
      return this.exhausted
        ? vscode.l10n.t('No fax matches the filter.')
        : vscode.l10n.t('No loaded fax matches the filter. Load more to search older faxes.');
    }
    switch (this.category) {
      case 'inbox':
        return vscode.l10n.t('No faxes received yet.');
      case 'sent':
        return vscode.l10n.t('No faxes sent yet.');
      default:
        return vscode.l10n.t('No faxes in spam.');
    }
  }

  protected override async storedItems(): Promise<ItemNode[] | undefined> {
    // A filtered list is not the first page the copy holds.
    if (!this.copy || this.filter) return undefined;
    return (await this.copy.read())?.map((fax) => this.node(fax));
  }

  protected override onServerItems(items: readonly ItemNode[]): void {
    // Only the unfiltered first page is "the Inbox": not a list loaded for a date window, even one cleared since.
    if (!this.copy || this.filter || this.loadedWithWindow) return;
    this.copy.save(items.slice(0, this.pageSize()).map((node) => (node as FaxNode).fax));
  }

  protected override onReset(): void {
    void this.pages?.return(undefined);
    this.pages = undefined;
    this.loadedWithWindow = false;
    this.exhausted = false;
    this.pagesWanted = 1;
    this.facts = { largestPage: 0 };
  }

  private node(fax: Fax): FaxNode {
    return { kind: 'fax', category: this.category, fax };
  }
}

function newestFirst(a: Fax, b: Fax): number {
  return (b.startTime?.getTime() ?? Number.NEGATIVE_INFINITY) - (a.startTime?.getTime() ?? Number.NEGATIVE_INFINITY);
}
