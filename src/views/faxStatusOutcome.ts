import type { FaxStatus } from '../api/models';

/** How a fax ended, as far as icons, menus and notifications care. */
export type FaxOutcome = 'success' | 'partial' | 'failure' | 'unknown';

/**
 * Every FaxStatus of the spec (test/contract/openapi.yaml), classified. A
 * status the server adds later is `unknown` even when it starts with
 * `failed_`: we cannot tell the user what it means, so we do not alarm them.
 */
const OUTCOMES: Readonly<Record<string, FaxOutcome>> = {
  success: 'success',
  partially_sent: 'partial',
  partially_received: 'partial',
  insufficient_credit: 'failure',
  failed: 'failure',
  failed_internal_process_error: 'failure',
  failed_user_busy: 'failure',
  failed_no_answer: 'failure',
  failed_unallocated_number: 'failure',
  failed_office_converter_issue: 'failure',
  failed_separate_file_pages_issue: 'failure',
  failed_render_header_issue: 'failure',
  failed_invalid_number_format: 'failure',
  failed_mimetype_not_supported: 'failure',
  failed_destination_not_supported: 'failure',
  failed_image_preparation: 'failure',
  failed_to_send: 'failure',
  failed_normal_temporary_failure: 'failure',
  failed_unknown_converter_issue: 'failure',
  failed_normal_clearing: 'failure',
  failed_convert_to_tiff_issue: 'failure',
  failed_fs_49: 'failure',
  failed_fs_2: 'failure',
};

export const KNOWN_FAX_STATUSES: readonly string[] = Object.keys(OUTCOMES);

export function statusOutcome(status: FaxStatus): FaxOutcome {
  return Object.prototype.hasOwnProperty.call(OUTCOMES, status) ? OUTCOMES[status] : 'unknown';
}
