import type * as vscode from 'vscode';

/** Whether background work (the balance, polls) may call the API now, and when that may have changed. */
export interface BackgroundActivity {
  readonly active: boolean;
  readonly onDidChange: vscode.Event<void>;
}
