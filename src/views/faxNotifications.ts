import * as vscode from 'vscode';
import type { Fax } from '../api/models';
import { faxStatusMeaning } from './faxStatusMeaning';
import { statusOutcome } from './faxStatusOutcome';
import { partyDisplay, type NumberOwner } from '../format/phoneDisplay';
import { COMMANDS } from '../manifest/commandIds';

/** A notification as shown, kept for the integration tests (VS Code cannot read them back). */
export interface ShownNotification {
  readonly severity: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly actions: readonly string[];
}

const KEPT = 50;

/**
 * The sidebar's few notifications: one grouped message for faxes that
 * arrived, one for each fax that finished sending. Never awaited: polling
 * must not wait for a person.
 */
export class FaxNotifications {
  readonly shown: ShownNotification[] = [];

  /** `ownerOf` names numbers from the address book in the messages. */
  constructor(private readonly ownerOf?: NumberOwner) {}

  /** One message for all faxes that arrived together; [Open] calls `open`. */
  newFaxes(faxes: readonly Fax[], open: () => void): void {
    if (faxes.length === 0 || !vscode.workspace.getConfiguration('faxplus').get<boolean>('notifications.newFaxes', true)) {
      return;
    }
    const message = faxes.length === 1
      ? vscode.l10n.t('New fax from {0}.', partyDisplay(faxes[0].from, this.ownerOf) || vscode.l10n.t('an unknown number'))
      : vscode.l10n.t('{0} new faxes received.', faxes.length);
    const openAction = vscode.l10n.t('Open');
    this.show('info', message, [openAction], (choice) => {
      if (choice === openAction) {
        open();
      }
    });
  }

  /** A fax left the outbox with a final status; failures offer [Resend]. */
  finished(fax: Fax): void {
    const to = partyDisplay(fax.to, this.ownerOf) || vscode.l10n.t('an unknown number');
    const outcome = statusOutcome(fax.status);
    const resend = vscode.l10n.t('Resend');
    const onChoice = (choice: string | undefined): void => {
      if (choice === resend) {
        void vscode.commands.executeCommand(COMMANDS.resendFax, { faxId: fax.id });
      }
    };
    switch (outcome) {
      case 'success':
        this.show('info', vscode.l10n.t('Fax to {0} was delivered.', to), [], onChoice);
        break;
      case 'partial':
        this.show('warning', vscode.l10n.t('Fax to {0} was only partly delivered: {1}', to, faxStatusMeaning(fax.status)), [resend], onChoice);
        break;
      case 'failure':
        this.show('error', vscode.l10n.t('Fax to {0} failed: {1}', to, faxStatusMeaning(fax.status)), [resend], onChoice);
        break;
      default:
        this.show('info', vscode.l10n.t('Fax to {0} finished. {1}', to, faxStatusMeaning(fax.status)), [resend], onChoice);
    }
  }

  private show(severity: ShownNotification['severity'], message: string, actions: string[], onChoice: (choice: string | undefined) => void): void {
    this.shown.push({ severity, message, actions });
    this.shown.splice(0, Math.max(0, this.shown.length - KEPT));
    const shown = severity === 'error'
      ? vscode.window.showErrorMessage(message, ...actions)
      : severity === 'warning' ? vscode.window.showWarningMessage(message, ...actions) : vscode.window.showInformationMessage(message, ...actions);
    void shown.then(onChoice);
  }
}
