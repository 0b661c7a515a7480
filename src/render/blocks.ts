import type { FontFace } from './types';

/** A piece of inline text in one face. */
export interface Run {
  readonly text: string;
  readonly face: FontFace;
}

export interface ListItem {
  readonly blocks: Block[];
  /** Task list items: true = checked, false = open; undefined for plain items. */
  readonly task?: boolean;
}

/** The document, independent of its source format, before it is laid out on pages. */
export type Block =
  | { readonly kind: 'paragraph'; readonly runs: Run[] }
  | { readonly kind: 'heading'; readonly level: number; readonly runs: Run[] }
  | { readonly kind: 'code'; readonly lines: string[]; readonly lineNumbers: boolean; readonly firstLine?: number }
  | { readonly kind: 'quote'; readonly blocks: Block[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly start: number; readonly items: ListItem[] }
  | { readonly kind: 'table'; readonly header: Run[][]; readonly rows: Run[][][] }
  | { readonly kind: 'rule' }
  | { readonly kind: 'image'; readonly src: string; readonly alt: string };

/** Splits text into lines the way editors count them (CRLF, LF or CR). */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  // A final newline ends the last line; it does not start an empty one.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Tabs advance to the next multiple of `tabSize` columns. */
export function expandTabs(line: string, tabSize: number): string {
  if (!line.includes('\t')) return line;
  let out = '';
  let column = 0;
  for (const char of line) {
    if (char === '\t') {
      const spaces = tabSize - (column % tabSize);
      out += ' '.repeat(spaces);
      column += spaces;
    } else {
      out += char;
      column += 1;
    }
  }
  return out;
}
