import * as l10n from '@vscode/l10n';
import type { Contact } from './contact';

const VERSION = 1;

export type ContactsFileRead = { ok: true; contacts: Contact[] } | { ok: false; message: string };

/** The stored file: `{ version, contacts }`, so a later format can tell an old file apart. */
export function writeContactsFile(contacts: readonly Contact[]): string {
  return `${JSON.stringify({ version: VERSION, contacts }, undefined, 2)}\n`;
}

/** Reads the stored file; no file is an empty book, a damaged one is reported (and never overwritten). */
export function readContactsFile(text: string | undefined): ContactsFileRead {
  if (text === undefined || text.trim() === '') return { ok: true, contacts: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: l10n.t('not valid JSON: {0}', e instanceof Error ? e.message : String(e)) };
  }
  const list = (raw as { contacts?: unknown } | null)?.contacts;
  if (!Array.isArray(list)) return { ok: false, message: l10n.t('no "contacts" list') };
  // Entries edited by hand into nonsense are dropped one by one rather than losing the book.
  return { ok: true, contacts: list.flatMap((entry) => (isContact(entry) ? [entry] : [])) };
}

function isContact(value: unknown): value is Contact {
  const c = value as Partial<Contact> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.id === 'string' &&
    typeof c.name === 'string' &&
    c.name.trim() !== '' &&
    Array.isArray(c.faxNumbers) &&
    c.faxNumbers.length > 0 &&
    c.faxNumbers.every((n) => typeof n === 'string') &&
    (c.organisation === undefined || typeof c.organisation === 'string') &&
    (c.note === undefined || typeof c.note === 'string')
  );
}
