import type { Block, ListItem, Run } from './blocks';
import { expandTabs } from './blocks';
import type { FontSet } from './fontSet';
import { decodeImage } from './images';
import { MARGIN, PAPER_SIZES, SIZES } from './pageGeometry';
import type { FontFace, LaidOutDocument, LayoutNote, Page, PageItem, PaperSize, RenderOptions } from './types';

/** Marks the start of a wrapped code line's continuation, so a reader knows it is not a new line. */
export const CONTINUATION_MARK = '↪';
const BULLETS = ['•', '◦', '▪'];
const TASK_OPEN = '☐';
const TASK_DONE = '☒';
const TABLE_PADDING = 3;
const HEADER_GAP = 14;

interface Piece {
  readonly x: number;
  readonly text: string;
  readonly face: FontFace;
}

interface Line {
  readonly pieces: Piece[];
  readonly width: number;
}

/** Where a block is drawn: its left edge and width, quote bars to its left, and a list marker waiting for its first line. */
interface Frame {
  readonly left: number;
  readonly width: number;
  readonly bars: readonly number[];
  marker?: { readonly text: string; readonly x: number; readonly face: FontFace };
}

/**
 * Lays blocks out on pages. Everything is measured with the same font metrics the PDF
 * uses, so where a line breaks here is where it breaks on paper and in the preview.
 */
export class Layout {
  private readonly paper: PaperSize;
  private readonly pages: PageItem[][] = [];
  private items: PageItem[] = [];
  private y = 0;
  private readonly notes: LayoutNote[] = [];
  private readonly missing = new Set<string>();
  private wrapped = 0;

  constructor(
    private readonly fonts: FontSet,
    private readonly options: RenderOptions,
    private readonly name: string,
    private readonly readImage: ((src: string) => Uint8Array | undefined) | undefined,
  ) {
    this.paper = PAPER_SIZES[options.paper];
    this.newPage();
  }

  get contentWidth(): number {
    return this.paper.width - 2 * MARGIN;
  }

  note(note: LayoutNote): void {
    this.notes.push(note);
  }

  /** Lays out the blocks and closes the document: headers and notes are added here. */
  finish(blocks: readonly Block[]): LaidOutDocument {
    const frame: Frame = { left: MARGIN, width: this.contentWidth, bars: [] };
    blocks.forEach((block, index) => this.block(block, frame, index === 0));
    this.pages.push(this.items);
    if (this.options.header) this.addHeaders();
    if (this.missing.size > 0) this.notes.push({ kind: 'missingGlyphs', characters: [...this.missing] });
    if (this.wrapped > 0) this.notes.push({ kind: 'wrappedLines', count: this.wrapped });
    return { paper: this.paper, pages: this.pages.map((items): Page => ({ items })), notes: this.notes };
  }

  private get top(): number {
    return MARGIN + (this.options.header ? SIZES.header + HEADER_GAP : 0);
  }

  private get bottom(): number {
    return this.paper.height - MARGIN;
  }

  private newPage(): void {
    if (this.y !== 0) this.pages.push(this.items);
    this.items = [];
    this.y = this.top;
  }

  private ensure(height: number): void {
    if (this.y + height > this.bottom + 0.01 && this.y > this.top) this.newPage();
  }

  private space(points: number): void {
    if (this.y > this.top) this.y = Math.min(this.y + points, this.bottom);
  }

  private block(block: Block, frame: Frame, first: boolean): void {
    switch (block.kind) {
      case 'paragraph':
        this.paragraph(block.runs, frame, SIZES.body);
        this.space(6);
        break;
      case 'heading': {
        const size = SIZES.headings[Math.min(block.level, 6) - 1];
        if (!first) this.space(size * 0.6);
        // A heading never ends a page: it moves down with its first line of text.
        this.ensure(size * 1.3 + SIZES.body * 1.4);
        this.paragraph(
          block.runs.map((r) => ({ ...r, face: r.face === 'mono' ? 'mono' : 'bold' })),
          frame,
          size,
        );
        if (block.level <= 2) this.box(frame.left, this.y + 1, frame.width, block.level === 1 ? 1.2 : 0.6);
        this.space(block.level <= 2 ? 6 : 3);
        break;
      }
      case 'code':
        this.code(
          block.lines,
          block.firstLine ?? 1,
          frame,
          block.lineNumbers,
          first && frame.bars.length === 0 && frame.left === MARGIN && this.isWholeDocument,
        );
        this.space(6);
        break;
      case 'quote': {
        const inner: Frame = {
          left: frame.left + 12,
          width: frame.width - 12,
          bars: [...frame.bars, frame.left + 2],
          marker: frame.marker,
        };
        block.blocks.forEach((b, i) => this.block(b, inner, i === 0));
        frame.marker = inner.marker;
        break;
      }
      case 'list':
        this.list(block.items, block.ordered, block.start, frame);
        this.space(4);
        break;
      case 'table':
        this.table(block.header, block.rows, frame);
        this.space(8);
        break;
      case 'rule':
        this.ensure(12);
        this.box(frame.left, this.y + 5, frame.width, 0.8);
        this.y += 12;
        break;
      case 'image':
        this.image(block.src, block.alt, frame);
        this.space(6);
        break;
    }
  }

