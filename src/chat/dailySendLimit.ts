import * as l10n from '@vscode/l10n';

/** The part of a Memento the limit uses (globalState in the extension, a Map in unit tests). */
export interface CounterStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
}

const KEY = 'faxplus.chat.sendsByDay';

/** The local calendar day, as the person counts "today". */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * How many faxes chat may send per day (`faxplus.chat.dailySendLimit`), counted
 * in globalState so that every window and restart shares one count. A send
 * counts once the person approved it, before any upload: an attempt whose
 * outcome is unclear still used its place.
 */
export class DailySendLimit {
  constructor(
    private readonly store: CounterStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  usedToday(): number {
    const value = this.store.get<{ day?: unknown; count?: unknown }>(KEY);
    return value && value.day === localDay(this.now()) && typeof value.count === 'number' ? value.count : 0;
  }

  /** A refusal when today's sends reached `limit`; 0 means chat may not send at all. */
  check(limit: number): { ok: true; left: number } | { ok: false; message: string } {
    const used = this.usedToday();
    if (used < limit) return { ok: true, left: limit - used };
    return {
      ok: false,
      message:
        limit === 0
          ? l10n.t(
              'Not sent: sending from chat is turned off (setting "faxplus.chat.dailySendLimit" is 0). Send it with the command "Send as Fax" instead.',
            )
          : l10n.t(
              'Not sent: chat already sent {0} fax(es) today, the daily limit (setting "faxplus.chat.dailySendLimit"). Send it with the command "Send as Fax", or raise the limit.',
              used,
            ),
    };
  }

  async count(): Promise<void> {
    await this.store.update(KEY, { day: localDay(this.now()), count: this.usedToday() + 1 });
  }
}
