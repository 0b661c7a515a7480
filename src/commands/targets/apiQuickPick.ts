import * as vscode from 'vscode';
import type { ErrorPresenter } from '../../errors/errorPresenter';

export interface ValueItem<T> extends vscode.QuickPickItem {
  readonly value?: T;
}

export interface ApiQuickPickOptions<T> {
  readonly title: string;
  readonly placeholder: string;
  /** Sentence for the error notification if loading fails, e.g. "Loading faxes". */
  readonly failureAction: string;
  readonly emptyText: string;
  readonly load: (signal: AbortSignal) => Promise<readonly ValueItem<T>[]>;
}

/**
 * A quick pick that opens at once (busy) and fills itself from the API, so the
 * palette can ask for what a command lacks. Closing it cancels the request.
 * Resolves undefined when the person dismisses it.
 */
export function apiQuickPick<T>(errors: ErrorPresenter, options: ApiQuickPickOptions<T>): Promise<T | undefined> {
  const pick = vscode.window.createQuickPick<ValueItem<T>>();
  const controller = new AbortController();
  pick.title = options.title;
  pick.placeholder = options.placeholder;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.busy = true;
  pick.ignoreFocusOut = false;
  return new Promise<T | undefined>((resolve, reject) => {
    let settled = false;
    const finish = (value: T | undefined, error?: unknown) => {
      if (settled) {
        return;
      }
      settled = true;
      controller.abort();
      pick.dispose();
      if (error === undefined) {
        resolve(value);
      } else {
        reject(error);
      }
    };
    pick.onDidAccept(() => {
      const value = pick.selectedItems[0]?.value;
      if (value !== undefined) {
        finish(value);
      }
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
    options.load(controller.signal).then(
      (items) => {
        pick.items = items.length > 0 ? items : [{ label: options.emptyText, alwaysShow: true }];
        pick.busy = false;
      },
      (error) => {
        if (!settled) {
          finish(undefined, errors.show(error, options.failureAction));
        }
      },
    );
  });
}