  /** Set by renderDocument for code and text files: their one code block has no frame bar. */
  isWholeDocument = false;

  private paragraph(runs: readonly Run[], frame: Frame, size: number): void {
    const lineHeight = size * 1.35;
    for (const line of this.wrap(runs, frame.width, size)) {
      this.line(line, frame, size, lineHeight);
    }
  }

  private line(line: Line, frame: Frame, size: number, lineHeight: number): void {
    this.ensure(lineHeight);
    const baseline = this.baseline(size, lineHeight);
    for (const bar of frame.bars) this.box(bar, this.y, 1.5, lineHeight);
    if (frame.marker) {
      this.text(frame.marker.x, baseline, size, frame.marker.face, frame.marker.text);
      frame.marker = undefined;
    }
    for (const piece of line.pieces) this.text(frame.left + piece.x, baseline, size, piece.face, piece.text);
    this.y += lineHeight;
  }

  private baseline(size: number, lineHeight: number): number {
    return this.y + (lineHeight - size * 1.17) / 2 + size * 0.93;
  }

  /** Text with the characters the face lacks replaced (and remembered for the report). */
  private printable(face: FontFace, text: string): string {
    const result = this.fonts.printable(face, text);
    for (const char of result.missing) this.missing.add(char);
    return result.text;
  }

  private text(x: number, y: number, size: number, face: FontFace, text: string): void {
    if (text === '') return;
    this.items.push({ kind: 'text', x, y, size, face, text });
  }

  private box(x: number, y: number, width: number, height: number): void {
    this.items.push({ kind: 'box', x, y, width, height });
  }

  /** Greedy line breaking at spaces; a word wider than the line is broken between characters. */
  wrap(runs: readonly Run[], width: number, size: number): Line[] {
    const lines: Line[] = [];
    let pieces: Piece[] = [];
    let x = 0;
    const flush = () => {
      lines.push({ pieces: mergePieces(pieces), width: x });
      pieces = [];
      x = 0;
    };
    for (const run of runs) {
      const tokens = run.text.split(/(\n|[ \t]+)/);
      for (const raw of tokens) {
        if (raw === '') continue;
        const token = raw === '\n' || /^[ \t]+$/.test(raw) ? raw : this.printable(run.face, raw);
        if (token === '\n') {
          flush();
          continue;
        }
        const w = this.fonts.width(run.face, token, size);
        if (/^[ \t]+$/.test(token)) {
          if (x > 0) {
            pieces.push({ x, text: ' ', face: run.face });
            x += this.fonts.width(run.face, ' ', size);
          }
          continue;
        }
        if (x + w > width && x > 0) {
          // The space before the word stays on the line it ended.
          while (pieces.length > 0 && pieces[pieces.length - 1].text === ' ') {
            const space = pieces.pop() as Piece;
            x = space.x;
          }
          flush();
        }
        if (w <= width) {
          pieces.push({ x, text: token, face: run.face });
          x += w;
          continue;
        }
        for (const char of token) {
          const cw = this.fonts.width(run.face, char, size);
          if (x + cw > width && x > 0) flush();
          pieces.push({ x, text: char, face: run.face });
          x += cw;
        }
      }
    }
    if (pieces.length > 0 || lines.length === 0) flush();
    return lines;
  }

