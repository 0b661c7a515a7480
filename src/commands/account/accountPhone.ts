import { phoneLibrary } from '../../format/phoneLibrary';

/** A phone number typed for the account, as E.164; undefined when it is not a valid international number. */
export function accountPhone(text: string): string | undefined {
  const phone = phoneLibrary().parsePhoneNumberFromString(text.trim().replace(/^00(?=[1-9])/, '+'));
  return phone?.isValid() ? phone.number : undefined;
}
