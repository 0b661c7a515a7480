import * as l10n from '@vscode/l10n';
import { parseRecipients } from '../send/recipients';

/** One entry of the person's address book. Fax numbers are E.164, the first is the one to use. */
export interface Contact {
  readonly id: string;
  readonly name: string;
  readonly organisation?: string;
  readonly faxNumbers: readonly string[];
  readonly note?: string;
}

/** A contact as typed, imported or passed in an argument object, before its numbers are read. */
export interface ContactDraft {
  readonly name?: string;
  readonly organisation?: string;
  /** Numbers as written; each is read as a fax number would be. */
  readonly faxNumbers?: readonly string[];
  readonly note?: string;
}

const E164 = /^\+[1-9]\d{6,14}$/;

export type ContactCheck = { ok: true; contact: Omit<Contact, 'id'> } | { ok: false; message: string };

/**
 * Reads a draft: a name, at least one number that reads as a fax number (written
 * in any form the recipients step accepts), numbers de-duplicated in order.
 */
export function checkContact(draft: ContactDraft, defaultRegion: string | undefined): ContactCheck {
  const name = draft.name?.trim() ?? '';
  if (!name) return { ok: false, message: l10n.t('A contact needs a name.') };
  if (/[,;\r\n]/.test(name)) {
    // Names are typed into the recipients list, where these characters separate entries.
    return { ok: false, message: l10n.t('"{0}": a contact name cannot contain commas, semicolons or line breaks.', name) };
  }
  const typed = (draft.faxNumbers ?? []).map((n) => n.trim()).filter((n) => n.length > 0);
  if (typed.length === 0) return { ok: false, message: l10n.t('"{0}" needs at least one fax number.', name) };
  // A bare E.164 number is what Fax.Plus records hold (Save as Contact): it reached a fax line, so it is
  // kept even where the bundled numbering metadata lags behind; anything else is read as the recipients step reads it.
  const numbers: string[] = [];
  for (const entry of typed) {
    const list = E164.test(entry) ? { valid: [entry], invalid: [] } : parseRecipients(entry, { defaultRegion });
    if (list.invalid.length > 0 || list.valid.length !== 1) {
      return { ok: false, message: l10n.t('"{0}": "{1}" is not a fax number. Write it as +<country code> <number>.', name, entry) };
    }
    if (!numbers.includes(list.valid[0])) numbers.push(list.valid[0]);
  }
  const organisation = draft.organisation?.trim();
  const note = draft.note?.trim();
  return {
    ok: true,
    contact: { name, faxNumbers: numbers, ...(organisation ? { organisation } : {}), ...(note ? { note } : {}) },
  };
}

/** Names compare without case, accents or repeated spaces ("dr. chen" finds "Dr. Chen"). */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}
