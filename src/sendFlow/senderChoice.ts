import { NO_NUMBER } from '../api/models';

/**
 * The sender to use when nobody is asked (automation), or to preselect:
 *  - the account has no active number → `no_number`;
 *  - the number used last time, while it is still one of the account's;
 *  - the only number;
 *  - otherwise none: with several numbers a person (or `from`) must choose.
 * `activeNumbers` undefined means the token may not list numbers: then only
 * the number used last time is known.
 */
export function defaultSender(activeNumbers: readonly string[] | undefined, lastUsed: string | undefined): string | undefined {
  if (activeNumbers === undefined) return lastUsed;
  if (activeNumbers.length === 0) return NO_NUMBER;
  if (lastUsed !== undefined && activeNumbers.includes(lastUsed)) return lastUsed;
  return activeNumbers.length === 1 ? activeNumbers[0] : undefined;
}
