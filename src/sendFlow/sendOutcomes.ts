import * as vscode from 'vscode';
import { phoneDisplay } from '../format/phoneDisplay';
import type { ErrorPresenter } from '../errors/errorPresenter';
import { kindOf } from '../errors/errorPresenter';
import type { FaxEvents } from '../events/faxEvents';
import type { Logger } from '../api/logger';
import { classifyCreateFailure } from '../send/createFailure';
import { UserNotifiedError } from '../util/userNotifiedError';
import { showLogsAction } from '../util/noticeActions';
import type { CreationCheck, CreationVerdict } from './creationCheck';
import { CreationWatches } from './creationWatches';
import type { SendAttempt } from './faxMatch';
import type { SubmissionResult } from './faxSubmission';
import type { SendProgress } from './progressUi';
import { SendNotices } from './sendNotices';

export type SentIds = Readonly<Record<string, string>>;

/**
 * Tells the person what is true after the requests, and announces a created
 * fax (FaxEvents) so it is followed to Sent and the Outbox reveals it. A failed
 * outbox request is never repeated. Only a refusal (4xx) or a request that
 * never left proves no fax exists; otherwise the fax is looked for
 * (CreationCheck), and while it is not found the person hears "not confirmed
 * yet" and the attempt stays watched (CreationWatches). Send and Resend share this.
 */
export class SendOutcomes {
  constructor(
    private readonly notices: SendNotices,
    private readonly errors: ErrorPresenter,
    private readonly creation: CreationCheck,
    private readonly watches: CreationWatches,
    private readonly events: FaxEvents,
    private readonly logger: Logger,
  ) {}

  /** The fax ids per destination, or throws the UserNotifiedError of a fax that was not sent. */
  async settle(result: SubmissionResult, progress: SendProgress): Promise<SentIds> {
    switch (result.kind) {
      case 'sent':
        this.announce(result.ids, result.attempt);
        this.notices.info(
          vscode.l10n.t('The fax was created for {0} recipient(s) and is in the Outbox.', Object.keys(result.ids).length),
          SendNotices.showOutbox(),
        );
        return result.ids;
      case 'cancelled': {
        const text = vscode.l10n.t('Sending cancelled before the fax was created. No fax was created.');
        this.notices.info(text);
        throw new UserNotifiedError(text);
      }
      case 'uploadFailed':
        throw this.failure(
          result.error,
          vscode.l10n.t('Uploading {0} failed: {1} No fax was created.', result.document.name, this.errors.describe(result.error)),
        );
      case 'createFailed':
        return this.settleCreateFailure(result.attempt, result.error, progress);
    }
  }

  /** After POST /outbox failed: the ids found, or throws the UserNotifiedError saying what is known. */
  async settleCreateFailure(attempt: SendAttempt, error: unknown, progress: SendProgress): Promise<SentIds> {
    const reason = this.errors.describe(error);
    switch (classifyCreateFailure(error)) {
      case 'refused':
        throw this.failure(
          error,
          vscode.l10n.t('Fax.Plus did not create the fax: {0} No fax was created; correct the problem and send again.', reason),
        );
      case 'notSent':
        throw this.failure(
          error,
          vscode.l10n.t(
            'Could not reach Fax.Plus: {0} The request never left this computer, so no fax was created; you can send again.',
            reason,
          ),
        );
      case 'uncertain':
        progress.report(vscode.l10n.t('The answer was lost; checking whether Fax.Plus created the fax…'));
        return this.afterUncertainFailure(error, attempt, await this.creation.verify(attempt));
    }
  }

  private afterUncertainFailure(error: unknown, attempt: SendAttempt, verdict: CreationVerdict): SentIds {
    const reason = this.errors.describe(error);
    const { destinations } = attempt;
    this.logger.warn(
      `Send as fax: the outbox request failed (${error instanceof Error ? error.name : String(error)}); verdict after looking: ${verdict.kind}`,
    );
    if (verdict.kind === 'created') {
      const ids = Object.fromEntries(verdict.ids);
      this.announce(ids, attempt);
      const missing = destinations.filter((d) => !verdict.ids.has(d));
      this.notices.warn(
        missing.length === 0
          ? vscode.l10n.t(
              'The fax was created: Fax.Plus has it for all {0} recipient(s), although its answer was lost ({1}). Do not send it again.',
              destinations.length,
              reason,
            )
          : vscode.l10n.t(
              'The fax was created for {0} of {1} recipients, although the answer was lost ({2}). Not found for: {3}. Check the Outbox before sending to them again.',
              verdict.ids.size,
              destinations.length,
              reason,
              missing.map(phoneDisplay).join(', '),
            ),
        SendNotices.showOutbox(),
      );
      return ids;
    }
    // A gateway error, a timeout or a reset after the body left: Fax.Plus may still create the fax. Keep looking; never say "send again".
    this.watches.watch(attempt);
    throw this.notices.refuse(
      verdict.kind === 'unknown'
        ? vscode.l10n.t(
            'Fax.Plus has not confirmed the fax yet ({0}), and the Outbox could not be read. It may still be created, so do not send it again now: this window keeps looking for it for up to {1} minutes and will tell you.',
            reason,
            CreationWatches.minutes,
          )
        : vscode.l10n.t(
            'Fax.Plus has not confirmed the fax yet ({0}). It may still be created, so do not send it again now: this window keeps looking for it in the Outbox and Sent for up to {1} minutes and will tell you.',
            reason,
            CreationWatches.minutes,
          ),
      error,
      SendNotices.showOutbox(),
    );
  }

  private failure(error: unknown, text: string): UserNotifiedError {
    if (kindOf(error) === 'unauthorized') {
      // The single re-sign-in prompt, not a second notification.
      return this.errors.show(error, vscode.l10n.t('Sending the fax'));
    }
    this.logger.warn(`Send as fax: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return this.notices.refuse(text, error, showLogsAction());
  }

  /** Tells every feature that a fax was created: what the tracker needs to find it in Sent, and what the receipt records. */
  announce(ids: SentIds, attempt?: SendAttempt): void {
    this.events.fireSent({
      ids,
      from: attempt?.from,
      startedAt: attempt?.startedAt,
      answeredAt: attempt?.answeredAt,
      serverTime: attempt?.serverTime,
      serverClockOffsetMs: attempt?.serverClockOffsetMs,
      documents: attempt?.documents,
    });
  }
}
