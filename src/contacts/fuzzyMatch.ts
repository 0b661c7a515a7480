import { nameKey } from './contact';

/**
 * How well `query` matches `text`, or undefined when it does not: every query
 * character must appear in order. Matches at word starts and in a row score
 * higher, so "dch" ranks "Dr. Chen" above "Medical Archive".
 */
export function fuzzyScore(query: string, text: string): number | undefined {
  const q = nameKey(query).replace(/\s/g, '');
  const t = nameKey(text);
  if (q.length === 0) return 0;
  let score = 0;
  let at = 0;
  let previous = -2;
  for (const char of q) {
    const found = t.indexOf(char, at);
    if (found < 0) return undefined;
    const wordStart = found === 0 || /[\s.\-_/(]/.test(t[found - 1]);
    score += 1 + (wordStart ? 3 : 0) + (found === previous + 1 ? 2 : 0);
    previous = found;
    at = found + 1;
  }
  // A whole-word prefix beats a scattered match of the same length, and a whole word beats a word's start:
  // "chen" ranks "Dr. Emily Chen" above "Dr. Raj Chenoweth", however long the rest of the text.
  if (t.startsWith(nameKey(query))) score += 5;
  if (t.split(/[\s.\-_/(),]+/).includes(nameKey(query).trim())) score += 5;
  return score - t.length / 100;
}

/** The items that match, best first (ties keep their order). */
export function fuzzyFilter<T>(query: string, items: readonly T[], textOf: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, textOf(item)) }))
    .filter((m): m is { item: T; index: number; score: number } => m.score !== undefined)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((m) => m.item);
}
