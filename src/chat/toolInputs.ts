import * as l10n from '@vscode/l10n';

/**
 * The inputs of the chat tools, checked. A model writes these, so every problem
 * is said in words it can act on (and quote to the person); nothing is guessed.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export type ListCategory = 'inbox' | 'sent' | 'spam' | 'outbox';

export interface ListFaxesInput {
  readonly category: ListCategory;
  readonly unreadOnly: boolean;
  readonly since?: Date;
  /** Digits a number must contain (sender or destination). */
  readonly number?: string;
  readonly limit: number;
}

export interface FaxIdInput {
  readonly id: string;
}

export interface PrepareFaxInput {
  /** Workspace-relative paths or URIs, in page order. */
  readonly files: readonly string[];
  readonly text?: string;
  /** The name the written text gets (its type decides the layout: .md is Markdown). */
  readonly title: string;
  readonly paper?: 'letter' | 'a4';
}

export interface SendFaxInput {
  readonly draftId: string;
  readonly to: readonly string[];
  readonly from?: string;
  readonly comment?: string;
}

export const LIST_LIMIT_DEFAULT = 20;
export const LIST_LIMIT_MAX = 50;
const CATEGORIES: readonly ListCategory[] = ['inbox', 'sent', 'spam', 'outbox'];

export function parseListFaxesInput(raw: unknown): Parsed<ListFaxesInput> {
  const input = objectOf(raw);
  const problems: string[] = [];
  const category = input.category ?? 'inbox';
  if (typeof category !== 'string' || !CATEGORIES.includes(category as ListCategory)) {
    problems.push(l10n.t('"category" must be one of {0}.', CATEGORIES.join(', ')));
  }
  const unreadOnly = input.unreadOnly ?? false;
  if (typeof unreadOnly !== 'boolean') problems.push(l10n.t('"unreadOnly" must be true or false.'));
  let since: Date | undefined;
  if (input.since !== undefined) {
    since = typeof input.since === 'string' ? parseSince(input.since) : undefined;
    if (!since) problems.push(l10n.t('"since" must be a date such as 2026-12-01 or a date-time such as 2026-12-01T08:00:00Z.'));
  }
  let number: string | undefined;
  if (input.number !== undefined) {
    number = typeof input.number === 'string' ? input.number.replace(/\D/g, '') : '';
    if (!number) problems.push(l10n.t('"number" must contain digits of a fax number.'));
  }
  const limit = input.limit ?? LIST_LIMIT_DEFAULT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > LIST_LIMIT_MAX) {
    problems.push(l10n.t('"limit" must be a whole number from 1 to {0}.', LIST_LIMIT_MAX));
  }
  if (problems.length > 0) return { ok: false, message: problems.join(' ') };
  return {
    ok: true,
    value: { category: category as ListCategory, unreadOnly: unreadOnly as boolean, since, number, limit: limit as number },
  };
}

export function parseFaxIdInput(raw: unknown): Parsed<FaxIdInput> {
  const id = objectOf(raw).id;
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(id.trim())) {
    return { ok: false, message: l10n.t('"id" must be the id of a fax as faxplus_listFaxes or faxplus_sendFax reported it.') };
  }
  return { ok: true, value: { id: id.trim() } };
}

export function parsePrepareFaxInput(raw: unknown): Parsed<PrepareFaxInput> {
  const input = objectOf(raw);
  const problems: string[] = [];
  const files = stringList(input.files, 'files', problems) ?? [];
  let text: string | undefined;
  if (input.text !== undefined) {
    if (typeof input.text !== 'string') problems.push(l10n.t('"text" must be a string.'));
    else if (input.text.trim() !== '') text = input.text;
  }
  let title = 'fax.md';
  if (input.title !== undefined) {
    const name = typeof input.title === 'string' ? input.title.trim() : '';
    if (!/^[^\\/:*?"<>|\r\n]{1,80}$/.test(name)) {
      problems.push(l10n.t('"title" must be a short file name such as referral.md (no slashes).'));
    } else title = /\.[A-Za-z0-9]{1,5}$/.test(name) ? name : `${name}.md`;
  }
  let paper: 'letter' | 'a4' | undefined;
  if (input.paper !== undefined) {
    if (input.paper === 'letter' || input.paper === 'a4') paper = input.paper;
    else problems.push(l10n.t('"paper" must be "letter" or "a4".'));
  }
  if (problems.length === 0 && files.length === 0 && text === undefined) {
    problems.push(l10n.t('Give "files" (workspace paths) or "text" to fax, or both.'));
  }
  if (problems.length > 0) return { ok: false, message: problems.join(' ') };
  return { ok: true, value: { files, text, title, paper } };
}

export function parseSendFaxInput(raw: unknown): Parsed<SendFaxInput> {
  const input = objectOf(raw);
  const problems: string[] = [];
  const draftId = typeof input.draftId === 'string' ? input.draftId.trim() : '';
  if (!draftId) {
    problems.push(l10n.t('"draftId" is missing: prepare the fax with faxplus_prepareFax first and pass the draft id it returned.'));
  }
  const to = typeof input.to === 'string' ? [input.to] : (stringList(input.to, 'to', problems) ?? []);
  if (to.length === 0 && !problems.some((p) => p.includes('"to"'))) {
    problems.push(l10n.t('"to" is missing: give the fax numbers, in international form such as +1 617 555 0199.'));
  }
  const from = optionalText(input.from, 'from', problems);
  const comment = optionalText(input.comment, 'comment', problems);
  if (problems.length > 0) return { ok: false, message: problems.join(' ') };
  return { ok: true, value: { draftId, to, from, comment } };
}

/** A date (midnight UTC) or an ISO date-time. */
function parseSince(text: string): Date | undefined {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(trimmed)) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed.replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function objectOf(raw: unknown): Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

function stringList(value: unknown, name: string, problems: string[]): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
    problems.push(l10n.t('"{0}" must be a list of non-empty strings.', name));
    return undefined;
  }
  return value.map((v: string) => v.trim());
}

function optionalText(value: unknown, name: string, problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    problems.push(l10n.t('"{0}" must be a string.', name));
    return undefined;
  }
  return value.trim() || undefined;
}
