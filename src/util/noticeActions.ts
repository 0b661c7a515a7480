import * as vscode from 'vscode';
import { COMMANDS } from '../manifest/commandIds';
import type { NoticeAction } from './notifier';

/** Buttons that notifications share, written once. */
export function showLogsAction(): NoticeAction {
  return commandAction(vscode.l10n.t('Show Logs'), COMMANDS.showLogs);
}

/** A button that runs a command (one of ours, or a workbench one such as a view's focus command). */
export function commandAction(label: string, command: string, ...args: unknown[]): NoticeAction {
  return { label, run: () => void vscode.commands.executeCommand(command, ...args) };
}

/** A button that opens a web page in the browser. */
export function openUrlAction(label: string, url: string): NoticeAction {
  return { label, run: () => void vscode.env.openExternal(vscode.Uri.parse(url)) };
}
