import { parseDelimited } from '../render/delimitedText';
import type { Contact, ContactDraft } from './contact';

/**
 * CSV as address books export it. Columns are found by their header, in the
 * spellings of our own export, Outlook ("First Name", "Business Fax") and
 * Google ("Organization 1 - Name", "Phone 1 - Type"/"Phone 1 - Value"). Fax
 * columns win; without any, phone columns are used, as with vCard.
 */
export function parseContactsCsv(text: string): ContactDraft[] {
  const rows = parseDelimited(text.replace(/^\uFEFF/, ''), separatorOf(text)).filter((row) => row.some((cell) => cell.trim() !== ''));
  if (rows.length < 2) return [];
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const column = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const name = column('name', 'full name', 'display name', 'contact');
  const first = column('first name', 'given name');
  const middle = column('middle name', 'additional name');
  const last = column('last name', 'family name', 'surname');
  const organisation = column('organisation', 'organization', 'company', 'organization 1 - name', 'organization name');
  const note = column('note', 'notes');
  const fax = header.flatMap((h, i) => (/\bfax\b/.test(h) && !/type/.test(h) ? [i] : []));
  const phones = header.flatMap((h, i) => (/\b(phone|tel|telephone|mobile)\b/.test(h) && !/type/.test(h) && !/\bfax\b/.test(h) ? [i] : []));
  // Google pairs "Phone N - Type" with "Phone N - Value": a value whose type says fax is a fax column.
  const typedFax = header.flatMap((h, i) => {
    const m = /^phone (\d+) - value$/.exec(h);
    return m ? [{ value: i, type: header.indexOf(`phone ${m[1]} - type`) }] : [];
  });

  return rows.slice(1).map((row) => {
    const cell = (i: number) => (i >= 0 ? (row[i] ?? '').trim().replace(/^'(?=[=+\-@])/, '') : '');
    const googleFax = typedFax.filter((t) => /fax/i.test(cell(t.type))).map((t) => cell(t.value));
    const faxes = [...fax.map(cell), ...googleFax].flatMap(splitNumbers);
    const others = phones.map(cell).flatMap(splitNumbers);
    const fullName = cell(name) || [cell(first), cell(middle), cell(last)].filter(Boolean).join(' ');
    return {
      name: fullName || cell(organisation),
      organisation: cell(organisation) || undefined,
      faxNumbers: faxes.length > 0 ? faxes : others,
      note: cell(note) || undefined,
    };
  });
}

export function writeContactsCsv(contacts: readonly Contact[]): string {
  const rows = [
    ['Name', 'Organisation', 'Fax', 'Note'],
    ...contacts.map((c) => [c.name, c.organisation ?? '', c.faxNumbers.join(' ; '), c.note ?? '']),
  ];
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** Several numbers in one cell are separated by ';' (Google writes ' ::: '). */
function splitNumbers(cell: string): string[] {
  return cell
    .split(/\s*(?:;|:::)\s*/)
    .map((n) => n.trim())
    .filter(Boolean);
}

function separatorOf(text: string): ',' | '\t' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

function quote(cell: string): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet; a quote mark keeps it text.
  const safe = /^[=+\-@]/.test(cell) && !/^\+\d/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