  private code(lines: readonly string[], firstLine: number, frame: Frame, numbered: boolean, bare: boolean): void {
    const size = SIZES.code;
    const lineHeight = size * 1.25;
    const charWidth = this.fonts.width('mono', 'M', size);
    const inset = bare ? 0 : 8;
    const digits = String(firstLine + lines.length - 1).length;
    const gutter = numbered ? (digits + 1) * charWidth : 0;
    const left = frame.left + inset;
    const textLeft = left + gutter + charWidth * 2;
    const columns = Math.max(8, Math.floor((frame.left + frame.width - textLeft) / charWidth));
    const codeFrame: Frame = { ...frame, bars: bare ? frame.bars : [...frame.bars, frame.left + 1] };
    lines.forEach((raw, index) => {
      const chars = [...this.printable('mono', expandTabs(raw, this.options.tabSize))];
      const parts: string[] = [];
      for (let i = 0; i < chars.length || parts.length === 0; i += columns) parts.push(chars.slice(i, i + columns).join(''));
      if (parts.length > 1) this.wrapped++;
      parts.forEach((part, partIndex) => {
        this.ensure(lineHeight);
        const baseline = this.baseline(size, lineHeight);
        for (const bar of codeFrame.bars) this.box(bar, this.y, 1.5, lineHeight);
        if (codeFrame.marker) {
          this.text(codeFrame.marker.x, baseline, SIZES.body, codeFrame.marker.face, codeFrame.marker.text);
          codeFrame.marker = undefined;
        }
        if (numbered && partIndex === 0) {
          const label = String(firstLine + index).padStart(digits, ' ');
          this.text(left, baseline, size, 'mono', label);
        }
        if (partIndex > 0) this.text(left + gutter, baseline, size, 'mono', CONTINUATION_MARK);
        this.text(textLeft, baseline, size, 'mono', part);
        this.y += lineHeight;
      });
    });
    frame.marker = codeFrame.marker;
  }

  private list(items: readonly ListItem[], ordered: boolean, start: number, frame: Frame): void {
    const depth = frame.bars.length + Math.round((frame.left - MARGIN) / 18);
    const indent = ordered ? this.fonts.width('regular', `${start + items.length}.`, SIZES.body) + 8 : 16;
    items.forEach((item, index) => {
      const label =
        item.task !== undefined ? (item.task ? TASK_DONE : TASK_OPEN) : ordered ? `${start + index}.` : BULLETS[depth % BULLETS.length];
      const inner: Frame = {
        left: frame.left + indent,
        width: frame.width - indent,
        bars: frame.bars,
        marker: { text: label, x: frame.left, face: 'regular' },
      };
      item.blocks.forEach((b, i) => this.block(b, inner, i === 0));
      if (inner.marker) {
        // An empty item still shows its marker.
        this.line({ pieces: [], width: 0 }, inner, SIZES.body, SIZES.body * 1.35);
      }
    });
  }

