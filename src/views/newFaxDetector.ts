import type { Fax } from '../api/models';

/**
 * Decides which inbox faxes are new since we last looked. The first load is
 * the baseline (nothing in it is "new": the user is looking at it); after
 * that, a fax is new when its id was never seen and it is not older than the
 * newest fax of the previous load (so "Load more" of old pages or a fax moved
 * back from spam does not count as arrival).
 */
export class NewFaxDetector {
  private readonly seen = new Set<string>();
  private newest: number | undefined;
  private baselined = false;

  /** Faxes loaded by a fresh (first-page) load; returns the new ones, newest first. */
  observe(faxes: readonly Fax[]): Fax[] {
    const fresh = faxes.filter((fax) => !this.seen.has(fax.id));
    const arrived = this.baselined
      ? fresh.filter((fax) => this.newest === undefined || (fax.startTime?.getTime() ?? Number.POSITIVE_INFINITY) >= this.newest)
      : [];
    this.remember(faxes);
    this.baselined = true;
    return arrived;
  }

  /** Faxes loaded by "Load more": known from now on, never new. */
  remember(faxes: readonly Fax[]): void {
    for (const fax of faxes) {
      this.seen.add(fax.id);
      const time = fax.startTime?.getTime();
      if (time !== undefined && (this.newest === undefined || time > this.newest)) {
        this.newest = time;
      }
    }
  }

  clear(): void {
    this.seen.clear();
    this.newest = undefined;
    this.baselined = false;
  }
}
