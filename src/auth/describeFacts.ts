import * as vscode from 'vscode';
import { daysLeft, type AccountFacts, type TokenFacts } from './tokenFacts';

/** One human sentence about a token: the person, name, preview, scopes, expiry. */
export function describeFacts(facts: TokenFacts, now: number): string {
  const parts: string[] = [...describeAccount(facts)];
  if (facts.scopesUnknown) {
    parts.push(facts.kind === 'oauth' ? vscode.l10n.t('Signed in with OAuth.') : vscode.l10n.t('Signed in with a personal access token.'));
    parts.push(
      vscode.l10n.t(
        'Its scopes could not be read (Fax.Plus does not answer GET /auth/token here), so every command is offered and Fax.Plus decides what is allowed.',
      ),
    );
  } else if (facts.kind === 'oauth') {
    parts.push(vscode.l10n.t('Signed in with OAuth (all permissions).'));
  } else {
    parts.push(vscode.l10n.t('Token "{0}" ({1}).', facts.tokenName ?? '', facts.preview ?? ''));
    parts.push(vscode.l10n.t('Scopes: {0}.', facts.scopes.join(', ') || vscode.l10n.t('none')));
  }
  const days = daysLeft(facts, now);
  if (days !== undefined) {
    parts.push(
      days < 0
        ? vscode.l10n.t('Expired.')
        : days === 1
          ? vscode.l10n.t('Expires within a day.')
          : vscode.l10n.t('Expires in {0} days.', days),
    );
  }
  if (facts.source === 'environment') {
    parts.push(vscode.l10n.t('From the FAXPLUS_TOKEN environment variable (not stored).'));
  }
  return parts.join(' ');
}

/**
 * The signed-in person's details (GET /accounts/self, which needs
 * fax:user:read): name, email, phone, company; or why they are not known.
 */
export function describeAccount(facts: TokenFacts): string[] {
  const account: AccountFacts | undefined = facts.account;
  if (!account) {
    return [vscode.l10n.t('Your account details are not shown: the token needs the scope fax:user:read to read them.')];
  }
  const who = [account.name, account.email && (account.name ? `<${account.email}>` : account.email)].filter(Boolean).join(' ');
  return [
    vscode.l10n.t('Account: {0}.', who || account.uid),
    account.phone ? vscode.l10n.t('Phone: {0}.', account.phone) : undefined,
    account.company ? vscode.l10n.t('Company: {0}.', account.company) : undefined,
  ].filter((p): p is string => p !== undefined);
}
