import * as vscode from 'vscode';
import { kindOf } from '../errors/errorPresenter';
import { Disposable } from '../util/disposable';
import type { SectionDependencies } from './sectionDependencies';
import type { ItemNode, TreeNode, ViewName } from './treeNodes';

/**
 * The behaviour all six sidebar trees share. A flat list of items that loads
 * the first time the view asks for it (never at activation for a hidden
 * view), renders from memory afterwards, shows one node instead of a request
 * when the token may not read the section, and turns a failed load into one
 * error node with Retry rather than a notification. Subclasses only fetch.
 */
export abstract class SectionTreeProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.changed.event;
  /** Fires when the items in memory changed (a load finished or a reset), even when the tree was not asked to redraw. */
  private readonly updated = this.register(new vscode.EventEmitter<void>());
  readonly onDidUpdateItems = this.updated.event;

  private items: ItemNode[] | undefined;
  /** The items are a stored copy no server answer has replaced yet (no "Load more…", nothing to save). */
  private showingCopy = false;
  private failure: string | undefined;
  private stale = false;
  /** Loads run one at a time, in order; a fresh load already waiting is shared. */
  private queue: Promise<void> = Promise.resolve();
  private pendingFresh: Promise<void> | undefined;
  private abort = new AbortController();
  /** Bumped by reset(): results of loads started before are dropped. */
  private generation = 0;
  /** Set by the sidebar once the TreeView exists. */
  isVisible: () => boolean = () => false;

  constructor(
    readonly view: ViewName,
    protected readonly deps: SectionDependencies,
  ) {
    super();
    this.register({ dispose: () => this.abort.abort() });
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return this.deps.items.create(node);
  }

  /** Every node is a root: the trees are flat. */
  getParent(): undefined {
    return undefined;
  }

  async getChildren(element?: TreeNode): Promise<TreeNode[]> {
    if (element) {
      return [];
    }
    // At start-up the stored sign-in is still being read (no request): load as soon as it is known, not after another redraw.
    await this.deps.session.whenRestored();
    const blocked = this.blockedNodes();
    if (blocked) {
      return blocked;
    }
    if (!this.hasLoaded) {
      const generation = this.generation;
      // The server is asked at once; a stored copy read meanwhile is shown until its answer replaces it.
      const fresh = this.loadFresh();
      const stored = await this.storedItems().catch(() => undefined);
      if (stored) {
        // One turn of the event loop first: the request just started reaches the wire before the copy's rows are
        // drawn, which takes the extension host longer than sending (the bench measured the list 30 ms late without).
        await new Promise((resolve) => setImmediate(resolve));
      }
      // Another call may have painted, or the answer come, while the copy was read: then draw what is there.
      if (!this.hasLoaded) {
        if (stored && generation === this.generation) {
          this.paintStored(stored, fresh);
        } else {
          await fresh;
        }
      }
    } else if (this.stale) {
      // Show what we have at once; the fresh list replaces it when it arrives.
      void this.loadFresh().then(() => this.changed.fire());
    }
    return this.render();
  }

  /** The item nodes in memory, in display order (no request). */
  get loadedItems(): readonly ItemNode[] {
    return this.items ?? [];
  }

  /** The items shown are a stored copy the server's answer has not replaced yet. */
  get showsStoredCopy(): boolean {
    return this.showingCopy;
  }

  get hasLoaded(): boolean {
    return this.items !== undefined || this.failure !== undefined;
  }

  /** The error shown in the view, if the last load failed. */
  get lastFailure(): string | undefined {
    return this.failure;
  }

  /**
   * Reloads if the view is showing; otherwise only marks the data stale so it
   * reloads when shown (hidden views make no requests).
   */
  async refresh(): Promise<void> {
    if (this.blockedNodes() || !this.hasLoaded) {
      this.changed.fire();
      return;
    }
    if (!this.isVisible()) {
      this.stale = true;
      this.changed.fire();
      return;
    }
    await this.loadFresh();
    this.changed.fire();
  }

  /** One poll: reloads and rejects when the load failed, so the poller backs off. */
  async poll(): Promise<void> {
    if (this.blockedNodes()) {
      return;
    }
    await (this.hasLoaded ? this.enqueue((signal) => this.fetchLatest(signal)) : this.loadFresh());
    this.changed.fire();
    if (this.failure) {
      throw new Error(this.failure);
    }
  }

  /** Forgets everything (sign-out, another token): the next look loads afresh. */
  reset(): void {
    this.generation += 1;
    this.abort.abort();
    this.abort = new AbortController();
    this.items = undefined;
    this.showingCopy = false;
    this.failure = undefined;
    this.stale = false;
    this.pendingFresh = undefined;
    this.queue = Promise.resolve();
    this.onReset();
    this.updated.fire();
    this.changed.fire();
  }

  protected loadFresh(): Promise<void> {
    if (!this.pendingFresh) {
      const load: Promise<void> = this.enqueue((signal) => this.fetchFresh(signal)).finally(() => {
        // Only this load: a newer one (after forgetPendingLoad or reset) stays shared.
        if (this.pendingFresh === load) this.pendingFresh = undefined;
      });
      this.pendingFresh = load;
    }
    return this.pendingFresh;
  }

  /**
   * A later refresh starts a load of its own instead of sharing the one on its
   * way (that one asked for something else, e.g. another date window).
   */
  protected forgetPendingLoad(): void {
    this.pendingFresh = undefined;
  }

  /**
   * Runs a load after the ones before it; its result replaces the items.
   * `fromServer: false` marks a change made in memory (a fax known to be read
   * now): it neither clears the error shown nor counts as the server's list.
   */
  protected enqueue(fetch: (signal: AbortSignal) => Promise<ItemNode[]>, fromServer = true): Promise<void> {
    const generation = this.generation;
    const run = async (): Promise<void> => {
      if (generation !== this.generation) {
        return;
      }
      const signal = this.abort.signal;
      try {
        const items = await fetch(signal);
        if (generation === this.generation) {
          this.items = items;
          if (fromServer) {
            this.showingCopy = false;
            this.failure = undefined;
            this.stale = false;
          }
          if (!this.showingCopy) this.onServerItems(items);
          this.updated.fire();
        }
      } catch (e) {
        if (generation === this.generation) {
          if (this.showingCopy && fromServer) {
            // The copy stood in for this answer: without it, an old list under the error could pass for today's.
            this.items = undefined;
            this.showingCopy = false;
          }
          this.failed(e);
          this.updated.fire();
        }
      }
    };
    this.queue = this.queue.then(run);
    return this.queue;
  }

  protected fireChanged(): void {
    this.changed.fire();
  }

  /** Draws the items again from memory (their labels changed, e.g. a contact was added); no request. */
  redraw(): void {
    this.changed.fire();
  }

  /** The loaded items the view shows (all of them unless a subclass filters). */
  protected shownItems(items: readonly ItemNode[]): readonly ItemNode[] {
    return items;
  }

  /** Fetches the section's first screen of items. */
  protected abstract fetchFresh(signal: AbortSignal): Promise<ItemNode[]>;

  /**
   * What a poll fetches: by default the same as a refresh. Long lists
   * override it to ask only for what can have changed (Fax.Plus watches for
   * aggressive polling).
   */
  protected fetchLatest(signal: AbortSignal): Promise<ItemNode[]> {
    return this.fetchFresh(signal);
  }

  /** What the view says when the list is empty. */
  protected abstract emptyMessage(): string;

  /** Nodes after the items (e.g. "Load more…"). */
  protected trailingNodes(): TreeNode[] {
    return [];
  }

  protected onReset(): void {
    // Subclasses drop their own state.
  }

  /** A stored copy of the section's items to show while the first load runs; none by default. */
  protected storedItems(): Promise<ItemNode[] | undefined> {
    return Promise.resolve(undefined);
  }

  /** Called with every list that holds the server's answers (never while a stored copy is shown). */
  protected onServerItems(_items: readonly ItemNode[]): void {
    // Subclasses that keep a copy save it here.
  }

  /**
   * Shows a stored copy while the server's list is on its way, with the
   * view's progress bar running until the list replaces the copy (or an
   * error node shows above it).
   */
  private paintStored(stored: ItemNode[], fresh: Promise<void>): void {
    this.items = stored;
    this.showingCopy = true;
    this.updated.fire();
    const replaced = fresh.then(() => this.changed.fire());
    void vscode.window.withProgress({ location: { viewId: `faxplus.${this.view}` } }, () => replaced);
  }

  /**
   * Nodes shown instead of loading: nothing when signed out (the welcome
   * view explains), one node naming the scope the token lacks.
   */
  protected blockedNodes(): TreeNode[] | undefined {
    const facts = this.deps.session.facts;
    if (!facts) {
      return [];
    }
    const verdict = this.deps.permissions.verdict(`faxplus.view.${this.view}`, facts.scopes);
    if (!verdict.allowed) {
      return [{ kind: 'missingScope', view: this.view, scopes: verdict.wouldPermit[0] ?? [] }];
    }
    return undefined;
  }

  private render(): TreeNode[] {
    const nodes: TreeNode[] = [];
    if (this.failure) {
      nodes.push({ kind: 'error', view: this.view, message: this.failure });
    }
    if (this.items) {
      const shown = this.shownItems(this.items);
      nodes.push(...shown);
      if (shown.length === 0 && !this.failure) {
        nodes.push({ kind: 'empty', view: this.view, message: this.emptyMessage() });
      }
      // "Load more…" under a copy would page from a list not loaded yet.
      if (!this.failure && !this.showingCopy) {
        nodes.push(...this.trailingNodes());
      }
    }
    return nodes;
  }

  private failed(e: unknown): void {
    const kind = kindOf(e);
    if (kind === 'cancelled') {
      return;
    }
    if (kind === 'unauthorized') {
      // Nothing to show here: the client reported the 401 to the session, whose signed-out state brings the one prompt (UnauthorizedPrompt) and resets the views.
      this.deps.errors.show(e, vscode.l10n.t('Loading the Fax.Plus sidebar'));
      return;
    }
    this.failure = this.deps.errors.describe(e);
    this.deps.logger.warn(`Loading faxplus.${this.view} failed: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
}
