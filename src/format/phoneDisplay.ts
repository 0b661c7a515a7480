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
