/**
 * Remembers which outbox faxes we have seen, so we notice when one leaves the
 * outbox (sent, failed or cancelled) and can look it up among sent faxes.
 * Ids announced by the send command count as seen even before the outbox
 * lists them: a short fax can pass through between two refreshes.
 */
export class OutboxDepartures {
  private readonly watched = new Set<string>();

  watch(ids: Iterable<string>): void {
    for (const id of ids) {
      this.watched.add(id);
    }
  }

  /** Given the outbox as listed now, returns the watched ids that left it and starts watching the rest. */
  observe(currentIds: Iterable<string>): string[] {
    const current = new Set(currentIds);
    const departed = [...this.watched].filter((id) => !current.has(id));
    for (const id of departed) {
      this.watched.delete(id);
    }
    this.watch(current);
    return departed;
  }

  /** Whether anything is still expected to leave the outbox. */
  get pending(): boolean {
    return this.watched.size > 0;
  }

  clear(): void {
    this.watched.clear();
  }
}
