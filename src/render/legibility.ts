import type { Resolution } from './raster';
import type { LaidOutDocument, LayoutNote } from './types';

/** An em this many dots tall keeps letters apart on paper. */
const MIN_LEGIBLE_DOTS = 10;
/** Fax services bill and transmit per page; past this a person should know. */
export const MANY_PAGES = 20;

export type LegibilityFinding =
  | { readonly kind: 'smallText'; readonly size: number; readonly minimum: number; readonly pages: number[] }
  | { readonly kind: 'shrunkImage'; readonly percent: number; readonly pages: number[] }
  | { readonly kind: 'manyPages'; readonly pages: number }
  | LayoutNote;

/**
 * What may not come out well on the recipient's paper at this resolution: text too small
 * for its dots, pictures shrunk or turned black and white, wrapped or cut lines, characters
 * the font lacks, and a surprising number of pages.
 */
export function checkLegibility(doc: LaidOutDocument, resolution: Resolution): LegibilityFinding[] {
  const findings: LegibilityFinding[] = [];
  const minimum = Math.ceil(((MIN_LEGIBLE_DOTS * 72) / resolution.y) * 10) / 10;
  const small = new Map<number, Set<number>>();
  const shrunk: { percent: number; pages: Set<number> } = { percent: 100, pages: new Set() };
  doc.pages.forEach((page, index) => {
    for (const item of page.items) {
      if (item.kind === 'text' && item.size < minimum) {
        const pages = small.get(item.size) ?? new Set<number>();
        pages.add(index + 1);
        small.set(item.size, pages);
      } else if (item.kind === 'image') {
        const percent = Math.round((item.width / 0.75 / item.image.width) * 100);
        if (percent < 50) {
          shrunk.percent = Math.min(shrunk.percent, percent);
          shrunk.pages.add(index + 1);
        }
      }
    }
  });
  for (const [size, pages] of small) findings.push({ kind: 'smallText', size, minimum, pages: [...pages] });
  if (shrunk.pages.size > 0) findings.push({ kind: 'shrunkImage', percent: shrunk.percent, pages: [...shrunk.pages] });
  findings.push(...doc.notes);
  if (doc.pages.length > MANY_PAGES) findings.push({ kind: 'manyPages', pages: doc.pages.length });
  return findings;
}
