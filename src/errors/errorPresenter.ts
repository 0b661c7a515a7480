import * as vscode from 'vscode';
import {
  CancelledError,
  FaxPlusError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  PayloadTooLargeError,
  ProtocolError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
} from '../api/errors';
import type { Logger } from '../api/logger';
import { scopesThatPermit } from '../api/scopes';
import { UserNotifiedError } from '../util/userNotifiedError';
import type { Notifier } from '../util/notifier';
import { showLogsAction } from '../util/noticeActions';

/**
 * Turns any failure of an API call into one clear notification and returns a
 * UserNotifiedError for the command to throw. A 401 shows nothing here: the
 * session marked itself signed out when the client reported it
 * (AuthSession.onUnauthorized), and that state brings the single re-sign-in
 * prompt. The server has the last word: a 403 shows its description and the
 * scopes that would permit the call, and the token is kept.
 */
export class ErrorPresenter {
  constructor(
    private readonly logger: Logger,
    private readonly notifier: Notifier,
  ) {}

  /** A sentence for the error, also used by tree error nodes. */
  describe(error: unknown): string {
    const server = error instanceof FaxPlusError && error.description ? ` ${vscode.l10n.t('Fax.Plus says: "{0}"', error.description)}` : '';
    switch (kindOf(error)) {
      case 'unauthorized':
        return vscode.l10n.t('Fax.Plus rejected the token. Sign in again.');
      case 'forbidden': {
        const permitted = error instanceof ForbiddenError ? error.permittedScopes : undefined;
        const scopes = permitted?.length ? scopesThatPermit(permitted).join(vscode.l10n.t(' or ')) : undefined;
        return scopes
          ? vscode.l10n.t('Fax.Plus refused this request: your token needs {0}.', scopes) + server
          : vscode.l10n.t('Fax.Plus refused this request (it may be for account administrators only).') + server;
      }
      case 'tooLarge':
        return vscode.l10n.t('The files are too large for one fax (150 MB in total at most). Send fewer or smaller files.') + server;
      case 'rateLimited':
        return vscode.l10n.t(
          'Fax.Plus asks to slow down. Try again in {0} seconds.',
          Math.ceil(((error instanceof RateLimitedError ? error.retryAfterMs : undefined) ?? 60000) / 1000),
        );
      case 'server':
        if (error instanceof ServerError && error.gatewayPage) {
          return vscode.l10n.t(
            'Fax.Plus is not reachable right now (HTTP {0} from a gateway in front of it). Try again in a moment.',
            error.status ?? 502,
          );
        }
        if (error instanceof ServerError && error.enterpriseHint) {
          return (
            vscode.l10n.t(
              'Fax.Plus had a problem answering (HTTP {0}). The Fax.Plus API needs an Enterprise plan; accounts without one get this error.',
              error.status ?? 500,
            ) + server
          );
        }
        return (
          vscode.l10n.t(
            'Fax.Plus had a problem answering (HTTP {0}). Try again in a moment.',
            (error instanceof FaxPlusError ? error.status : undefined) ?? 500,
          ) + server
        );
      case 'network':
        return vscode.l10n.t('Fax.Plus could not be reached. Check your connection and proxy settings, then retry.');
      case 'timeout':
        return vscode.l10n.t('Fax.Plus did not answer in time. Check your connection, then retry.');
      case 'notFound':
        return vscode.l10n.t('Fax.Plus no longer has this item. Refresh the view.') + server;
      case 'protocol':
        return vscode.l10n.t('Fax.Plus answered with something unexpected. Details are in the log.');
      case 'cancelled':
        return vscode.l10n.t('Cancelled.');
      default:
        return (error instanceof Error ? error.message : String(error)) + server;
    }
  }

  /** Shows the error (without waiting for the user) and returns the error to throw. */
  show(error: unknown, action: string): UserNotifiedError {
    if (error instanceof UserNotifiedError) {
      return error;
    }
    const kind = kindOf(error);
    const text = this.describe(error);
    this.logger.warn(`${action}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    if (kind !== 'unauthorized' && kind !== 'cancelled') {
      void this.notifier.notify('error', vscode.l10n.t('{0} failed. {1}', action, text), showLogsAction());
    }
    return new UserNotifiedError(text, error);
  }
}

export type ErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'tooLarge'
  | 'rateLimited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'notFound'
  | 'protocol'
  | 'cancelled'
  | 'other';

/** Classifies by the API client's error classes (src/api/errors.ts); anything else is 'other'. */
export function kindOf(error: unknown): ErrorKind {
  // AbortError: the platform's name for an aborted fetch or stream, not a class we own.
  if (error instanceof CancelledError || (error instanceof Error && error.name === 'AbortError')) return 'cancelled';
  if (error instanceof TimeoutError) return 'timeout';
  if (error instanceof NetworkError) return 'network';
  if (error instanceof ProtocolError) return 'protocol';
  if (error instanceof UnauthorizedError) return 'unauthorized';
  if (error instanceof ForbiddenError) return 'forbidden';
  if (error instanceof NotFoundError) return 'notFound';
  if (error instanceof PayloadTooLargeError) return 'tooLarge';
  if (error instanceof RateLimitedError) return 'rateLimited';
  if (error instanceof ServerError) return 'server';
  return 'other';
}
