import type { CallOptions } from './apiExecutor';
import type { Fax, FaxCategory, ListFaxesQuery } from './models';

export interface IterateFaxesOptions extends CallOptions {
  readonly category: FaxCategory;
  /** Records per request; clamped to 1..1000. */
  readonly pageSize: number;
  readonly after?: Date;
  readonly before?: Date;
  readonly userId?: string;
}

export type ListFaxesPage = (query: ListFaxesQuery, options: CallOptions) => Promise<Fax[]>;

const SECOND = 1000;
const MAX_PAGE = 1000;

/**
 * Pages through a fax category by moving the `before` bound of the date
 * window. The API has no cursor, `before` is exclusive and dates have
 * one-second resolution, so records sharing the oldest second of a page would
 * be lost by `before = oldest`. We ask again with `oldest + 1s` and drop ids
 * already seen; if a whole page brings nothing new (more records in that one
 * second than a page holds) we step past the second, trading those records
 * for guaranteed progress. Each yielded page holds only ids not yielded before.
 */
export async function* iterateFaxPages(list: ListFaxesPage, options: IterateFaxesOptions): AsyncGenerator<Fax[]> {
  const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(options.pageSize)));
  /** id → start time of the records yielded that may come back in a later window. */
  const seen = new Map<string, number>();
  let before = options.before;
  for (;;) {
    const page = await list(
      { category: options.category, after: options.after, before, limit, userId: options.userId },
      { signal: options.signal },
    );
    const fresh = page.filter((fax) => !seen.has(fax.id));
    for (const fax of fresh) {
      seen.set(fax.id, fax.startTime?.getTime() ?? Number.NEGATIVE_INFINITY);
    }
    if (fresh.length > 0) {
      yield fresh;
    }
    // Fewer records than asked for: the window is exhausted.
    if (page.length < limit) {
      return;
    }
    const times = page.map((fax) => fax.startTime?.getTime()).filter((t): t is number => t !== undefined);
    if (times.length === 0) {
      return; // No dates to move the window with.
    }
    const oldestSecond = Math.floor(Math.min(...times) / SECOND) * SECOND;
    const next = fresh.length > 0 ? oldestSecond + SECOND : oldestSecond;
    // The window must shrink or bring something new; otherwise force it to shrink.
    before = new Date(before !== undefined && next > before.getTime() ? oldestSecond : next);
    const keepFrom = before.getTime() - SECOND;
    for (const [id, time] of seen) {
      if (time < keepFrom) {
        seen.delete(id);
      }
    }
  }
}
