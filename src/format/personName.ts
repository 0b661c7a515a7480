import type { Account } from '../api/models';

/** "First Last", or undefined when the account has no name. */
export function fullName(account: Pick<Account, 'name' | 'lastname'>): string | undefined {
  const name = [account.name, account.lastname].filter(Boolean).join(' ').trim();
  return name || undefined;
}

/** How to call a person in the UI: their name, else their email, else their user id. */
export function personLabel(account: Pick<Account, 'name' | 'lastname' | 'email'> | undefined, uid: string): string {
  return (account && fullName(account)) ?? account?.email ?? uid;
}
