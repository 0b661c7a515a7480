import * as l10n from '@vscode/l10n';
import { phoneDisplay } from '../format/phoneDisplay';
import { NO_NUMBER } from '../api/models';

/** The facts of a send a person approves. */
export interface SendFacts {
  readonly draftId: string;
  readonly recipients: readonly string[];
  readonly from: string;
  /** Undefined when Fax.Plus counts them (a document uploaded as it is). */
  readonly pages: number | undefined;
  readonly documents: readonly string[];
  readonly comment?: string;
}

/** Recipients, sender, pages and documents, one line each: VS Code's confirmation and the extension's modal show the same. */
export function sendSummaryLines(facts: SendFacts): string[] {
  return [
    l10n.t('To: {0}', facts.recipients.map(phoneDisplay).join(', ')),
    l10n.t('From: {0}', facts.from === NO_NUMBER ? l10n.t('no number (Fax.Plus chooses)') : phoneDisplay(facts.from)),
    l10n.t('Pages: {0}', facts.pages ?? l10n.t('counted by Fax.Plus')),
    l10n.t('Documents: {0}', facts.documents.join(', ')),
    ...(facts.comment ? [l10n.t('Comment: {0}', facts.comment)] : []),
    l10n.t('Draft: {0}, asked for in chat.', facts.draftId),
  ];
}

/**
 * What prepareInvocation hands VS Code: always a confirmation for this tool. When
 * the request will be refused anyway, it says so instead of a summary.
 */
export function sendConfirmation(facts: SendFacts | undefined): { title: string; message: string } {
  return {
    title: l10n.t('Send a fax?'),
    message: facts
      ? sendSummaryLines(facts).join('  \n')
      : l10n.t('The extension checks this request before anything is sent; it may be refused.'),
  };
}
