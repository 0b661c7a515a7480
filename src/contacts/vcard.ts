import type { Contact, ContactDraft } from './contact';

/**
 * vCard 2.1, 3.0 and 4.0 as address books export them (RFC 6350 folding,
 * escapes and parameters; 2.1's bare "TEL;FAX;WORK:" type parameters). A card's
 * fax numbers are its TEL lines typed FAX; a card without any gives its other
 * TEL lines, preferred (PREF) first, since people often file a fax number as
 * "work". Written as vCard 3.0, which every address book reads.
 */
export function parseVCards(text: string): ContactDraft[] {
  const cards: ContactDraft[] = [];
  let card: Card | undefined;
  for (const line of unfold(text)) {
    const property = parseLine(line);
    if (!property) continue;
    if (property.name === 'BEGIN' && property.value.toUpperCase() === 'VCARD') card = { tels: [] };
    else if (property.name === 'END' && property.value.toUpperCase() === 'VCARD') {
      if (card) cards.push(draftOf(card));
      card = undefined;
    } else if (card) read(card, property);
  }
  return cards;
}

export function writeVCards(contacts: readonly Contact[]): string {
  return (
    contacts
      .map((c) =>
        [
          'BEGIN:VCARD',
          'VERSION:3.0',
          `FN:${escape(c.name)}`,
          `N:${escape(c.name)};;;;`,
          ...(c.organisation ? [`ORG:${escape(c.organisation)}`] : []),
          ...c.faxNumbers.map((n, i) => `TEL;TYPE=${i === 0 ? 'FAX,PREF' : 'FAX'}:${n}`),
          ...(c.note ? [`NOTE:${escape(c.note)}`] : []),
          'END:VCARD',
        ]
          .map(fold)
          .join('\r\n'),
      )
      .join('\r\n') + (contacts.length > 0 ? '\r\n' : '')
  );
}

interface Card {
  fn?: string;
  n?: string;
  org?: string;
  note?: string;
  tels: { value: string; fax: boolean; pref: boolean }[];
}

interface Property {
  readonly name: string;
  readonly types: readonly string[];
  readonly value: string;
}

function read(card: Card, { name, types, value }: Property): void {
  switch (name) {
    case 'FN':
      card.fn = unescape(value);
      break;
    case 'N': {
      // Family;Given;Additional;Prefix;Suffix → "Prefix Given Additional Family Suffix".
      const [family, given, additional, prefix, suffix] = splitUnescaped(value, ';');
      card.n = [prefix, given, additional, family, suffix].filter(Boolean).join(' ');
      break;
    }
    case 'ORG':
      card.org = splitUnescaped(value, ';').filter(Boolean).join(', ');
      break;
    case 'NOTE':
      card.note = unescape(value);
      break;
    case 'TEL':
      card.tels.push({ value: unescape(value).replace(/^tel:/i, ''), fax: types.includes('FAX'), pref: types.includes('PREF') });
      break;
  }
}

function draftOf(card: Card): ContactDraft {
  const fax = card.tels.filter((t) => t.fax);
  const chosen = fax.length > 0 ? fax : card.tels;
  const ordered = [...chosen.filter((t) => t.pref), ...chosen.filter((t) => !t.pref)].map((t) => t.value);
  return {
    name: card.fn?.trim() || card.n?.trim() || card.org?.trim(),
    organisation: card.org,
    faxNumbers: ordered,
    note: card.note,
  };
}

/** Joins continuation lines (a line starting with a space or tab) and 2.1 quoted-printable soft breaks. */
function unfold(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    if (/^[ \t]/.test(raw) && lines.length > 0) lines[lines.length - 1] += raw.slice(1);
    else if (lines.length > 0 && /QUOTED-PRINTABLE/i.test(lines[lines.length - 1]) && lines[lines.length - 1].endsWith('=')) {
      lines[lines.length - 1] = lines[lines.length - 1].slice(0, -1) + raw;
    } else lines.push(raw);
  }
  return lines;
}

function parseLine(line: string): Property | undefined {
  const colon = colonOutsideQuotes(line);
  if (colon < 0) return undefined;
  const [head, ...params] = line.slice(0, colon).split(';');
  // "item1.TEL" (Apple's grouping) is a TEL.
  const name = head.replace(/^[^.]*\./, '').toUpperCase();
  const types: string[] = [];
  let quotedPrintable = false;
  for (const param of params) {
    const [key, rawValue] = param.includes('=') ? param.split(/=(.*)/s, 2) : ['TYPE', param];
    const k = key.toUpperCase();
    if (k === 'TYPE') {
      types.push(
        ...rawValue
          .replace(/"/g, '')
          .split(',')
          .map((t) => t.trim().toUpperCase()),
      );
    } else if (k === 'PREF') types.push('PREF');
    else if (k === 'ENCODING' && rawValue.toUpperCase() === 'QUOTED-PRINTABLE') quotedPrintable = true;
  }
  let value = line.slice(colon + 1);
  if (quotedPrintable) value = decodeQuotedPrintable(value);
  return { name, types, value };
}

function colonOutsideQuotes(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) return i;
  }
  return -1;
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '=' && /^[0-9A-F]{2}$/i.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(value[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function splitUnescaped(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\' && i + 1 < value.length) {
      current += value[i] + value[i + 1];
      i++;
    } else if (value[i] === separator) {
      parts.push(unescape(current));
      current = '';
    } else current += value[i];
  }
  parts.push(unescape(current));
  return parts;
}

function unescape(value: string): string {
  return value.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function escape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');
}

/** RFC 6350 §3.2: lines longer than 75 octets continue on the next line after one space. */
function fold(line: string): string {
  const chars = [...line];
  const out: string[] = [];
  let current = '';
  for (const char of chars) {
    if (Buffer.byteLength(current + char, 'utf8') > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
    }
    current += char;
  }
  out.push(current);
  return out.join('\r\n ');
}
