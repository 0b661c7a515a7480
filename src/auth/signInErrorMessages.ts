import * as vscode from 'vscode';
import {
  CancelledError,
  ForbiddenError,
  NetworkError,
  ServerError,
  TimeoutError,
  TokenExpiredError,
  UnauthorizedError,
} from '../api/errors';
import { INTEGRATIONS_PAGE_URL } from '../config/endpoints';
import { EndpointError } from '../config/endpointSettings';
import { SecretStorageUnavailableError } from './secretStore';
import { ExpiredTokenError } from './tokenValidator';
import type { UserMessage } from '../util/notifier';
import { commandAction, openUrlAction, showLogsAction } from '../util/noticeActions';

export const KEYRING_HELP_URL = 'https://code.visualstudio.com/docs/configure/settings-sync#_troubleshooting-keychain-issues';
const ENTERPRISE_URL = 'https://www.fax.plus/pricing';

/** Distinct, actionable words for each way signing in can fail. */
export class SignInErrorMessages {
  describe(e: unknown): UserMessage {
    const open = openUrlAction;
    const createToken = open(vscode.l10n.t('Create a Token'), INTEGRATIONS_PAGE_URL);
    const showLogs = showLogsAction();
    if (e instanceof ExpiredTokenError) {
      return {
        text: vscode.l10n.t(
          'This token expired on {0}. Create a new token on Fax.Plus and sign in with it.',
          new Date(e.expiresAt).toLocaleDateString(vscode.env.language),
        ),
        actions: [createToken],
      };
    }
    if (e instanceof SecretStorageUnavailableError) {
      return {
        text: vscode.l10n.t(
          "VS Code's secret storage (the operating system keyring) is not available, so the token was not saved anywhere. Set up a keyring and try again.",
        ),
        actions: [open(vscode.l10n.t('Keyring Help'), KEYRING_HELP_URL)],
      };
    }
    if (e instanceof EndpointError) {
      return {
        text: e.message,
        actions: [commandAction(vscode.l10n.t('Open Settings'), 'workbench.action.openSettings', e.setting)],
      };
    }
    if (e instanceof TokenExpiredError) {
      return {
        text: vscode.l10n.t('This token has expired. Create a new token on Fax.Plus and sign in with it.'),
        actions: [createToken],
      };
    }
    if (e instanceof UnauthorizedError) {
      return {
        text: vscode.l10n.t(
          'Fax.Plus rejected this token: it is wrong, revoked or expired. Copy it again from Fax.Plus → Integrations, or create a new one.',
        ),
        actions: [createToken],
      };
    }
    if (e instanceof ForbiddenError) {
      return {
        text: vscode.l10n.t(
          'This Fax.Plus account cannot use the API. The Fax.Plus API is available on Enterprise plans; ask your administrator or upgrade.',
        ),
        actions: [open(vscode.l10n.t('Fax.Plus Plans'), ENTERPRISE_URL)],
      };
    }
    if (e instanceof ServerError && e.enterpriseHint) {
      return {
        text: vscode.l10n.t(
          'Fax.Plus answered with a server error (HTTP {0}). The Fax.Plus API is available on Enterprise plans only, and other accounts get this error; check your plan, or try again later.',
          e.status ?? 500,
        ),
        actions: [open(vscode.l10n.t('Fax.Plus Plans'), ENTERPRISE_URL), showLogs],
      };
    }
    if (e instanceof ServerError && e.gatewayPage) {
      return {
        text: vscode.l10n.t(
          'Fax.Plus is not reachable right now (HTTP {0} from a gateway in front of it). Nothing was stored; try again in a moment.',
          e.status ?? 502,
        ),
        actions: [showLogs],
      };
    }
    if (e instanceof NetworkError || e instanceof TimeoutError) {
      return {
        text: vscode.l10n.t(
          'Fax.Plus could not be reached. Check your internet connection and proxy settings (http.proxy), then try again.',
        ),
        actions: [showLogs],
      };
    }
    // AbortError: the platform's aborted fetch, which has no class of its own.
    if (e instanceof CancelledError || (e instanceof Error && e.name === 'AbortError')) {
      return { text: vscode.l10n.t('Signing in was cancelled. Nothing was stored.'), actions: [] };
    }
    return {
      text: vscode.l10n.t('Signing in to Fax.Plus failed: {0}', e instanceof Error ? e.message : String(e)),
      actions: [showLogs],
    };
  }
}
