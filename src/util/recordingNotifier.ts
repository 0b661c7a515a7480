import type { NoticeAction, NoticeSeverity, Notifier } from './notifier';

/** One thing the person was told (or asked), as the test host recorded it. */
export interface NoticeRecord {
  readonly severity: NoticeSeverity;
  readonly message: string;
  readonly actions: readonly string[];
  /** True for a modal question (always a warning). */
  readonly modal: boolean;
}

/**
 * Wraps the real Notifier in the test host (ExtensionMode.Test only): every
 * message still reaches the window, and the history lets integration tests
 * assert what the person was told, since VS Code cannot read notifications back.
 */
export class RecordingNotifier implements Notifier {
  private readonly records: NoticeRecord[] = [];

  constructor(private readonly inner: Notifier) {}

  /** Everything said since activation, oldest first. */
  get history(): readonly NoticeRecord[] {
    return this.records;
  }

  notify(severity: NoticeSeverity, message: string, ...actions: readonly NoticeAction[]): Promise<void> {
    this.records.push({ severity, message, actions: actions.map((a) => a.label), modal: false });
    return this.inner.notify(severity, message, ...actions);
  }

  ask(message: string, options: { readonly detail?: string }, ...choices: readonly string[]): Promise<string | undefined> {
    this.records.push({ severity: 'warning', message, actions: [...choices], modal: true });
    return this.inner.ask(message, options, ...choices);
  }
}
