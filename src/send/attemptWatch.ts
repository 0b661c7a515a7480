/**
 * After POST /outbox failed without proof either way, the fax may still be
 * created minutes later (a gateway answered 504 while the backend went on).
 * This keeps looking for that one attempt: gently, with back-off, until it
 * is found or the watch ends. No VS Code here, so it is tested on Node.
 */
export interface AttemptWatchOptions<T> {
  /** One look at the Outbox and Sent: what was found, or undefined when nothing yet. Throws when it could not look. */
  look(): Promise<T | undefined>;
  /** Waits `ms`; rejects (or resolves early) when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  now(): number;
  signal: AbortSignal;
  /** Waits between looks; the last one repeats. Default: 5 s, doubling, at most 1 min. */
  delaysMs?: readonly number[];
  /** How long to keep looking, from the start. Default 10 min. */
  totalMs?: number;
}

export type AttemptWatchResult<T> =
  | { readonly kind: 'found'; readonly found: T; readonly looks: number }
  | { readonly kind: 'notFound'; readonly looks: number; readonly failedLooks: number }
  | { readonly kind: 'stopped' };

export const DEFAULT_WATCH_DELAYS_MS: readonly number[] = [5_000, 10_000, 20_000, 40_000, 60_000];
export const DEFAULT_WATCH_TOTAL_MS = 10 * 60_000;

export async function watchForAttempt<T>(options: AttemptWatchOptions<T>): Promise<AttemptWatchResult<T>> {
  const delays = options.delaysMs ?? DEFAULT_WATCH_DELAYS_MS;
  const deadline = options.now() + (options.totalMs ?? DEFAULT_WATCH_TOTAL_MS);
  let looks = 0;
  let failedLooks = 0;
  for (let i = 0; ; i++) {
    const wait = delays[Math.min(i, delays.length - 1)];
    const remaining = deadline - options.now();
    if (remaining <= 0) break;
    try {
      await options.sleep(Math.min(wait, remaining), options.signal);
    } catch (e) {
      if (options.signal.aborted) return { kind: 'stopped' };
      throw e;
    }
    if (options.signal.aborted) return { kind: 'stopped' };
    looks += 1;
    try {
      const found = await options.look();
      if (found !== undefined) return { kind: 'found', found, looks };
    } catch {
      // A look that failed (network, rate limit) proves nothing; the next one is later anyway.
      failedLooks += 1;
    }
    if (options.signal.aborted) return { kind: 'stopped' };
  }
  return { kind: 'notFound', looks, failedLooks };
}
