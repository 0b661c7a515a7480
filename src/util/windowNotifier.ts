import * as vscode from 'vscode';
import type { NoticeAction, NoticeSeverity, Notifier } from './notifier';

/** The Notifier of a real window: VS Code's notifications and modal dialogs. */
export class WindowNotifier implements Notifier {
  async notify(severity: NoticeSeverity, message: string, ...actions: readonly NoticeAction[]): Promise<void> {
    const labels = actions.map((a) => a.label);
    const choice =
      severity === 'error'
        ? await vscode.window.showErrorMessage(message, ...labels)
        : severity === 'warning'
          ? await vscode.window.showWarningMessage(message, ...labels)
          : await vscode.window.showInformationMessage(message, ...labels);
    actions.find((a) => a.label === choice)?.run();
  }

  async ask(message: string, options: { readonly detail?: string }, ...choices: readonly string[]): Promise<string | undefined> {
    return vscode.window.showWarningMessage(message, { modal: true, detail: options.detail }, ...choices);
  }
}
