import * as vscode from 'vscode';
import type { Command } from './command';
import type { Fax, SendFaxResult } from '../api/models';
import { bytesUploadSource } from '../api/uploadSource';
import type { ActionServices } from './targets/actionServices';
import { plainArgs } from './targets/commandArgs';
import { confirmed } from './targets/confirmation';
import { faxRecordOf, faxTargetOf } from './targets/faxTarget';
import { pickFax } from './targets/pickFax';
import { phoneDisplay } from '../format/phoneDisplay';
import { COMMANDS } from '../manifest/commandIds';

/**
 * Sends a sent (or failed) fax again: its document is downloaded, uploaded
 * as a new file, and sent to the same destination from the same number.
 * Asks first (skipped only by `confirm: false`). The send itself is never
 * retried automatically (docs/ARCHITECTURE.md, "Never twice").
 * Argument: a Sent node, `{ faxId, confirm? }`, or nothing (quick pick).
 */
export class ResendFaxCommand implements Command {
  readonly id = COMMANDS.resendFax;

  constructor(private readonly services: ActionServices) {}

  async execute(arg?: unknown): Promise<SendFaxResult | undefined> {
    const { gate, clients, errors, events, tasks } = this.services;
    gate.ensure(this.id);
    const target = faxTargetOf(arg) ?? await pickFax(clients, errors, { title: vscode.l10n.t('Resend Fax'), categories: ['sent'] });
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
    const from = fax.from || 'no_number';
    const ok = await confirmed(
      plainArgs(arg),
      vscode.l10n.t('Send this fax again to {0}?', phoneDisplay(fax.to)),
      vscode.l10n.t('The same document ({0} pages) is sent from {1} as a new fax, and charged again.', fax.pages ?? '?', phoneDisplay(from)),
      vscode.l10n.t('Send Again'),
    );
    if (!ok) {
      return undefined;
    }
    let sending = false;
    try {
      const result = await tasks.run(vscode.l10n.t('Resending the fax to {0}…', phoneDisplay(fax.to)), async (signal, progress) => {
        const client = clients.get();
        progress.report({ message: vscode.l10n.t('Fetching the document…') });
        const bytes = await client.downloadFileBytes(fax.id, 'pdf', { signal });
        progress.report({ message: vscode.l10n.t('Uploading…') });
        const path = await client.uploadFile(bytesUploadSource(`fax-${fax.id}.pdf`, bytes, 'application/pdf'), { signal });
        progress.report({ message: vscode.l10n.t('Sending…') });
        sending = true;
        return client.sendFax({ from, to: [fax.to as string], files: [path], comment: fax.comment ? { text: fax.comment } : undefined }, { signal });
      });
      events.fireSent(result);
      events.fireChanged('outbox');
      void vscode.window.showInformationMessage(vscode.l10n.t('The fax to {0} is on its way again. Follow it in the Outbox.', phoneDisplay(fax.to)));
      return result;
    } catch (e) {
      if (sending && (e as { maybeDelivered?: boolean }).maybeDelivered) {
        // Fax.Plus may have accepted it: say so instead of inviting a second send.
        events.fireChanged('outbox');
        void vscode.window.showWarningMessage(vscode.l10n.t('The answer from Fax.Plus was lost, so the fax may have been sent. Check the Outbox before resending it.'));
      }
      throw errors.show(e, vscode.l10n.t('Resending the fax'));
    }
  }
}
