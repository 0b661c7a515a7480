import * as vscode from 'vscode';
import type { Command } from './command';
import { NO_NUMBER, type Fax, type SendFaxResult } from '../api/models';
import { bytesUploadSource } from '../api/uploadSource';
import type { ActionServices } from './targets/actionServices';
import { plainArgs } from './targets/commandArgs';
import { confirmed } from './targets/confirmation';
import { faxRecordOf, faxTargetOf } from './targets/faxTarget';
import { pickFax } from './targets/pickFax';
import { phoneDisplay } from '../format/phoneDisplay';
import { COMMANDS } from '../manifest/commandIds';
import type { SendAttempt } from '../sendFlow/faxMatch';
import type { SendOutcomes } from '../sendFlow/sendOutcomes';

/**
 * Sends a sent (or failed) fax again: its document is downloaded, uploaded
 * as a new file, and sent to the same destination from the same number.
 * Asks first (skipped only by `confirm: false`). The send itself is never
 * retried automatically (docs/ARCHITECTURE.md, "Never twice"), and a
 * failed send is judged exactly as "Send as fax" judges it (SendOutcomes):
 * only a 4xx proves no fax was created. Cancel works until the send starts.
 * Argument: a Sent node, `{ faxId, confirm? }`, or nothing (quick pick).
 */
export class ResendFaxCommand implements Command {
  readonly id = COMMANDS.resendFax;

  constructor(
    private readonly services: ActionServices,
    private readonly outcomes: Pick<SendOutcomes, 'settleCreateFailure' | 'announce'>,
  ) {}

  async execute(arg?: unknown): Promise<SendFaxResult | undefined> {
    const { gate, clients, errors, events, tasks } = this.services;
    gate.ensure(this.id);
    const target = faxTargetOf(arg) ?? (await pickFax(clients, errors, { title: vscode.l10n.t('Resend Fax'), categories: ['sent'] }));
    if (!target) {
      return undefined;
    }
    let fax: Fax;
    try {
      fax = await faxRecordOf(target, clients.get());
    } catch (e) {
      throw errors.show(e, vscode.l10n.t('Resending the fax'));
    }
    if (!fax.to) {
      throw errors.show(new Error(vscode.l10n.t('This fax has no destination to send to.')), vscode.l10n.t('Resending the fax'));
    }
    const from = fax.from || NO_NUMBER;
    const ok = await confirmed(
      this.services.notifier,
      plainArgs(arg),
      vscode.l10n.t('Send this fax again to {0}?', phoneDisplay(fax.to)),
      vscode.l10n.t(
        'The same document ({0} pages) is sent from {1} as a new fax, and charged again.',
        fax.pages ?? '?',
        phoneDisplay(from),
      ),
      vscode.l10n.t('Send Again'),
    );
    if (!ok) {
      return undefined;
    }
    let attempt: SendAttempt | undefined;
    let createError: { error: unknown } | undefined;
    try {
      const result = await tasks.run(vscode.l10n.t('Resending the fax to {0}…', phoneDisplay(fax.to)), async (signal, progress) => {
        const client = clients.get();
        progress.report({ message: vscode.l10n.t('Fetching the document…') });
        const bytes = await client.downloadFileBytes(fax.id, 'pdf', { signal });
        progress.report({ message: vscode.l10n.t('Uploading…') });
        const path = await client.uploadFile(bytesUploadSource(`fax-${fax.id}.pdf`, bytes, 'application/pdf'), { signal });
        progress.report({ message: vscode.l10n.t('Sending (this can no longer be cancelled)…') });
        attempt = {
          destinations: [fax.to as string],
          from,
          filePaths: [path],
          startedAt: new Date(),
          serverClockOffsetMs: client.serverClockOffsetMs(),
        };
        try {
          // No signal: once the body may reach Fax.Plus, only the answer tells what happened.
          const created = await client.sendFax({
            from,
            to: [fax.to as string],
            files: [path],
            comment: fax.comment ? { text: fax.comment } : undefined,
          });
          attempt = { ...attempt, answeredAt: new Date(), serverTime: created.serverTime };
          return created;
        } catch (error) {
          createError = { error };
          const ids = await this.outcomes.settleCreateFailure(attempt, error, { report: (message) => progress.report({ message }) });
          return { ids };
        }
      });
      if (!createError) {
        this.outcomes.announce(result.ids, attempt);
        void this.services.notifier.notify(
          'info',
          vscode.l10n.t('The fax to {0} is on its way again. Follow it in the Outbox.', phoneDisplay(fax.to)),
        );
      }
      events.fireChanged('outbox');
      return result;
    } catch (e) {
      if (createError) {
        // SendOutcomes has told the person what is known; refresh the Outbox in case the fax is there.
        events.fireChanged('outbox');
        throw e;
      }
      throw errors.show(e, vscode.l10n.t('Resending the fax'));
    }
  }
}
