import * as vscode from 'vscode';
import type { Fax } from '../../api/models';
import type { ActionServices } from './actionServices';
import { categoryOf, type FaxTarget } from './faxTarget';

/**
 * Opening an unread received fax marks it read, as a mail client would. Only
 * when the token may edit faxes (checked quietly: a read-only token simply
 * leaves it unread), and only after the pages were shown. The PUT sends the
 * current comment back because the API replaces both fields.
 */
export async function markOpenedFaxRead(services: ActionServices, target: FaxTarget, fax: Fax): Promise<void> {
  if (categoryOf(target, fax) !== 'inbox' || fax.isRead !== false || !services.gate.permits('faxplus.markRead')) {
    return;
  }
  try {
    await services.clients.get().updateFax(target.faxId, { comment: fax.comment, isRead: true });
    // The change is known exactly: the Inbox redraws the row instead of reloading its list (one request less per open).
    services.events.fireUpdated({ category: 'inbox', faxId: target.faxId, changes: { isRead: true } });
  } catch (e) {
    // The fax is open and readable; say the read state did not change, but do not fail the open.
    services.errors.show(e, vscode.l10n.t('Marking the fax as read'));
  }
}
