import * as vscode from 'vscode';
import { CancelledError, type FaxPlusError } from '../api/errors';
import { OAuthError } from '../api/oauthClient';
import { EndpointError } from '../config/endpointSettings';
import { OAuthLoopbackError } from './oauthLoopbackServer';
import { SecretStorageUnavailableError } from './secretStore';

/** The loopback port is taken (another sign-in, another program). */
export class RedirectPortBusyError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} on 127.0.0.1 is in use.`);
    this.name = 'RedirectPortBusyError';
  }
}

/** The OAuth tokens were issued but Fax.Plus did not accept them for the API. */
export class OAuthTokenNotAcceptedError extends Error {
  constructor() {
    super('Fax.Plus did not accept the new OAuth access token.');
    this.name = 'OAuthTokenNotAcceptedError';
  }
}

/** A remote window could not forward the loopback port to the same port on this computer. */
export class RemoteRedirectUnreachableError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} could not be forwarded to this computer.`);
    this.name = 'RemoteRedirectUnreachableError';
  }
}

/** The new token could not be checked (network, time-out, 5xx): nothing was stored, the previous sign-in stays. */
export class OAuthTokenCheckFailedError extends Error {
  constructor(readonly reason: FaxPlusError) {
    super(`The new OAuth access token could not be checked: ${reason.name}`);
    this.name = 'OAuthTokenCheckFailedError';
  }
}

/** Automation asked for a sign-in without a client secret, and none is stored for that client id. */
export class MissingClientSecretError extends Error {
  constructor() {
    super('No OAuth client secret was given or stored for this client id.');
    this.name = 'MissingClientSecretError';
  }
}

export function isCancellation(e: unknown): boolean {
  return (
    (e instanceof OAuthLoopbackError && e.kind === 'cancelled') ||
    (e instanceof OAuthError && e.kind === 'cancelled') ||
    e instanceof CancelledError
  );
}

/** True when the client id or secret is what Fax.Plus refused, so a stored secret should go. */
export function isClientRejected(e: unknown): boolean {
  return e instanceof OAuthError && e.code === 'invalid_client';
}

/** One sentence for the user; never contains a secret (the errors never carry one). */
export function describeOAuthSignInFailure(e: unknown): string {
  if (e instanceof RedirectPortBusyError) {
    return vscode.l10n.t(
      'Port {0} on this machine is in use, so the browser cannot return to VS Code. Close what uses it or change the setting faxplus.oauth.redirectPort (and the redirect URI of your OAuth app).',
      e.port,
    );
  }
  if (e instanceof RemoteRedirectUnreachableError) {
    return vscode.l10n.t(
      'In this remote window the browser cannot return to VS Code: port {0} could not be forwarded to the same port on this computer. Sign in with a Personal Access Token instead (it works everywhere), or free port {0} on this computer and try again.',
      e.port,
    );
  }
  if (e instanceof MissingClientSecretError) {
    return vscode.l10n.t('No OAuth client secret is stored for this client id. Pass clientSecret or sign in interactively once.');
  }
  if (e instanceof OAuthTokenNotAcceptedError) {
    return vscode.l10n.t('Fax.Plus issued a token but the API did not accept it. Your previous sign-in is unchanged.');
  }
  if (e instanceof OAuthTokenCheckFailedError) {
    const status = e.reason.status === undefined ? e.reason.name : `HTTP ${e.reason.status}`;
    return vscode.l10n.t(
      'Fax.Plus issued a token, but it could not be checked ({0}): Fax.Plus could not be reached or answered with an error. Your previous sign-in is unchanged. Try again in a moment.',
      status,
    );
  }
  if (e instanceof EndpointError || e instanceof SecretStorageUnavailableError) {
    return e.message;
  }
  if (e instanceof OAuthLoopbackError) {
    switch (e.kind) {
      case 'access-denied':
        return vscode.l10n.t('Sign-in to Fax.Plus was declined in the browser.');
      case 'timeout':
        return vscode.l10n.t('Sign-in to Fax.Plus timed out: the browser did not come back within 5 minutes.');
      case 'cancelled':
        return vscode.l10n.t('Sign-in to Fax.Plus was cancelled.');
      default:
        return vscode.l10n.t('Fax.Plus did not complete the sign-in ({0}).', e.oauthError ?? e.kind);
    }
  }
  if (e instanceof OAuthError) {
    if (isClientRejected(e)) {
      return vscode.l10n.t('Fax.Plus rejected the OAuth client id or client secret. Check both in your OAuth app.');
    }
    switch (e.kind) {
      case 'sign-in-required':
        return vscode.l10n.t('The sign-in code was refused (expired or already used). Sign in again.');
      case 'try-later':
        return vscode.l10n.t('Fax.Plus could not be reached to finish the sign-in ({0}). Check your connection, then try again.', e.code);
      case 'cancelled':
        return vscode.l10n.t('Sign-in to Fax.Plus was cancelled.');
      default:
        return vscode.l10n.t('Fax.Plus refused the sign-in ({0}).', e.code);
    }
  }
  if (e instanceof CancelledError) {
    return vscode.l10n.t('Sign-in to Fax.Plus was cancelled.');
  }
  return vscode.l10n.t('Sign-in to Fax.Plus failed: {0}', e instanceof Error ? e.message : String(e));
}
