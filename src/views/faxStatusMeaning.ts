import * as vscode from 'vscode';
import type { FaxStatus, OutboxStatus } from '../api/models';

/**
 * What each status means in plain words, for tooltips and notifications.
 * Keys are the spec's FaxStatus enum (an integration test checks every one of
 * them has a meaning); anything else is shown as reported.
 */
function faxMeanings(): Readonly<Record<string, string>> {
  return {
    success: vscode.l10n.t('Delivered.'),
    partially_sent: vscode.l10n.t('Only some pages were delivered.'),
    partially_received: vscode.l10n.t('Only some pages were received.'),
    insufficient_credit: vscode.l10n.t('Not sent: the account has too little credit.'),
    failed: vscode.l10n.t('The fax could not be delivered.'),
    failed_internal_process_error: vscode.l10n.t('Fax.Plus had an internal problem processing the fax.'),
    failed_user_busy: vscode.l10n.t('The line was busy.'),
    failed_no_answer: vscode.l10n.t('The receiving fax machine did not answer.'),
    failed_unallocated_number: vscode.l10n.t('The number is not in service.'),
    failed_office_converter_issue: vscode.l10n.t('The document could not be converted to a fax.'),
    failed_separate_file_pages_issue: vscode.l10n.t('The document could not be split into pages.'),
    failed_render_header_issue: vscode.l10n.t('The fax header could not be added to the pages.'),
    failed_invalid_number_format: vscode.l10n.t('The destination number is not a valid fax number.'),
    failed_mimetype_not_supported: vscode.l10n.t('Fax.Plus does not accept this type of document.'),
    failed_destination_not_supported: vscode.l10n.t('Fax.Plus does not send faxes to this destination.'),
    failed_image_preparation: vscode.l10n.t('The pages could not be prepared as images.'),
    failed_to_send: vscode.l10n.t('The fax could not be sent.'),
    failed_normal_temporary_failure: vscode.l10n.t('A temporary problem on the phone network stopped the fax.'),
    failed_unknown_converter_issue: vscode.l10n.t('The document could not be converted for an unknown reason.'),
    failed_normal_clearing: vscode.l10n.t('The call ended before the fax was complete.'),
    failed_convert_to_tiff_issue: vscode.l10n.t('The document could not be converted to fax images (TIFF).'),
    failed_fs_49: vscode.l10n.t('The receiving machine could not take the fax (fax protocol error 49).'),
    failed_fs_2: vscode.l10n.t('The receiving machine could not take the fax (fax protocol error 2).'),
  };
}

/** `received` words success for a fax that came in rather than went out. */
export function faxStatusMeaning(status: FaxStatus, direction: 'sent' | 'received' = 'sent'): string {
  if (status === 'success' && direction === 'received') {
    return vscode.l10n.t('Received in full.');
  }
  return knownFaxStatusMeaning(status) ?? vscode.l10n.t('Status reported by Fax.Plus: {0}', status);
}

/** The plain-words meaning, or undefined for a status the spec does not list. */
export function knownFaxStatusMeaning(status: FaxStatus): string | undefined {
  const meanings = faxMeanings();
  return Object.prototype.hasOwnProperty.call(meanings, status) ? meanings[status] : undefined;
}

export function outboxStatusMeaning(status: OutboxStatus): string {
  switch (status) {
    case 'submitted':
      return vscode.l10n.t('Received by Fax.Plus, waiting to be processed.');
    case 'converting':
      return vscode.l10n.t('Fax.Plus is converting the documents into fax pages.');
    case 'scheduled_for_sending':
      return vscode.l10n.t('Waiting for its scheduled time or a free line.');
    case 'sending':
      return vscode.l10n.t('Being sent now.');
    default:
      return vscode.l10n.t('Status reported by Fax.Plus: {0}', status);
  }
}
