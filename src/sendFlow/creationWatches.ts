import * as vscode from 'vscode';
import { abortableSleep } from '../api/abortableSleep';
import type { FaxEvents } from '../events/faxEvents';
import type { Logger } from '../api/logger';
import { watchForAttempt, DEFAULT_WATCH_TOTAL_MS } from '../send/attemptWatch';
import { phoneDisplay } from '../format/phoneDisplay';
import { Disposable } from '../util/disposable';
import type { CreationCheck } from './creationCheck';
import type { SendAttempt } from './faxMatch';
import { SendNotices } from './sendNotices';

/**
 * Attempts whose outbox request ended without proof either way. Each is looked
 * for in the background (watchForAttempt: gently, with back-off, up to about
 * 10 minutes) and the person is told when it appears, or that it still has not.
 */
export class CreationWatches extends Disposable {
  private readonly controllers = new Set<AbortController>();
  private readonly settledEmitter = this.register(new vscode.EventEmitter<SendAttempt>());
  /** Fires when a watch ended (found, not found or stopped). */
  readonly onDidSettle = this.settledEmitter.event;

  constructor(
    private readonly creation: CreationCheck,
    private readonly notices: SendNotices,
    private readonly events: FaxEvents,
    private readonly logger: Logger,
  ) {
    super();
    this.register({ dispose: () => this.cancelAll() });
  }

  /** How many attempts are still being looked for. */
  get size(): number {
    return this.controllers.size;
  }

  static get minutes(): number {
    return Math.round(DEFAULT_WATCH_TOTAL_MS / 60_000);
  }

  watch(attempt: SendAttempt): void {
    const controller = new AbortController();
    this.controllers.add(controller);
    void watchForAttempt({
      look: async () => {
        const found = await this.creation.look(attempt);
        return found.size > 0 ? found : undefined;
      },
      sleep: abortableSleep,
      now: Date.now,
      signal: controller.signal,
    })
      .then((result) => {
        const to = attempt.destinations.map(phoneDisplay).join(', ');
        if (result.kind === 'found') {
          const ids = Object.fromEntries(result.found);
          this.logger.info(`Send as fax: the unconfirmed fax appeared after ${result.looks} look(s)`);
          this.events.fireSent({
            ids,
            from: attempt.from,
            startedAt: attempt.startedAt,
            serverClockOffsetMs: attempt.serverClockOffsetMs,
            documents: attempt.documents,
          });
          this.notices.warn(
            vscode.l10n.t(
              'The fax to {0} was created after all: Fax.Plus has it now, although it did not confirm it at first. Do not send it again.',
              to,
            ),
            SendNotices.showOutbox(),
          );
        } else if (result.kind === 'notFound') {
          this.logger.warn(
            `Send as fax: the unconfirmed fax did not appear after ${result.looks} look(s), ${result.failedLooks} of them failed`,
          );
          this.notices.warn(
            vscode.l10n.t(
              'The fax to {0} has still not appeared in the Outbox or Sent, {1} minutes after Fax.Plus failed to confirm it. It was most likely not created; look at the Outbox and Sent once more before you send it again.',
              to,
              CreationWatches.minutes,
            ),
            SendNotices.showOutbox(),
          );
        }
      })
      .catch((e: unknown) => {
        this.logger.warn(`Send as fax: looking for an unconfirmed fax stopped: ${e instanceof Error ? e.message : String(e)}`);
      })
      .finally(() => {
        this.controllers.delete(controller);
        this.settledEmitter.fire(attempt);
      });
  }

  /** Stops every watch (deactivation; tests between cases, as RunningTasks.cancelAll). */
  cancelAll(): void {
    for (const controller of this.controllers) {
      controller.abort();
    }
  }
}
