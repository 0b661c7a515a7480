import { extname, isAbsolute, sep } from 'node:path';

/**
 * Where downloaded faxes and reports may be written. Server ids and names
 * never shape a path beyond one file-name segment, and a path given in an
 * argument object is taken only when it plainly names a file of the right type.
 */

// Separators, control characters and what Windows forbids in a name.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAME = /[/\\\u0000-\u001f\u007f<>:"|?*]+/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** One harmless file-name segment from text a server chose (an id, a number). */
export function safeFileName(raw: string, fallback = 'fax'): string {
  const cleaned = raw
    .replace(UNSAFE_IN_NAME, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 100);
  return cleaned === '' || /^_+$/.test(cleaned) ? fallback : cleaned;
}

/** The save dialog's default name, e.g. `fax-2024-05-01-+15550100123.pdf`: sorts by date, says who. */
export function faxFileName(date: string | undefined, partyDigits: string | undefined, faxId: string, extension: 'pdf' | 'tif'): string {
  const name = ['fax', date, partyDigits || safeFileName(faxId, '')].filter(Boolean).join('-');
  return `${name}.${extension}`;
}

export type DestinationCheck =
  { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: 'relative' | 'control' | 'parent' | 'extension' };

/** A `destination` from an argument object: absolute, no control characters, no `..`, and one of `extensions`. */
export function checkDestination(raw: string, extensions: readonly string[]): DestinationCheck {
  if (CONTROL.test(raw)) {
    return { ok: false, reason: 'control' };
  }
  if (!isAbsolute(raw)) {
    return { ok: false, reason: 'relative' };
  }
  if (raw.split(/[/\\]/).includes('..') || raw.split(sep).includes('..')) {
    return { ok: false, reason: 'parent' };
  }
  if (!extensions.includes(extname(raw).toLowerCase())) {
    return { ok: false, reason: 'extension' };
  }
  return { ok: true, path: raw };
}
