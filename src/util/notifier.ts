/** How loud a notification is; VS Code's three message kinds. */
export type NoticeSeverity = 'info' | 'warning' | 'error';

/** A button on a notification; `run` is called when the person picks it. */
export interface NoticeAction {
  readonly label: string;
  run(): void;
}

/** Words and buttons for one notification, built by the describers of errors. */
export interface UserMessage {
  readonly text: string;
  readonly actions: readonly NoticeAction[];
}

/**
 * The one port through which the extension talks to the person in
 * notifications. Production uses the window (WindowNotifier); the test host
 * wraps it in a RecordingNotifier so tests read what was said, and no
 * production class keeps a history for them.
 */
export interface Notifier {
  /**
   * Shows a message without making anyone wait: callers `void` the promise.
   * It settles once the person picked an action (which has then run) or the
   * message went away.
   */
  notify(severity: NoticeSeverity, message: string, ...actions: readonly NoticeAction[]): Promise<void>;
  /** A modal warning that asks; resolves with the chosen label, or undefined when dismissed. */
  ask(message: string, options: { readonly detail?: string }, ...choices: readonly string[]): Promise<string | undefined>;
}
