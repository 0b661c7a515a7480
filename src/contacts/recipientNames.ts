import * as l10n from '@vscode/l10n';
import type { NameLookup } from './addressBook';

export interface NamesRead {
  /** The text with each contact name replaced by its number (entry order and count kept). */
  readonly text: string;
  /** Entries with letters that name no contact: passed on as typed, in case they are numbers after all. */
  readonly unknown: ReadonlySet<string>;
  /** One sentence per name that stands for more than one number. */
  readonly problems: readonly string[];
}

/**
 * Reads contact names in a recipients list ("Dr. Chen, +44 20 7946 0958"). An
 * entry is taken for a name when it holds a letter; a name that fits several
 * contacts, or a contact with several fax numbers, is refused rather than guessed.
 */
export function readRecipientNames(text: string, lookUp: (name: string) => NameLookup): NamesRead {
  const unknown = new Set<string>();
  const problems: string[] = [];
  const entries = text
    .split(/[,;\r\n]+/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk.length > 0)
    .map((entry) => {
      if (!/\p{L}/u.test(entry) || /^tel:/i.test(entry)) return entry;
      const found = lookUp(entry);
      if (found.kind === 'number') return found.e164;
      if (found.kind === 'ambiguous') problems.push(found.message);
      else unknown.add(entry);
      return entry;
    });
  return { text: entries.join('\n'), unknown, problems };
}

export function describeUnknownName(position: number, input: string): string {
  return l10n.t(
    'Recipient {0} ("{1}"): no contact has this name, and it is not a fax number. Check the spelling, or add the contact first.',
    position,
    input,
  );
}
