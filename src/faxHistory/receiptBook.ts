import * as vscode from 'vscode';
import type { Logger } from '../api/logger';
import type { Receipt } from '../receipts/receipt';
import type { ReceiptStore } from '../receipts/receiptStore';
import { Disposable } from '../util/disposable';
import type { ReceiptFolders } from './receiptFolders';

/** A receipt and the folder it lives in (its report files are next to it). */
export interface StoredReceipt {
  readonly receipt: Receipt;
  readonly store: ReceiptStore;
}

/**
 * Every receipt this window knows, read once from every receipt folder and
 * kept up to date as receipts are written. Writes run one after another, so
 * a settle that follows a send closely never overwrites the send's receipt.
 */
export class ReceiptBook extends Disposable {
  private readonly byId = new Map<string, StoredReceipt>();
  private loading: Promise<void> | undefined;
  /** Receipts by the URI of each document they name; rebuilt after a change (the explorer asks per file). */
  private bySource: Map<string, Receipt[]> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly changedEmitter = this.register(new vscode.EventEmitter<StoredReceipt | undefined>());
  /** A receipt was written (undefined: everything was re-read). */
  readonly onDidChange = this.changedEmitter.event;

  constructor(
    private readonly folders: ReceiptFolders,
    private readonly logger: Logger,
  ) {
    super();
    // Another workspace folder (or another setting) may bring other receipts.
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('faxplus.receipts.location')) this.reload();
      }),
    );
  }

  async all(): Promise<StoredReceipt[]> {
    await this.load();
    return [...this.byId.values()];
  }

  /** The receipts naming this document URI (in no particular order). */
  async naming(sourceUri: string): Promise<readonly Receipt[]> {
    await this.load();
    if (!this.bySource) {
      this.bySource = new Map();
      for (const { receipt } of this.byId.values()) {
        for (const uri of new Set(receipt.documents.map((d) => d.sourceUri))) {
          const list = this.bySource.get(uri) ?? [];
          list.push(receipt);
          this.bySource.set(uri, list);
        }
      }
    }
    return this.bySource.get(sourceUri) ?? [];
  }

  reload(): void {
    this.loading = undefined;
    void this.load().then(() => this.changedEmitter.fire(undefined));
  }

  /** Saves a new receipt in `store`. */
  record(store: ReceiptStore, receipt: Receipt): Promise<StoredReceipt> {
    return this.enqueue(async () => {
      await this.load();
      await store.save(receipt);
      return this.remember({ receipt, store });
    });
  }

  /**
   * Applies `update` to the receipt holding the destination with this outbox id and saves it;
   * undefined when no receipt holds it (a fax sent without one: receipts off, or another window).
   */
  updateByOutboxId(
    outboxId: string,
    update: (receipt: Receipt, store: ReceiptStore) => Promise<Receipt> | Receipt,
  ): Promise<StoredReceipt | undefined> {
    return this.enqueue(async () => {
      await this.load();
      const found = [...this.byId.values()].find((s) => s.receipt.destinations.some((d) => d.outboxId === outboxId));
      if (!found) return undefined;
      const receipt = await update(found.receipt, found.store);
      if (receipt === found.receipt) return found;
      await found.store.save(receipt);
      return this.remember({ receipt, store: found.store });
    });
  }

  private remember(stored: StoredReceipt): StoredReceipt {
    this.byId.set(stored.receipt.id, stored);
    this.bySource = undefined;
    this.changedEmitter.fire(stored);
    return stored;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private load(): Promise<void> {
    this.loading ??= (async () => {
      const found = new Map<string, StoredReceipt>();
      for (const store of this.folders.allStores()) {
        try {
          const { receipts, problems } = await store.list();
          for (const receipt of receipts) found.set(receipt.id, { receipt, store });
          for (const problem of problems) this.logger.warn(`Receipts: skipped ${problem}`);
        } catch (e) {
          this.logger.warn(`Receipts: cannot read ${store.folder}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      // Receipts written while reading stay: they are newer than what was read.
      for (const [id, stored] of this.byId) if (!found.has(id)) found.set(id, stored);
      this.byId.clear();
      for (const [id, stored] of found) this.byId.set(id, stored);
      this.bySource = undefined;
    })();
    return this.loading;
  }
}
