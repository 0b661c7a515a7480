import * as vscode from 'vscode';
import { UserNotifiedError } from '../util/userNotifiedError';
import type { NoticeAction, Notifier } from '../util/notifier';
import { commandAction } from '../util/noticeActions';

/**
 * The notifications "Send as fax" shows. They are never awaited: a command
 * driven by automation must settle on its own.
 */
export class SendNotices {
  constructor(private readonly notifier: Notifier) {}

  info(text: string, ...actions: NoticeAction[]): void {
    void this.notifier.notify('info', text, ...actions);
  }

  warn(text: string, ...actions: NoticeAction[]): void {
    void this.notifier.notify('warning', text, ...actions);
  }

  error(text: string, ...actions: NoticeAction[]): void {
    void this.notifier.notify('error', text, ...actions);
  }

  /** Shows the refusal and returns the error for the command to throw (the registry settles it quietly). */
  refuse(text: string, cause?: unknown, ...actions: NoticeAction[]): UserNotifiedError {
    this.error(text, ...actions);
    return new UserNotifiedError(text, cause);
  }

  static showOutbox(): NoticeAction {
    return commandAction(vscode.l10n.t('Show Outbox'), 'faxplus.outbox.focus');
  }
}
