/**
 * Operations a `lateCommit` fault postponed: the client was already answered
 * with a gateway error (or a reset), and the backend commits later — the case
 * that makes "no fax was created" a lie. Timers run in REAL time
 * (`commitAfterMs`), not on the emulator clock, so a test waits for them the
 * way a person would; reset() and stop() drop the ones still pending.
 */
export class LateCommits {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly committedEmitter: (() => void)[] = [];
  private count = 0;

  /** How many postponed operations have run so far. */
  get committed(): number {
    return this.count;
  }

  get pending(): number {
    return this.timers.size;
  }

  schedule(afterMs: number, commit: () => Promise<unknown> | unknown): void {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        void Promise.resolve()
          .then(commit)
          .catch(() => undefined) // the backend failing later is as silent as it would be for real
          .finally(() => {
            this.count += 1;
            this.committedEmitter.splice(0).forEach((resolve) => resolve());
          });
      },
      Math.max(0, afterMs),
    );
    timer.unref();
    this.timers.add(timer);
  }

  /** Resolves after the next postponed operation ran (tests wait on this instead of sleeping). */
  next(): Promise<void> {
    return new Promise((resolve) => this.committedEmitter.push(resolve));
  }

  clear(): void {
    for (const t of this.timers) {
      clearTimeout(t);
    }
    this.timers.clear();
  }
}
