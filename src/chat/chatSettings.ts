import * as vscode from 'vscode';

export const DAILY_LIMIT_DEFAULT = 10;

/**
 * The `faxplus.chat.*` settings. All are application-scoped, and read from the
 * user's own settings only (`globalValue`): a workspace's settings file must not
 * be able to turn off the approval, widen the allow-list or raise the limit.
 */
export class ChatSettings {
  private user<T>(key: string): T | undefined {
    return vscode.workspace.getConfiguration('faxplus.chat').inspect<T>(key)?.globalValue;
  }

  confirmSends(): boolean {
    return this.user<unknown>('confirmSends') !== false;
  }

  allowedRecipients(): readonly unknown[] {
    const value = this.user<unknown>('allowedRecipients');
    return Array.isArray(value) ? value : [];
  }

  dailySendLimit(): number {
    const value = this.user<unknown>('dailySendLimit');
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : DAILY_LIMIT_DEFAULT;
  }
}
