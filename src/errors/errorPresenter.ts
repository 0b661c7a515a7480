import * as vscode from 'vscode';
import type { AuthSession } from '../auth/authSession';
import type { Logger } from '../logging/outputLogger';
import { scopesThatPermit } from '../api/scopes';
import { UserNotifiedError } from '../util/userNotifiedError';

/** The parts of the API client's typed errors the UI relies on. */
interface ApiErrorShape {
  readonly name?: string;
  readonly status?: number;
  readonly code?: string;
  readonly description?: string;
  readonly permittedScopes?: readonly string[];
  readonly retryAfterMs?: number;
  readonly gatewayPage?: boolean;
  readonly enterpriseHint?: boolean;
}

/**
 * Turns any failure of an API call into one clear notification (or, for 401,
 * the single re-sign-in prompt) and returns a UserNotifiedError for the
 * command to throw. The server has the last word: a 403 shows its description
 * and the scopes that would permit the call, and the token is kept.
 */
export class ErrorPresenter {
  constructor(private readonly session: AuthSession, private readonly logger: Logger) {}

  /** A sentence for the error, also used by tree error nodes. */
  describe(error: unknown): string {
    const e = (error ?? {}) as ApiErrorShape;
    const server = e.description ? ` ${vscode.l10n.t('Fax.Plus says: "{0}"', e.description)}` : '';
    switch (kindOf(error)) {
      case 'unauthorized':
        return vscode.l10n.t('Fax.Plus rejected the token. Sign in again.');
      case 'forbidden': {
        const scopes = e.permittedScopes?.length ? scopesThatPermit(e.permittedScopes).join(vscode.l10n.t(' or ')) : undefined;
        return scopes
          ? vscode.l10n.t('Fax.Plus refused this request: your token needs {0}.', scopes) + server
          : vscode.l10n.t('Fax.Plus refused this request (it may be for account administrators only).') + server;
      }
      case 'tooLarge':
        return vscode.l10n.t('The files are too large for one fax (150 MB in total at most). Send fewer or smaller files.') + server;
      case 'rateLimited':
        return vscode.l10n.t('Fax.Plus asks to slow down. Try again in {0} seconds.', Math.ceil((e.retryAfterMs ?? 60000) / 1000));
      case 'server':
        if (e.gatewayPage) {
          return vscode.l10n.t('Fax.Plus is not reachable right now (HTTP {0} from a gateway in front of it). Try again in a moment.', e.status ?? 502);
        }
        if (e.enterpriseHint) {
          return vscode.l10n.t('Fax.Plus had a problem answering (HTTP {0}). The Fax.Plus API needs an Enterprise plan; accounts without one get this error.', e.status ?? 500) + server;
        }
        return vscode.l10n.t('Fax.Plus had a problem answering (HTTP {0}). Try again in a moment.', e.status ?? 500) + server;
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
    if (kind === 'unauthorized') {
      // The session's change brings up the single re-sign-in prompt (UnauthorizedPrompt).
      this.session.markRejected('unauthorized');
    } else if (kind !== 'cancelled') {
      const showLogs = vscode.l10n.t('Show Logs');
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed. {1}', action, text), showLogs).then((choice) => {
        if (choice === showLogs) {
          void vscode.commands.executeCommand('faxplus.showLogs');
        }
      });
    }
    return new UserNotifiedError(text, error);
  }
}

export type ErrorKind = 'unauthorized' | 'forbidden' | 'tooLarge' | 'rateLimited' | 'server' | 'network' | 'timeout' | 'notFound' | 'protocol' | 'cancelled' | 'other';

export function kindOf(error: unknown): ErrorKind {
  const e = (error ?? {}) as ApiErrorShape;
  const name = e.name ?? '';
  if (/Cancel|Abort/.test(name)) return 'cancelled';
  if (/Timeout/.test(name)) return 'timeout';
  if (/Network/.test(name)) return 'network';
  if (/Protocol/.test(name)) return 'protocol';
  switch (e.status) {
    case 401: return 'unauthorized';
    case 403: return 'forbidden';
    case 404: return 'notFound';
    case 413: return 'tooLarge';
    case 429: return 'rateLimited';
    default: return e.status !== undefined && e.status >= 500 ? 'server' : 'other';
  }
}
