import type { Fax, FaxCategory } from '../api/models';

/** Who the other party must be: a contact's numbers, or digits typed (matched anywhere in the number). */
export type PartyFilter =
  | { readonly kind: 'numbers'; readonly label: string; readonly numbers: readonly string[] }
  | { readonly kind: 'digits'; readonly digits: string };

/** What "Find faxes" narrows Inbox or Sent to; every part given must hold. */
export interface FaxFilter {
  readonly party?: PartyFilter;
  /** Inclusive start of the day range (local midnight). */
  readonly since?: Date;
  /** Exclusive end (the midnight after the last day). */
  readonly until?: Date;
  /** Raw statuses; a fax with any of them matches. */
  readonly statuses?: readonly string[];
  readonly unreadOnly?: boolean;
}

export function isFilterEmpty(filter: FaxFilter | undefined): boolean {
  return !filter || (!filter.party && !filter.since && !filter.until && !filter.statuses?.length && !filter.unreadOnly);
}

/**
 * A predicate for one list, prepared once: the numbers become a set of digit
 * strings, so filtering 10,000 loaded faxes does no parsing per fax.
 */
export function faxMatcher(filter: FaxFilter, category: FaxCategory): (fax: Fax) => boolean {
  const numbers = filter.party?.kind === 'numbers' ? new Set(filter.party.numbers.map(digitsOf)) : undefined;
  const digits = filter.party?.kind === 'digits' ? digitsOf(filter.party.digits) : undefined;
  const statuses = filter.statuses?.length ? new Set(filter.statuses) : undefined;
  const since = filter.since?.getTime();
  const until = filter.until?.getTime();
  return (fax) => {
    if (filter.unreadOnly && fax.isRead !== false) return false;
    if (statuses && !statuses.has(fax.status)) return false;
    if (since !== undefined || until !== undefined) {
      const time = fax.startTime?.getTime();
      if (time === undefined || (since !== undefined && time < since) || (until !== undefined && time >= until)) return false;
    }
    if (numbers || digits !== undefined) {
      const party = digitsOf((category === 'sent' ? fax.to : fax.from) ?? '');
      if (numbers && !numbers.has(party)) return false;
      if (digits !== undefined && !party.includes(digits)) return false;
    }
    return true;
  };
}

export function filterFaxes(faxes: readonly Fax[], category: FaxCategory, filter: FaxFilter | undefined): Fax[] {
  if (isFilterEmpty(filter)) return [...faxes];
  const matches = faxMatcher(filter!, category);
  return faxes.filter(matches);
}

function digitsOf(number: string): string {
  return number.replace(/\D/g, '');
}
