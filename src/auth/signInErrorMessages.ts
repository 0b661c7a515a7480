import * as vscode from 'vscode';
import { INTEGRATIONS_PAGE_URL } from '../config/endpoints';
import { EndpointError } from '../config/endpointSettings';
import { SecretStorageUnavailableError } from './secretStore';
import { ExpiredTokenError } from './tokenValidator';
import { COMMANDS } from '../manifest/commandIds';

export interface MessageAction {
  readonly label: string;
  run(): void;
}

export interface UserMessage {
  readonly text: string;
  readonly actions: readonly MessageAction[];
}

export const KEYRING_HELP_URL = 'https://code.visualstudio.com/docs/configure/settings-sync#_troubleshooting-keychain-issues';
const ENTERPRISE_URL = 'https://www.fax.plus/pricing';

/** Distinct, actionable words for each way signing in can fail. */
export class SignInErrorMessages {
  describe(e: unknown): UserMessage {
    const open = (label: string, url: string): MessageAction => ({ label, run: () => void vscode.env.openExternal(vscode.Uri.parse(url)) });
    const createToken = open(vscode.l10n.t('Create a Token'), INTEGRATIONS_PAGE_URL);
    const showLogs: MessageAction = { label: vscode.l10n.t('Show Logs'), run: () => void vscode.commands.executeCommand(COMMANDS.showLogs) };
    if (e instanceof ExpiredTokenError) {
      return {
        text: vscode.l10n.t('This token expired on {0}. Create a new token on Fax.Plus and sign in with it.', new Date(e.expiresAt).toLocaleDateString(vscode.env.language)),
        actions: [createToken],
      };
    }
    if (e instanceof SecretStorageUnavailableError) {
      return {
        text: vscode.l10n.t("VS Code's secret storage (the operating system keyring) is not available, so the token was not saved anywhere. Set up a keyring and try again."),
        actions: [open(vscode.l10n.t('Keyring Help'), KEYRING_HELP_URL)],
      };
    }
    if (e instanceof EndpointError) {
      return {
        text: e.message,
        actions: [{ label: vscode.l10n.t('Open Settings'), run: () => void vscode.commands.executeCommand('workbench.action.openSettings', e.setting) }],
      };
    }
    const status = (e as { status?: number } | undefined)?.status;
    const name = e instanceof Error ? e.name : '';
    if (status === 401 && /expir/i.test(`${(e as { description?: string }).description ?? ''}`)) {
      return {
        text: vscode.l10n.t('This token has expired. Create a new token on Fax.Plus and sign in with it.'),
        actions: [createToken],
      };
    }
    if (status === 401) {
      return {
        text: vscode.l10n.t('Fax.Plus rejected this token: it is wrong, revoked or expired. Copy it again from Fax.Plus → Integrations, or create a new one.'),
        actions: [createToken],
      };
    }
    if (status === 403) {
      return {
        text: vscode.l10n.t('This Fax.Plus account cannot use the API. The Fax.Plus API is available on Enterprise plans; ask your administrator or upgrade.'),
        actions: [open(vscode.l10n.t('Fax.Plus Plans'), ENTERPRISE_URL)],
      };
    }
    if ((e as { enterpriseHint?: boolean } | undefined)?.enterpriseHint) {
      return {
        text: vscode.l10n.t('Fax.Plus answered with a server error (HTTP {0}). The Fax.Plus API is available on Enterprise plans only, and other accounts get this error; check your plan, or try again later.', status ?? 500),
        actions: [open(vscode.l10n.t('Fax.Plus Plans'), ENTERPRISE_URL), showLogs],
      };
    }
    if ((e as { gatewayPage?: boolean } | undefined)?.gatewayPage) {
      return {
        text: vscode.l10n.t('Fax.Plus is not reachable right now (HTTP {0} from a gateway in front of it). Nothing was stored; try again in a moment.', status ?? 502),
        actions: [showLogs],
      };
    }
    if (/Network|Timeout/.test(name)) {
      return {
        text: vscode.l10n.t('Fax.Plus could not be reached. Check your internet connection and proxy settings (http.proxy), then try again.'),
        actions: [showLogs],
      };
    }
    if (name === 'CancelledError' || name === 'AbortError') {
      return { text: vscode.l10n.t('Signing in was cancelled. Nothing was stored.'), actions: [] };
    }
    return {
      text: vscode.l10n.t('Signing in to Fax.Plus failed: {0}', e instanceof Error ? e.message : String(e)),
      actions: [showLogs],
    };
  }
}
