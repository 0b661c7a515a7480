import * as vscode from 'vscode';
import { UserNotifiedError } from '../util/userNotifiedError';
import { COMMANDS } from '../manifest/commandIds';

export interface NoticeAction {
  readonly label: string;
  run(): void;
}

const KEPT = 50;

/**
 * The notifications "Send as fax" shows. They are never awaited (a command
 * driven by automation must settle on its own); the texts are kept, newest
 * last, so integration tests can assert what the person was told.
 */
export class SendNotices {
  private readonly texts: string[] = [];

  get shown(): readonly string[] {
    return this.texts;
  }

  info(text: string, ...actions: NoticeAction[]): void {
    this.show((m, ...items) => vscode.window.showInformationMessage(m, ...items), text, actions);
  }

  warn(text: string, ...actions: NoticeAction[]): void {
    this.show((m, ...items) => vscode.window.showWarningMessage(m, ...items), text, actions);
  }

  error(text: string, ...actions: NoticeAction[]): void {
    this.show((m, ...items) => vscode.window.showErrorMessage(m, ...items), text, actions);
  }

  /** Shows the refusal and returns the error for the command to throw (the registry settles it quietly). */
  refuse(text: string, cause?: unknown, ...actions: NoticeAction[]): UserNotifiedError {
    this.error(text, ...actions);
    return new UserNotifiedError(text, cause);
  }

  /** Records a message shown elsewhere (ErrorPresenter, CommandGate) so the record is complete. */
  record(text: string): void {
    this.texts.push(text);
    this.texts.splice(0, Math.max(0, this.texts.length - KEPT));
  }

  static showOutbox(): NoticeAction {
    return { label: vscode.l10n.t('Show Outbox'), run: () => void vscode.commands.executeCommand('faxplus.outbox.focus') };
  }

  static showLogs(): NoticeAction {
    return { label: vscode.l10n.t('Show Logs'), run: () => void vscode.commands.executeCommand(COMMANDS.showLogs) };
  }

  private show(
    show: (message: string, ...items: string[]) => Thenable<string | undefined>,
    text: string,
    actions: readonly NoticeAction[],
  ): void {
    this.record(text);
    void show(text, ...actions.map((a) => a.label)).then((choice) => actions.find((a) => a.label === choice)?.run());
  }
}
