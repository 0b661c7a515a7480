import { describeInvalidRecipient, describeTooManyRecipients, parseRecipients } from '../send/recipients';
import * as l10n from '@vscode/l10n';
import type { NameLookup } from '../contacts/addressBook';
import { describeUnknownName, readRecipientNames } from '../contacts/recipientNames';
import type { RecipientsCheck } from './prompter';

/** Listing every bad entry of a pasted list of thousands would bury the first ones. */
const LISTED_PROBLEMS = 10;

/**
 * Reads recipients as typed, pasted or passed in `to`: contact names become
 * their numbers (an ambiguous or unknown name is refused), every invalid entry
 * by position and reason, duplicates dropped silently, at most 4,000 numbers.
 */
export function checkRecipients(text: string, defaultRegion: string | undefined, names?: (name: string) => NameLookup): RecipientsCheck {
  const read = names ? readRecipientNames(text, names) : { text, unknown: new Set<string>(), problems: [] };
  if (read.problems.length > 0) return { ok: false, message: read.problems.join(' ') };
  const list = parseRecipients(read.text, { defaultRegion });
  const problems = list.invalid
    .slice(0, LISTED_PROBLEMS)
    .map((entry) => (read.unknown.has(entry.input) ? describeUnknownName(entry.position, entry.input) : describeInvalidRecipient(entry)));
  if (list.invalid.length > LISTED_PROBLEMS) {
    problems.push(l10n.t('… and {0} more invalid entries.', list.invalid.length - LISTED_PROBLEMS));
  }
  if (list.tooMany) problems.push(describeTooManyRecipients(list.tooMany));
  if (problems.length > 0) return { ok: false, message: problems.join(' ') };
  if (list.valid.length === 0) return { ok: false, message: l10n.t('Enter at least one fax number.') };
  return { ok: true, recipients: list.valid };
}
