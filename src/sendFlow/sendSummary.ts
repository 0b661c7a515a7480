import * as l10n from '@vscode/l10n';
import type { SendOptions } from './sendOptions';
import { formatBytes } from '../format/bytes';
import { NO_NUMBER } from '../api/models';

/** One line of the confirmation step; `icon` is a codicon name. */
export interface SummaryLine {
  readonly icon: string;
  readonly label: string;
  readonly detail?: string;
}

export interface SummaryInput {
  readonly files: readonly { readonly name: string; readonly size: number }[];
  readonly recipients: readonly string[];
  readonly from: string;
  readonly options: SendOptions;
}

const LISTED_RECIPIENTS = 5;

/**
 * What the person confirms: everything that decides where the fax goes and
 * what it carries. Page counts are not shown: they are known only after
 * Fax.Plus converts the documents, and a guessed count would mislead.
 */
export function summaryLines(input: SummaryInput, formatNumber: (e164: string) => string = (n) => n): SummaryLine[] {
  const { files, recipients, from, options } = input;
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const lines: SummaryLine[] = [
    {
      icon: 'files',
      label:
        files.length === 1
          ? l10n.t('{0} ({1})', files[0].name, formatBytes(total))
          : l10n.t('{0} files ({1})', files.length, formatBytes(total)),
      detail: files.length === 1 ? undefined : files.map((f) => f.name).join(', '),
    },
    {
      icon: 'person',
      label: recipients.length === 1 ? l10n.t('To {0}', formatNumber(recipients[0])) : l10n.t('To {0} recipients', recipients.length),
      detail: recipients.length === 1 ? undefined : listSome(recipients.map(formatNumber)),
    },
    { icon: 'call-outgoing', label: from === NO_NUMBER ? l10n.t('From: without a number (no_number)') : l10n.t('From {0}', from) },
    { icon: 'clock', label: options.sendAt ? l10n.t('Send at {0}', formatLocalTime(options.sendAt)) : l10n.t('Send now') },
    {
      icon: 'note',
      label: options.coverPage ? l10n.t('Cover page: {0}', options.coverPage.subject || l10n.t('(no subject)')) : l10n.t('No cover page'),
      detail: options.coverPage ? coverDetail(options.coverPage) : undefined,
    },
    { icon: 'sync', label: retryLabel(options) },
    { icon: 'sparkle', label: options.enhancement ? l10n.t('Enhance for text: on') : l10n.t('Enhance for text: off') },
  ];
  if (options.comment) lines.push({ icon: 'comment', label: l10n.t('Comment: {0}', options.comment) });
  return lines;
}

export function retryLabel(options: Pick<SendOptions, 'retry'>): string {
  const { count, delay } = options.retry;
  if (!count) return l10n.t('Redial: Fax.Plus default');
  return delay ? l10n.t('Redial up to {0} times, delay {1}', count, delay) : l10n.t('Redial up to {0} times', count);
}

function coverDetail(cover: NonNullable<SendOptions['coverPage']>): string {
  const parts = [
    cover.to && l10n.t('to {0}', cover.to),
    cover.from && l10n.t('from {0}', cover.from),
    cover.flags?.length ? cover.flags.join(', ') : undefined,
  ];
  return parts.filter(Boolean).join(' · ');
}

function listSome(items: readonly string[]): string {
  const shown = items.slice(0, LISTED_RECIPIENTS).join(', ');
  return items.length > LISTED_RECIPIENTS ? l10n.t('{0} and {1} more', shown, items.length - LISTED_RECIPIENTS) : shown;
}

/** '2026-11-25 09:30 (UTC+01:00)': the person's own clock, with the offset so there is no doubt. */
export function formatLocalTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const zone = `UTC${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())} (${zone})`;
}
