import * as l10n from '@vscode/l10n';
import type { Fax, OutboxFax } from '../api/models';
import { phoneDisplay } from '../format/phoneDisplay';
import type { ListCategory } from './toolInputs';

/** Plain words for a status; the views' table in the extension, a stub in unit tests. */
export interface StatusWords {
  fax(status: string, direction: 'sent' | 'received'): string;
  outbox(status: string): string;
}

/** UTC, minutes: short, unambiguous for a model to quote and compare. */
export function utcTime(date: Date | undefined): string {
  return date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : l10n.t('time unknown');
}

function pagesText(pages: number | undefined): string {
  if (pages === undefined) return l10n.t('pages unknown');
  return pages === 1 ? l10n.t('1 page') : l10n.t('{0} pages', pages);
}

function categoryName(category: ListCategory): string {
  switch (category) {
    case 'inbox':
      return l10n.t('Inbox');
    case 'sent':
      return l10n.t('Sent');
    case 'spam':
      return l10n.t('Spam');
    case 'outbox':
      return l10n.t('Outbox');
  }
}

/** One line per fax: when, who, pages, status in words, read state, id. */
export function faxListText(category: ListCategory, faxes: readonly Fax[], words: StatusWords, more: boolean): string {
  if (faxes.length === 0) return l10n.t('No faxes in {0} match.', categoryName(category));
  const received = category !== 'sent';
  const lines = faxes.map((fax) => {
    const who = received
      ? l10n.t('from {0}', phoneDisplay(fax.from) || l10n.t('unknown sender'))
      : l10n.t('to {0}', phoneDisplay(fax.to) || l10n.t('unknown number'));
    const read = received && fax.isRead === false ? `, ${l10n.t('unread')}` : '';
    return `- ${utcTime(fax.submitTime ?? fax.startTime)}, ${who}, ${pagesText(fax.pages)}, ${words.fax(fax.status, received ? 'received' : 'sent')}${read} (id ${fax.id})`;
  });
  const head = l10n.t('{0} fax(es) in {1}, newest first:', faxes.length, categoryName(category));
  return [head, ...lines, ...(more ? [l10n.t('More match; narrow with "since" or "number", or raise "limit".')] : [])].join('\n');
}

export function outboxListText(faxes: readonly OutboxFax[], words: StatusWords): string {
  if (faxes.length === 0) return l10n.t('The Outbox is empty: no fax is waiting to go out.');
  const lines = faxes.map(
    (fax) =>
      `- ${utcTime(fax.submitTime)}, ${l10n.t('to {0}', fax.to.map(phoneDisplay).join(', '))}, ${pagesText(fax.pageCount)}, ${words.outbox(fax.status)}${fax.sendTime ? `, ${l10n.t('scheduled for {0}', utcTime(fax.sendTime))}` : ''} (id ${fax.id})`,
  );
  return [l10n.t('{0} fax(es) in the Outbox:', faxes.length), ...lines].join('\n');
}

export function faxDetailsText(fax: Fax, words: StatusWords): string {
  const received = fax.direction === 'incoming';
  const lines = [
    l10n.t('Fax {0} ({1})', fax.id, received ? l10n.t('received') : l10n.t('sent')),
    l10n.t('From: {0}', phoneDisplay(fax.from) || l10n.t('unknown')),
    l10n.t('To: {0}', phoneDisplay(fax.to) || l10n.t('unknown')),
    l10n.t('Time: {0}', utcTime(fax.submitTime ?? fax.startTime)),
    l10n.t('Pages: {0}', fax.pages ?? l10n.t('unknown')),
    l10n.t('Status: {0} — {1}', fax.status, words.fax(fax.status, received ? 'received' : 'sent')),
  ];
  if (received && fax.isRead !== undefined) lines.push(fax.isRead ? l10n.t('Read.') : l10n.t('Unread.'));
  if (fax.comment) lines.push(l10n.t('Comment: {0}', fax.comment));
  return lines.join('\n');
}

export function outboxStatusText(fax: OutboxFax, words: StatusWords): string {
  return [
    l10n.t('Fax {0} is still in the Outbox: {1}', fax.id, words.outbox(fax.status)),
    l10n.t('To: {0}', fax.to.map(phoneDisplay).join(', ')),
    l10n.t('From: {0}', phoneDisplay(fax.from) || l10n.t('unknown')),
    ...(fax.pageCount !== undefined ? [l10n.t('Pages: {0}', fax.pageCount)] : []),
    ...(fax.sendTime ? [l10n.t('Scheduled for {0}.', utcTime(fax.sendTime))] : []),
  ].join('\n');
}

export function sentStatusText(fax: Fax, words: StatusWords, outboxId?: string): string {
  const head =
    outboxId && outboxId !== fax.id
      ? l10n.t('Fax {0} left the Outbox; its record in Sent is {1}.', outboxId, fax.id)
      : l10n.t('Fax {0} left the Outbox.', fax.id);
  return [
    head,
    l10n.t('To: {0}', phoneDisplay(fax.to) || l10n.t('unknown')),
    l10n.t('Pages: {0}', fax.pages ?? l10n.t('unknown')),
    l10n.t('Status: {0} — {1}', fax.status, words.fax(fax.status, 'sent')),
  ].join('\n');
}
