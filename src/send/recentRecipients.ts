/**
 * The slice of `vscode.Memento` (e.g. `context.globalState`) this class needs.
 * `PromiseLike` rather than VS Code's global `Thenable`, which is the same shape but is only
 * declared where the `vscode` types are loaded.
 */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface RecentRecipientsOptions {
  key?: string;
  capacity?: number;
}

export const DEFAULT_RECENT_RECIPIENTS_KEY = 'faxplus.recentRecipients';
export const DEFAULT_RECENT_RECIPIENTS_CAPACITY = 20;

/** The numbers a user faxed lately, most recent first, offered again in the recipient picker. */
export class RecentRecipients {
  private readonly key: string;
  private readonly capacity: number;

  constructor(
    private readonly store: KeyValueStore,
    options: RecentRecipientsOptions = {},
  ) {
    this.key = options.key ?? DEFAULT_RECENT_RECIPIENTS_KEY;
    this.capacity = options.capacity ?? DEFAULT_RECENT_RECIPIENTS_CAPACITY;
  }

  list(): string[] {
    // The stored value outlives this code (and can be edited by hand): keep only strings.
    const stored = this.store.get<unknown>(this.key);
    if (!Array.isArray(stored)) return [];
    return stored.filter((item): item is string => typeof item === 'string' && item.length > 0).slice(0, this.capacity);
  }

  /** Puts these numbers first, in the order given, and drops the oldest beyond the capacity. */
  async remember(e164s: readonly string[]): Promise<void> {
    const merged = [...new Set([...e164s.filter((n) => n.length > 0), ...this.list()])].slice(0, this.capacity);
    await this.store.update(this.key, merged);
  }

  async clear(): Promise<void> {
    // `undefined` removes the key from a Memento instead of storing an empty list forever.
    await this.store.update(this.key, undefined);
  }
}
