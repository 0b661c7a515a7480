import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import type { AuthSession } from './authSession';
import { expiryWarningDue, localDay, type WarningRecord } from './expiryWarnings';
import { COMMANDS } from '../manifest/commandIds';
import type { Notifier } from '../util/notifier';
import { commandAction } from '../util/noticeActions';

const RECORD_KEY = 'faxplus.expiryWarning';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When the extension is first used and once a day: warns before a PAT expires (thresholds from
 * `faxplus.token.expiryWarningDays`, each warning at most once a day) and
 * treats an expired token as signed out.
 */
export class ExpiryMonitor extends Disposable {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly session: AuthSession,
    private readonly memento: vscode.Memento,
    private readonly notifier: Notifier,
    private readonly onDayPassed: () => void,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
    this.register(session.onDidChange(() => void this.check()));
    this.timer = setInterval(() => {
      this.onDayPassed();
      void this.check();
    }, DAY_MS);
    this.register({ dispose: () => clearInterval(this.timer) });
  }

  static thresholds(): number[] {
    const configured = vscode.workspace.getConfiguration('faxplus').get<number[]>('token.expiryWarningDays', [14, 7, 1]);
    return configured.filter((d) => Number.isInteger(d) && d >= 0);
  }

  async check(): Promise<void> {
    const facts = this.session.facts;
    if (!facts || facts.kind !== 'pat') {
      return;
    }
    const now = this.now();
    if (facts.expiresAt !== undefined && facts.expiresAt <= now.getTime()) {
      this.session.markRejected('expired');
      return;
    }
    const record = this.memento.get<WarningRecord>(RECORD_KEY) ?? {};
    const due = expiryWarningDue(facts.expiresAt, ExpiryMonitor.thresholds(), record, now);
    if (!due) {
      return;
    }
    await this.memento.update(RECORD_KEY, { lastWarnedDay: localDay(now) } satisfies WarningRecord);
    const message =
      due.days === 1
        ? vscode.l10n.t('Your Fax.Plus token "{0}" expires within a day.', facts.tokenName ?? '')
        : vscode.l10n.t('Your Fax.Plus token "{0}" expires in {1} days.', facts.tokenName ?? '', due.days);
    void this.notifier.notify('warning', message, commandAction(vscode.l10n.t('Rotate Token'), COMMANDS.rotateToken));
  }
}
