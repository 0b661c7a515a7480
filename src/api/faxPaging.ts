import type { CallOptions } from './apiExecutor';
import type { Fax, FaxCategory, ListFaxesQuery } from './models';

/** What paging learnt about the server; shared with a view so a poll can judge a short page. */
export interface PagingFacts {
  /** The largest page the server actually returned (its effective `limit` cap); 0 until a page came. */
  largestPage: number;
  /** Whether the server was seen returning records oldest first. */
  ascending?: boolean;
}

export interface IterateFaxesOptions extends CallOptions {
  readonly category: FaxCategory;
  /** Records per request; clamped to 1..1000. */
  readonly pageSize: number;
  readonly after?: Date;
  readonly before?: Date;
  readonly userId?: string;
  /** Updated as pages arrive (see PagingFacts). */
  readonly facts?: PagingFacts;
}

export type ListFaxesPage = (query: ListFaxesQuery, options: CallOptions) => Promise<Fax[]>;

const SECOND = 1000;
const MAX_PAGE = 1000;
/** Pages in a row that bring nothing new before we give up on the window. */
const MAX_STALE_PAGES = 3;

const timeOf = (fax: Fax): number | undefined => fax.startTime?.getTime();
const newestFirst = (a: Fax, b: Fax): number => (timeOf(b) ?? Number.NEGATIVE_INFINITY) - (timeOf(a) ?? Number.NEGATIVE_INFINITY);

/**
 * Pages through a fax category by moving the date window. No source states
 * the server's sort order, whether `before`/`after` are inclusive, its
 * largest `limit`, or that a short page is the last, so: each page is sorted
 * locally (newest first); the order is detected from the raw page and an
 * ascending server is paged by moving `after` up instead of `before` down;
 * the window is re-asked one second wide of the boundary (works for both
 * inclusive and exclusive bounds) and ids already seen are dropped; a short
 * page is not the end — only an empty page, or pages that bring nothing new
 * even after the window was forced to move, are. Each yielded page holds only
 * ids not yielded before.
 */
export async function* iterateFaxPages(list: ListFaxesPage, options: IterateFaxesOptions): AsyncGenerator<Fax[]> {
  const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(options.pageSize)));
  const facts = options.facts ?? { largestPage: 0 };
  /** id → start time of the records yielded that may come back in a later window. */
  const seen = new Map<string, number>();
  let before = options.before;
  let after = options.after;
  let stale = 0;
  for (;;) {
    const page = await list({ category: options.category, after, before, limit, userId: options.userId }, { signal: options.signal });
    if (page.length === 0) {
      return;
    }
    const largestBefore = facts.largestPage;
    facts.largestPage = Math.max(facts.largestPage, page.length);
    const times = page.map(timeOf).filter((t): t is number => t !== undefined);
    if (facts.ascending === undefined && times.length >= 2 && times[0] !== times[times.length - 1]) {
      facts.ascending = times[0] < times[times.length - 1];
    }
    const fresh = page.filter((fax) => !seen.has(fax.id));
    for (const fax of fresh) {
      seen.set(fax.id, timeOf(fax) ?? Number.NEGATIVE_INFINITY);
    }
    if (fresh.length > 0) {
      stale = 0;
      yield fresh.sort(newestFirst);
    } else if (++stale >= MAX_STALE_PAGES) {
      return; // The window moved and still nothing new: give up rather than loop.
    }
    if (times.length === 0) {
      return; // No dates to move the window with.
    }
    // Shorter than asked and than any page the server ever sent: the window was answered in
    // full, so its boundary second need not be asked again (a capped server never gets here).
    const whole = page.length < limit && page.length < largestBefore;
    const reask = fresh.length > 0 && !whole;
    if (facts.ascending) {
      // Oldest first: move `after` up. Re-ask the newest second (an exclusive `after` would skip it).
      const newestSecond = Math.floor(Math.max(...times) / SECOND) * SECOND;
      let next = reask ? newestSecond - SECOND : newestSecond + Math.max(stale - 1, whole ? 1 : 0) * SECOND;
      if (after !== undefined && next <= after.getTime()) {
        next = after.getTime() + SECOND; // The window must move.
      }
      after = new Date(next);
      prune(seen, (time) => time < next);
    } else {
      // Newest first: move `before` down. Re-ask the oldest second (an exclusive `before` would skip it).
      const oldestSecond = Math.floor(Math.min(...times) / SECOND) * SECOND;
      let next = reask ? oldestSecond + SECOND : oldestSecond - Math.max(stale - 1, 0) * SECOND;
      if (before !== undefined && next >= before.getTime()) {
        next = before.getTime() - SECOND; // The window must move.
      }
      before = new Date(next);
      prune(seen, (time) => time > next + SECOND);
    }
  }
}

/** Forgets ids that the next window can no longer return. */
function prune(seen: Map<string, number>, outside: (time: number) => boolean): void {
  for (const [id, time] of seen) {
    if (outside(time)) {
      seen.delete(id);
    }
  }
}
