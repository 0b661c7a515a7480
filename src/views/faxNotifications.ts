import * as vscode from 'vscode';
import type { Fax } from '../api/models';
import { faxStatusMeaning } from './faxStatusMeaning';
import { statusOutcome } from './faxStatusOutcome';
import { partyDisplay, type NumberOwner } from '../format/phoneDisplay';
import { COMMANDS } from '../manifest/commandIds';
import type { Notifier } from '../util/notifier';
import { commandAction } from '../util/noticeActions';

/**
 * The sidebar's few notifications: one grouped message for faxes that
 * arrived, one for each fax that finished sending. Never awaited: polling
 * must not wait for a person.
 */
export class FaxNotifications {
  /** `ownerOf` names numbers from the address book in the messages. */
  constructor(
    private readonly notifier: Notifier,
    private readonly ownerOf?: NumberOwner,
  ) {}

  /** One message for all faxes that arrived together; [Open] calls `open`. */
  newFaxes(faxes: readonly Fax[], open: () => void): void {
    if (faxes.length === 0 || !vscode.workspace.getConfiguration('faxplus').get<boolean>('notifications.newFaxes', true)) {
      return;
    }
    const message =
      faxes.length === 1
        ? vscode.l10n.t('New fax from {0}.', partyDisplay(faxes[0].from, this.ownerOf) || vscode.l10n.t('an unknown number'))
        : vscode.l10n.t('{0} new faxes received.', faxes.length);
    void this.notifier.notify('info', message, { label: vscode.l10n.t('Open'), run: open });
  }

  /** A fax left the outbox with a final status; failures offer [Resend]. */
  finished(fax: Fax): void {
    const to = partyDisplay(fax.to, this.ownerOf) || vscode.l10n.t('an unknown number');
    const outcome = statusOutcome(fax.status);
    const resend = commandAction(vscode.l10n.t('Resend'), COMMANDS.resendFax, { faxId: fax.id });
    switch (outcome) {
      case 'success':
        void this.notifier.notify('info', vscode.l10n.t('Fax to {0} was delivered.', to));
        break;
      case 'partial':
        void this.notifier.notify(
          'warning',
          vscode.l10n.t('Fax to {0} was only partly delivered: {1}', to, faxStatusMeaning(fax.status)),
          resend,
        );
        break;
      case 'failure':
        void this.notifier.notify('error', vscode.l10n.t('Fax to {0} failed: {1}', to, faxStatusMeaning(fax.status)), resend);
        break;
      default:
        void this.notifier.notify('info', vscode.l10n.t('Fax to {0} finished. {1}', to, faxStatusMeaning(fax.status)), resend);
    }
  }
}
