import type { Paper, PaperSize } from './types';

export const PAPER_SIZES: Readonly<Record<Paper, PaperSize>> = {
  letter: { width: 612, height: 792 },
  a4: { width: 595.28, height: 841.89 },
};

/**
 * Fax machines and fax services crop or shrink near the edges (the ITU T.4 scan line is
 * 215 mm, narrower than Letter); 0.6 in keeps every mark clear of it on both papers.
 */
export const MARGIN = 43;

/** Type sizes in points. The smallest (header, 8 pt) is still about 22 px tall at fine resolution and 11 px at standard. */
export const SIZES = {
  body: 10.5,
  code: 9,
  header: 8,
  headings: [18, 15, 13, 11.5, 11.5, 11.5],
} as const;

/** Regions whose paper is Letter; everywhere else uses A4. */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PA', 'DO', 'PR', 'SV', 'NI', 'BZ', 'HN', 'BO']);

/**
 * The paper a locale prints on: 'en-US' → letter, 'de-DE' → a4. A locale without a region
 * ('en') says nothing; `fallback` (the system's locale) decides then.
 */
export function paperForLocale(locale: string, fallback?: string): Paper {
  const region = regionOf(locale) ?? (fallback ? regionOf(fallback) : undefined);
  return region !== undefined && LETTER_REGIONS.has(region) ? 'letter' : region === undefined ? 'letter' : 'a4';
}

function regionOf(locale: string): string | undefined {
  const parts = locale.replace(/_/g, '-').split('-').slice(1);
  const region = parts.find((p) => /^[A-Za-z]{2}$/.test(p) || /^\d{3}$/.test(p));
  return region?.toUpperCase();
}
