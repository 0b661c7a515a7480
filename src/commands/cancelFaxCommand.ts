import * as vscode from 'vscode';
import type { Command } from './command';
import type { ActionServices } from './targets/actionServices';
import { plainArgs } from './targets/commandArgs';
import { confirmed } from './targets/confirmation';
import { outboxTargetOf, pickOutboxFax } from './targets/outboxTarget';
import { phoneDisplay } from '../format/phoneDisplay';
import { COMMANDS } from '../manifest/commandIds';

/**
 * Cancels a fax that has not been sent yet, after a modal confirmation
 * (skipped only by `confirm: false`). Argument: an Outbox node,
 * `{ faxId, confirm? }` (the outbox fax id), or nothing (quick pick).
 */
export class CancelFaxCommand implements Command {
  readonly id = COMMANDS.cancelFax;

  constructor(private readonly services: ActionServices) {}

  async execute(arg?: unknown): Promise<boolean> {
    const { gate, clients, errors, events } = this.services;
    gate.ensure(this.id);
    const target = outboxTargetOf(arg) ?? (await pickOutboxFax(clients, errors, vscode.l10n.t('Cancel Pending Fax')));
    if (!target) {
      return false;
    }
    const to = target.fax?.to.map(phoneDisplay).join(', ');
    const ok = await confirmed(
      this.services.notifier,
      plainArgs(arg),
      to ? vscode.l10n.t('Cancel the fax to {0}?', to) : vscode.l10n.t('Cancel this pending fax?'),
      vscode.l10n.t('It is removed from the outbox and will not be sent. A page already being transmitted may still arrive.'),
      vscode.l10n.t('Cancel Fax'),
    );
    if (!ok) {
      return false;
    }
    try {
      await clients.get().deleteOutboxFax(target.faxId);
    } catch (e) {
      throw errors.show(e, vscode.l10n.t('Cancelling the fax'));
    } finally {
      events.fireChanged('outbox');
    }
    void vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Fax cancelled'), 4000);
    return true;
  }
}
