import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitLines, type Block } from './blocks';
import { parseDelimited } from './delimitedText';
import { FontSet, type FontFiles } from './fontSet';
import { Layout } from './layout';
import { checkLegibility, type LegibilityFinding } from './legibility';
import { markdownBlocks } from './markdownBlocks';
import { writePdf } from './pdfWriter';
import { countInk, Rasteriser, RESOLUTIONS } from './raster';
import { writeTiff } from './tiffWriter';
import type { DocumentKind, LaidOutDocument, LayoutNote, RenderInput, RenderOptions } from './types';

/** The DejaVu files (from the dejavu-fonts-ttf package) each face is drawn with. */
export const FONT_FILE_NAMES: Readonly<Record<keyof FontFiles, string>> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  mono: 'DejaVuSansMono.ttf',
};

export type FaxResolution = keyof typeof RESOLUTIONS;

/** The pages as the recipient's machine prints them, and what may not come out well. */
export interface FaxPreview {
  readonly resolution: FaxResolution;
  /** Multi-page bilevel TIFF of every document in order, for the viewer. */
  readonly tiff: Uint8Array;
  /** Black dots per page. */
  readonly ink: number[];
  /** Per document, in order. */
  readonly findings: LegibilityFinding[][];
}

/**
 * Text, code, Markdown, CSV/TSV and JSON → pages → PDF and fax-resolution preview. One
 * layout feeds both outputs, so what is previewed is what is sent.
 */
export class DocumentRenderer {
  constructor(private readonly fonts: FontSet) {}

  static fromFontDirectory(directory: string): DocumentRenderer {
    const read = (face: keyof FontFiles) => new Uint8Array(readFileSync(join(directory, FONT_FILE_NAMES[face])));
    return new DocumentRenderer(new FontSet({ regular: read('regular'), bold: read('bold'), italic: read('italic'), mono: read('mono') }));
  }

  layout(input: RenderInput, options: RenderOptions): LaidOutDocument {
    const layout = new Layout(this.fonts, options, input.name, input.readImage);
    const { blocks, notes } = blocksFor(input, options);
    for (const note of notes) layout.note(note);
    layout.isWholeDocument = input.kind !== 'markdown';
    return layout.finish(blocks);
  }

  pdf(doc: LaidOutDocument, title: string): Promise<Uint8Array> {
    return writePdf(doc, this.fonts.files, title);
  }

  /** The documents' pages as the fax machine prints them, in one TIFF. */
  preview(docs: readonly LaidOutDocument[], resolution: FaxResolution): FaxPreview {
    const dpi = RESOLUTIONS[resolution];
    const rasteriser = new Rasteriser(this.fonts, dpi);
    const bitmaps = docs.flatMap((doc) => rasteriser.document(doc));
    return {
      resolution,
      tiff: writeTiff(bitmaps, dpi),
      ink: bitmaps.map(countInk),
      findings: docs.map((doc) => checkLegibility(doc, dpi)),
    };
  }
}

function blocksFor(input: RenderInput, options: RenderOptions): { blocks: Block[]; notes: LayoutNote[] } {
  switch (input.kind) {
    case 'markdown':
      return { blocks: markdownBlocks(input.text), notes: [] };
    case 'csv':
    case 'tsv': {
      const rows = parseDelimited(input.text, input.kind === 'csv' ? ',' : '\t').map((row) =>
        row.map((cell) => [{ text: cell, face: 'regular' as const }]),
      );
      if (rows.length === 0) return { blocks: [], notes: [] };
      const header = rows[0].map((cell) => cell.map((run) => ({ ...run, face: 'bold' as const })));
      return { blocks: [{ kind: 'table', header, rows: rows.slice(1) }], notes: [] };
    }
    case 'json': {
      try {
        const pretty = JSON.stringify(JSON.parse(input.text), null, 2);
        return {
          blocks: [{ kind: 'code', lines: splitLines(pretty), lineNumbers: options.lineNumbers, firstLine: input.firstLine }],
          notes: [],
        };
      } catch (e) {
        // Printed as written rather than refused: the person may want exactly that.
        const notes: LayoutNote[] = [{ kind: 'notJson', reason: e instanceof Error ? e.message : String(e) }];
        return {
          blocks: [{ kind: 'code', lines: splitLines(input.text), lineNumbers: options.lineNumbers, firstLine: input.firstLine }],
          notes,
        };
      }
    }
    case 'code':
    case 'text':
      return {
        blocks: [{ kind: 'code', lines: splitLines(input.text), lineNumbers: options.lineNumbers, firstLine: input.firstLine }],
        notes: [],
      };
  }
}

/** How a file is laid out, from its editor language (when open) or its name. */
export function documentKindFor(name: string, languageId?: string): DocumentKind {
  const extension = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase();
  if (languageId === 'markdown' || extension === 'md' || extension === 'markdown') return 'markdown';
  if (extension === 'csv' || languageId === 'csv') return 'csv';
  if (extension === 'tsv' || extension === 'tab' || languageId === 'tsv') return 'tsv';
  if (extension === 'json' || languageId === 'json') return 'json';
  if (languageId === 'plaintext' || extension === 'txt' || extension === 'log') return 'text';
  return 'code';
}
