import * as l10n from '@vscode/l10n';
import { parseRecipients } from '../send/recipients';

export type AllowListVerdict = { ok: true } | { ok: false; refused: readonly string[]; message: string };

/**
 * `faxplus.chat.allowedRecipients`: when it lists numbers, chat may fax only
 * those. Entries are read as E.164 (spaces and dashes allowed); an entry that is
 * not a number is ignored and named, so a typo never widens the list.
 */
export class RecipientAllowList {
  readonly numbers: ReadonlySet<string>;
  readonly unreadable: readonly string[];

  constructor(entries: readonly unknown[]) {
    const numbers = new Set<string>();
    const unreadable: string[] = [];
    for (const entry of entries) {
      const parsed = typeof entry === 'string' && entry.trim().startsWith('+') ? parseRecipients(entry) : undefined;
      if (parsed && parsed.valid.length === 1 && parsed.invalid.length === 0) numbers.add(parsed.valid[0]);
      else unreadable.push(String(entry));
    }
    this.numbers = numbers;
    this.unreadable = unreadable;
  }

  /** True when no list is set: every number is allowed (the person still confirms each send). */
  get open(): boolean {
    return this.numbers.size === 0 && this.unreadable.length === 0;
  }

  check(recipients: readonly string[]): AllowListVerdict {
    if (this.open) return { ok: true };
    const refused = recipients.filter((r) => !this.numbers.has(r));
    if (refused.length === 0) return { ok: true };
    return {
      ok: false,
      refused,
      message: l10n.t(
        'Not sent: {0} is not in the setting "faxplus.chat.allowedRecipients". Only the person can add it there (Settings, Fax.Plus, Chat); chat cannot send to other numbers.',
        refused.join(', '),
      ),
    };
  }
}
