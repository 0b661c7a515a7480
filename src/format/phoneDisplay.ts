import { phoneLibrary } from './phoneLibrary';

/**
 * An E.164 number as people read it (`+1 555 010 0123`). Anything that is not
 * a number we can parse (`no_number`, a user id on free accounts) is shown as
 * the server sent it.
 */
export function phoneDisplay(value: string | undefined): string {
  if (!value) {
    return '';
  }
  const parsed = phoneLibrary().parsePhoneNumberFromString(value);
  return parsed ? parsed.formatInternational() : value;
}

/** The name the person gave a number (their address book), if any; injected so this folder stays free of storage. */
export type NumberOwner = (number: string) => string | undefined;

/**
 * A party as shown everywhere a fax's other end appears: "Dr. Chen — +1 617 555 0199"
 * when the number is in the address book, else the number alone.
 */
export function partyDisplay(value: string | undefined, ownerOf: NumberOwner | undefined): string {
  const number = phoneDisplay(value);
  const name = value ? ownerOf?.(value) : undefined;
  return name ? `${name} — ${number}` : number;
}
