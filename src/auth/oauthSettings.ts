import * as vscode from 'vscode';

/** Fax.Plus does not publish a port; any free one works if the OAuth app lists the same redirect URI. */
export const DEFAULT_REDIRECT_PORT = 53682;

/**
 * The OAuth client id and the loopback port, from user settings only. Both are
 * `application`-scoped: a workspace must not be able to pick the client a
 * user's secret is sent with, nor where the browser delivers the code.
 */
export class OAuthSettings {
  clientId(): string | undefined {
    const value = vscode.workspace.getConfiguration('faxplus.oauth').inspect<string>('clientId')?.globalValue;
    return value?.trim() || undefined;
  }

  /** 0 lets the OS choose (only for OAuth apps that accept any loopback port). */
  redirectPort(): number {
    const value = vscode.workspace.getConfiguration('faxplus.oauth').inspect<number>('redirectPort')?.globalValue;
    return isPort(value) ? value : DEFAULT_REDIRECT_PORT;
  }

  async rememberClientId(clientId: string): Promise<void> {
    if (this.clientId() !== clientId) {
      await vscode.workspace.getConfiguration('faxplus.oauth').update('clientId', clientId, vscode.ConfigurationTarget.Global);
    }
  }
}

export function isPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535;
}
