import * as vscode from 'vscode';
import { formatForDisplay } from '../send/recipients';
import type { ErrorPresenter } from '../errors/errorPresenter';
import { kindOf } from '../errors/errorPresenter';
import { TimeoutError } from '../api/errors';
import type { FaxEvents } from '../events/faxEvents';
import type { Logger } from '../api/logger';
import { UserNotifiedError } from '../util/userNotifiedError';
import { CreationCheck } from './creationCheck';
import type { SubmissionResult } from './faxSubmission';
import type { SendProgress } from './progressUi';
import { SendNotices } from './sendNotices';

export type SentIds = Readonly<Record<string, string>>;

/**
 * Tells the person what is true after the requests, and announces a created
 * fax (FaxEvents) so the Outbox refreshes and reveals it. A failed outbox
 * request that may have reached Fax.Plus is never repeated: the fax is looked
 * for instead (CreationCheck), and the message says what was found.
 */
export class SendOutcomes {
  constructor(
    private readonly notices: SendNotices,
    private readonly errors: ErrorPresenter,
    private readonly creation: CreationCheck,
    private readonly events: FaxEvents,
    private readonly logger: Logger,
  ) {}

  /** The fax ids per destination, or throws the UserNotifiedError of a fax that was not sent. */
  async settle(result: SubmissionResult, progress: SendProgress): Promise<SentIds> {
    switch (result.kind) {
      case 'sent':
        this.announce(result.ids);
        this.notices.info(vscode.l10n.t('The fax was created for {0} recipient(s) and is in the Outbox.', Object.keys(result.ids).length), SendNotices.showOutbox());
        return result.ids;
      case 'cancelled': {
        const text = vscode.l10n.t('Sending cancelled before the fax was created. No fax was created.');
        this.notices.info(text);
        throw new UserNotifiedError(text);
      }
      case 'uploadFailed':
        throw this.failure(result.error, vscode.l10n.t('Uploading {0} failed: {1} No fax was created.', result.document.name, this.errors.describe(result.error)));
      case 'createFailed':
        if (!CreationCheck.isNeeded(result.error)) {
          throw this.failure(result.error, vscode.l10n.t('Fax.Plus did not create the fax: {0} No fax was created; correct the problem and send again.', this.errors.describe(result.error)));
        }
        progress.report(vscode.l10n.t('The answer was lost; checking whether Fax.Plus created the fax…'));
        return this.afterUncertainFailure(result.error, result.attempt.destinations, await this.creation.verify(result.attempt));
    }
  }

  private afterUncertainFailure(error: unknown, destinations: readonly string[], verdict: Awaited<ReturnType<CreationCheck['verify']>>): SentIds {
    const reason = this.errors.describe(error);
    this.logger.warn(`Send as fax: the outbox request failed (${error instanceof Error ? error.name : String(error)}); verdict after looking: ${verdict.kind}`);
    if (verdict.kind === 'created') {
      const ids = Object.fromEntries(verdict.ids);
      this.announce(ids);
      const missing = destinations.filter((d) => !verdict.ids.has(d));
      this.notices.warn(
        missing.length === 0
          ? vscode.l10n.t('The fax was created: Fax.Plus has it for all {0} recipient(s), although its answer was lost ({1}). Do not send it again.', destinations.length, reason)
          : vscode.l10n.t('The fax was created for {0} of {1} recipients, although the answer was lost ({2}). Not found for: {3}. Check the Outbox before sending to them again.', verdict.ids.size, destinations.length, reason, missing.map(formatForDisplay).join(', ')),
        SendNotices.showOutbox(),
      );
      return ids;
    }
    // After a timeout Fax.Plus may still be working on the request: finding nothing yet proves nothing.
    if (verdict.kind === 'notCreated' && !(error instanceof TimeoutError)) {
      throw this.notices.refuse(vscode.l10n.t('No fax was created; you can send again. (Creating the fax failed: {0} The Outbox and Sent faxes have nothing from this attempt.)', reason), error);
    }
    throw this.notices.refuse(
      vscode.l10n.t('Could not verify whether the fax was created ({0}); check the Outbox before sending again.', reason),
      error,
      SendNotices.showOutbox(),
    );
  }

  private failure(error: unknown, text: string): UserNotifiedError {
    if (kindOf(error) === 'unauthorized') {
      // The single re-sign-in prompt, not a second notification.
      const notified = this.errors.show(error, vscode.l10n.t('Sending the fax'));
      this.notices.record(notified.message);
      return notified;
    }
    this.logger.warn(`Send as fax: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return this.notices.refuse(text, error, SendNotices.showLogs());
  }

  private announce(ids: SentIds): void {
    this.events.fireSent({ ids });
  }
}
