import * as vscode from 'vscode';
import { daysLeft, type TokenFacts } from './tokenFacts';

/** One human sentence about a token: account, name, preview, scopes, expiry. */
export function describeFacts(facts: TokenFacts, now: number): string {
  const parts: string[] = [];
  if (facts.account?.email) {
    parts.push(vscode.l10n.t('Account: {0}.', facts.account.email));
  }
  if (facts.scopesUnknown) {
    parts.push(
      facts.kind === 'oauth'
        ? vscode.l10n.t('Signed in with OAuth.')
        : vscode.l10n.t('Signed in with a personal access token.'),
    );
    parts.push(vscode.l10n.t('Its scopes could not be read (Fax.Plus does not answer GET /auth/token here), so every command is offered and Fax.Plus decides what is allowed.'));
  } else if (facts.kind === 'oauth') {
    parts.push(vscode.l10n.t('Signed in with OAuth (all permissions).'));
  } else {
    parts.push(vscode.l10n.t('Token "{0}" ({1}).', facts.tokenName ?? '', facts.preview ?? ''));
    parts.push(vscode.l10n.t('Scopes: {0}.', facts.scopes.join(', ') || vscode.l10n.t('none')));
  }
  const days = daysLeft(facts, now);
  if (days !== undefined) {
    parts.push(days < 0 ? vscode.l10n.t('Expired.') : days === 1 ? vscode.l10n.t('Expires within a day.') : vscode.l10n.t('Expires in {0} days.', days));
  }
  if (facts.source === 'environment') {
    parts.push(vscode.l10n.t('From the FAXPLUS_TOKEN environment variable (not stored).'));
  }
  return parts.join(' ');
}
