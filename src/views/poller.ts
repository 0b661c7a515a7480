/** The timer functions a Poller uses; injected so tests drive time themselves. */
export interface PollTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_TIMERS: PollTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface PollerOptions {
  /** Whether polling may run now (enabled, signed in, view visible, window focused). */
  readonly canRun: () => boolean;
  /** Milliseconds between polls, or undefined when there is nothing to poll for. */
  readonly intervalMs: () => number | undefined;
  /** One poll; a rejection counts as a failure and backs off. */
  readonly tick: () => Promise<void>;
  readonly timers?: PollTimers;
  /** Backoff ceiling (default 10 minutes). */
  readonly maxDelayMs?: number;
}

const TEN_MINUTES = 10 * 60 * 1000;

/**
 * Calls `tick` every interval while `canRun` holds, one call at a time, and
 * doubles the wait after each failure (up to `maxDelayMs`) so a broken
 * network or a rate limit is not hammered. Call `update()` whenever anything
 * `canRun` or `intervalMs` depend on may have changed.
 */
export class Poller {
  private handle: unknown;
  private running = false;
  private failures = 0;
  private disposed = false;
  private readonly timers: PollTimers;
  private readonly maxDelayMs: number;

  constructor(private readonly options: PollerOptions) {
    this.timers = options.timers ?? SYSTEM_TIMERS;
    this.maxDelayMs = options.maxDelayMs ?? TEN_MINUTES;
  }

  /** True while a poll is scheduled (tests and diagnostics). */
  get isScheduled(): boolean {
    return this.handle !== undefined;
  }

  /** The wait before the next poll, counting backoff; undefined when polling would not run. */
  get nextDelayMs(): number | undefined {
    const interval = this.options.intervalMs();
    if (interval === undefined || interval <= 0) {
      return undefined;
    }
    return Math.min(this.maxDelayMs, interval * 2 ** this.failures);
  }

  update(): void {
    if (this.disposed) {
      return;
    }
    const delay = this.options.canRun() ? this.nextDelayMs : undefined;
    if (delay === undefined) {
      this.cancel();
    } else if (!this.isScheduled && !this.running) {
      this.handle = this.timers.setTimeout(() => void this.fire(), delay);
    }
  }

  /** Re-arms the timer with the current interval (after a settings change). */
  restart(): void {
    this.cancel();
    this.update();
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
  }

  private cancel(): void {
    if (this.handle !== undefined) {
      this.timers.clearTimeout(this.handle);
      this.handle = undefined;
    }
  }

  private async fire(): Promise<void> {
    this.handle = undefined;
    if (this.disposed || !this.options.canRun()) {
      return;
    }
    this.running = true;
    try {
      await this.options.tick();
      this.failures = 0;
    } catch {
      this.failures += 1;
    } finally {
      this.running = false;
    }
    this.update();
  }
}
