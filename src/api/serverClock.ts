import { parseHttpDate } from './dates';

/**
 * The HTTP `Date` header names a whole second; the server's clock was anywhere in it,
 * so the middle of that second is the best guess.
 */
const HALF_SECOND_MS = 500;

/**
 * How far Fax.Plus's clock is from this computer's, learnt from the `Date` header of
 * every answer (RFC 9110 asks it of every origin server). Fax.Plus writes its times in
 * records (submit_time, start_time) on its own clock; a look for "the fax sent a moment
 * ago" must place that moment on the server's clock, or a computer a few minutes off
 * misses it. The latest answer wins: clocks drift and are corrected, and a recent
 * reading is the one that describes the request about to be matched.
 */
export class ServerClock {
  private offset: number | undefined;
  private lastHeader: string | string[] | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  /** Reads one answer's `Date` header (an absent or unreadable one teaches nothing). */
  observe(dateHeader: string | string[] | undefined): void {
    // Every request passes here; the header changes once a second, and a second answer in it teaches nothing new.
    if (dateHeader === undefined || dateHeader === this.lastHeader) {
      return;
    }
    this.lastHeader = dateHeader;
    const server = parseHttpDate(dateHeader);
    if (server) {
      this.offset = server.getTime() + HALF_SECOND_MS - this.now();
    }
  }

  /** Server clock minus ours, in ms; undefined until an answer carried a `Date` header. */
  offsetMs(): number | undefined {
    return this.offset;
  }
}
