import * as vscode from 'vscode';
import { Disposable } from '../../util/disposable';

export type TaskProgress = vscode.Progress<{ message?: string; increment?: number }>;

/**
 * Long operations (downloads, resends, opening a fax): each shows a
 * cancellable notification and gets an AbortSignal for the API client. The
 * running ones are tracked so that deactivation (and tests) can cancel them
 * the same way the notification's Cancel button does.
 */
export class RunningTasks extends Disposable {
  private readonly controllers = new Set<AbortController>();

  constructor() {
    super();
    this.register({ dispose: () => this.cancelAll() });
  }

  get size(): number {
    return this.controllers.size;
  }

  /** `linked` (e.g. a viewer tab being closed) also cancels the task. */
  run<T>(title: string, task: (signal: AbortSignal, progress: TaskProgress) => Promise<T>, linked?: AbortSignal): Thenable<T> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      async (progress, cancel) => {
        const controller = new AbortController();
        const abort = () => controller.abort();
        const listener = cancel.onCancellationRequested(abort);
        linked?.addEventListener('abort', abort);
        if (linked?.aborted) {
          abort();
        }
        this.controllers.add(controller);
        try {
          return await task(controller.signal, progress);
        } finally {
          this.controllers.delete(controller);
          listener.dispose();
          linked?.removeEventListener('abort', abort);
        }
      },
    );
  }

  cancelAll(): void {
    for (const controller of this.controllers) {
      controller.abort();
    }
  }
}
