import * as vscode from 'vscode';
import { abortSignalOf } from '../util/abortSignal';

export interface SendProgress {
  /** `increment` is in percent of the whole task, as in `vscode.Progress`. */
  report(message: string, increment?: number): void;
}

/** Shows a long task with a Cancel button; the signal fires when the person cancels. */
export interface ProgressUi {
  run<T>(title: string, task: (progress: SendProgress, signal: AbortSignal) => Promise<T>): Promise<T>;
}

export class NotificationProgressUi implements ProgressUi {
  run<T>(title: string, task: (progress: SendProgress, signal: AbortSignal) => Promise<T>): Promise<T> {
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) =>
        task({ report: (message, increment) => progress.report({ message, increment }) }, abortSignalOf(token)),
      ),
    );
  }
}