  private table(header: Run[][], rows: Run[][][], frame: Frame): void {
    const columns = Math.max(header.length, ...rows.map((r) => r.length));
    if (columns === 0) return;
    const size = SIZES.body - 1;
    const lineHeight = size * 1.3;
    const all = [header, ...rows];
    const natural = new Array<number>(columns).fill(0);
    const longestWord = new Array<number>(columns).fill(0);
    for (const row of all) {
      row.forEach((cell, c) => {
        natural[c] = Math.max(
          natural[c],
          cell.reduce((w, r) => w + this.fonts.width(r.face, r.text, size), 0),
        );
        for (const run of cell) {
          for (const word of run.text.split(/\s+/)) longestWord[c] = Math.max(longestWord[c], this.fonts.width(run.face, word, size));
        }
      });
    }
    const widths = columnWidths(
      natural.map((n) => n + 2 * TABLE_PADDING),
      longestWord.map((n) => n + 2 * TABLE_PADDING),
      frame.width,
    );
    const xs = widths.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1] + w], [frame.left]);
    const tableWidth = xs[xs.length - 1] - frame.left;
    const rowLines = (row: Run[][]) => widths.map((w, c) => this.wrap(row[c] ?? [], w - 2 * TABLE_PADDING, size));
    const rowHeight = (lines: Line[][]) => Math.max(1, ...lines.map((l) => l.length)) * lineHeight + 2 * TABLE_PADDING;
    const headerLines = header.length > 0 ? rowLines(header) : undefined;

    const drawRow = (lines: Line[][], height: number) => {
      const available = this.bottom - this.y;
      let drawn = height;
      if (height > available) {
        drawn = available;
        this.note({
          kind: 'cutContent',
          what: lines
            .map((l) => l[0]?.pieces.map((p) => p.text).join('') ?? '')
            .join(' | ')
            .slice(0, 60),
        });
      }
      this.box(frame.left, this.y, tableWidth, 0.6);
      this.box(frame.left, this.y + drawn - 0.6, tableWidth, 0.6);
      for (const x of xs) this.box(Math.min(x, frame.left + tableWidth - 0.6), this.y, 0.6, drawn);
      for (const bar of frame.bars) this.box(bar, this.y, 1.5, drawn);
      lines.forEach((cellLines, c) => {
        cellLines.forEach((line, i) => {
          const top = this.y + TABLE_PADDING + i * lineHeight;
          if (top + lineHeight > this.y + drawn) return;
          const baseline = top + (lineHeight - size * 1.17) / 2 + size * 0.93;
          for (const piece of line.pieces) this.text(xs[c] + TABLE_PADDING + piece.x, baseline, size, piece.face, piece.text);
        });
      });
      if (frame.marker) {
        this.text(frame.marker.x, this.y + TABLE_PADDING + size, SIZES.body, frame.marker.face, frame.marker.text);
        frame.marker = undefined;
      }
      this.y += drawn;
    };

    const headerHeight = headerLines ? rowHeight(headerLines) : 0;
    let first = true;
    for (const row of rows) {
      const lines = rowLines(row);
      const height = rowHeight(lines);
      if (first) {
        // The table starts where its header and first row fit together.
        this.ensure(headerHeight + height);
        if (headerLines) drawRow(headerLines, headerHeight);
        first = false;
      } else if (this.y + height > this.bottom) {
        // Every page the table continues on starts with its header again.
        this.newPage();
        if (headerLines) drawRow(headerLines, headerHeight);
      }
      drawRow(lines, height);
    }
    if (first && headerLines) {
      this.ensure(headerHeight);
      drawRow(headerLines, headerHeight);
    }
  }

  private image(src: string, alt: string, frame: Frame): void {
    const bytes = this.readImage?.(src);
    const decoded = bytes ? decodeImage(bytes) : undefined;
    if (!decoded) {
      this.note({ kind: 'imageMissing', src });
      this.paragraph([{ text: `[${alt || src}: ${src}]`, face: 'italic' }], frame, SIZES.body);
      return;
    }
    if (decoded.greyShare > 0.2) this.note({ kind: 'coloursLost', src, share: decoded.greyShare });
    // Pictures are taken at 96 pixels per inch (as in a browser), shrunk to fit the column and the page.
    let width = decoded.image.width * 0.75;
    let height = decoded.image.height * 0.75;
    const maxHeight = this.bottom - this.top;
    const scale = Math.min(1, frame.width / width, maxHeight / height);
    width *= scale;
    height *= scale;
    this.ensure(height);
    for (const bar of frame.bars) this.box(bar, this.y, 1.5, height);
    this.items.push({ kind: 'image', x: frame.left, y: this.y, width, height, image: decoded.image });
    this.y += height;
    if (alt) this.paragraph([{ text: alt, face: 'italic' }], frame, SIZES.body - 1);
  }

  private addHeaders(): void {
    const total = this.pages.length;
    const size = SIZES.header;
    const baseline = MARGIN + size;
    this.pages.forEach((items, index) => {
      const label = this.options.pageLabel.replace('{0}', String(index + 1)).replace('{1}', String(total));
      const labelWidth = this.fonts.width('regular', label, size);
      let name = this.printable('bold', this.name);
      const room = this.contentWidth - labelWidth - 12;
      while (name.length > 1 && this.fonts.width('bold', name, size) > room) name = name.slice(0, -2) + '…';
      items.unshift(
        { kind: 'text', x: MARGIN, y: baseline, size, face: 'bold', text: name },
        { kind: 'text', x: this.paper.width - MARGIN - labelWidth, y: baseline, size, face: 'regular', text: label },
        { kind: 'box', x: MARGIN, y: baseline + 4, width: this.contentWidth, height: 0.6 },
      );
    });
  }
}

/** Joins neighbouring pieces of the same face into one run of text. */
function mergePieces(pieces: readonly Piece[]): Piece[] {
  const merged: Piece[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && last.face === piece.face) merged[merged.length - 1] = { ...last, text: last.text + piece.text };
    else merged.push(piece);
  }
  return merged;
}

/**
 * Column widths that fit `available`: natural widths when they fit; otherwise each column
 * gets a share of the room in proportion to its natural width, but never less than its
 * longest word (up to an equal share), so words are broken only when they must be.
 */
export function columnWidths(natural: readonly number[], minimum: readonly number[], available: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= available) return [...natural];
  const fair = available / natural.length;
  const floors = minimum.map((m, i) => Math.min(m, fair, natural[i]));
  const spare = available - floors.reduce((a, b) => a + b, 0);
  const extra = natural.map((n, i) => n - floors[i]);
  const extraTotal = extra.reduce((a, b) => a + b, 0) || 1;
  return floors.map((f, i) => f + (spare * extra[i]) / extraTotal);
}
