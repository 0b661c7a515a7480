import type { FaxPlusTestApi } from '../../../src/extensionExports';
import type { NoticeRecord } from '../../../src/util/recordingNotifier';
import type { NoticeSeverity } from '../../../src/util/notifier';

const SIDEBAR_NOTICE = /^(Fax to .* (was delivered|was only partly delivered|failed|finished)|New fax from |\d+ new faxes received)/;
const SIGN_IN_PROMPT = /no longer accepts your token|Your Fax\.Plus token has expired/;

/**
 * What the person was told, read from the test host's RecordingNotifier.
 * `mark()` remembers where the history stands; `since(mark)` returns what came after.
 */
export class Notices {
  constructor(private readonly api: FaxPlusTestApi) {}

  mark(): number {
    return this.api.notifications.history.length;
  }

  since(mark: number, ...severities: NoticeSeverity[]): NoticeRecord[] {
    return this.api.notifications.history.slice(mark).filter((n) => severities.length === 0 || severities.includes(n.severity));
  }

  /** Messages of errors and warnings (a refusal is one or the other) since `mark`. */
  refusalsSince(mark: number): string[] {
    return this.since(mark, 'error', 'warning').map((n) => n.message);
  }

  /** The "sign in again" prompts (UnauthorizedPrompt) since `mark`: a burst of 401s must give one. */
  signInPromptsSince(mark: number): NoticeRecord[] {
    return this.since(mark, 'error').filter((n) => SIGN_IN_PROMPT.test(n.message));
  }

  /** What the sidebar announced (faxes that arrived, sent faxes that finished), leaving out what commands said meanwhile. */
  sidebar(): NoticeRecord[] {
    return this.api.notifications.history.filter((n) => SIDEBAR_NOTICE.test(n.message));
  }

  /** The newest message of these severities (any when none given), or '' when there is none. */
  last(...severities: NoticeSeverity[]): string {
    return this.since(0, ...severities).at(-1)?.message ?? '';
  }

  /** The newest error or warning: what a refused command said. */
  lastRefusal(): string {
    return this.last('error', 'warning');
  }
}
