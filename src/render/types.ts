/** Everything the renderer produces and takes, in PDF points (1/72 in) with y measured down from the top of the page. */

export type Paper = 'letter' | 'a4';
export type FontFace = 'regular' | 'bold' | 'italic' | 'mono';
/** What the input is, decided by the caller from the file name or the editor's language. */
export type DocumentKind = 'markdown' | 'code' | 'text' | 'csv' | 'tsv' | 'json';

export interface RenderOptions {
  readonly paper: Paper;
  readonly lineNumbers: boolean;
  /** File name and "page x of y" at the top of every page. */
  readonly header: boolean;
  /** Columns a tab advances to; code and text only. */
  readonly tabSize: number;
  /** `{0}` = page, `{1}` = page count: localised by the caller. */
  readonly pageLabel: string;
}

export interface RenderInput {
  /** Shown in the page header. */
  readonly name: string;
  readonly kind: DocumentKind;
  readonly text: string;
  /** Reads an image a Markdown document refers to (undefined: not found or not allowed). */
  readonly readImage?: (src: string) => Uint8Array | undefined;
  /** Number of the first line, for line numbers of a selection (default 1). */
  readonly firstLine?: number;
}

/** A run of text on one line, baseline at y. */
export interface TextItem {
  readonly kind: 'text';
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly face: FontFace;
  readonly text: string;
}

/** A filled black rectangle: table grid, rules, quote bars. */
export interface BoxItem {
  readonly kind: 'box';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A bilevel picture (already black and white), top-left corner at x, y. */
export interface ImageItem {
  readonly kind: 'image';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly image: BilevelImage;
}

export type PageItem = TextItem | BoxItem | ImageItem;

export interface Page {
  readonly items: PageItem[];
}

/** 1 bit per pixel, rows padded to whole bytes, 1 = black, most significant bit first. */
export interface BilevelImage {
  readonly width: number;
  readonly height: number;
  readonly bits: Uint8Array;
}

export interface PaperSize {
  readonly width: number;
  readonly height: number;
}

/** What a person should know before sending: drives the legibility check. */
export type LayoutNote =
  | { readonly kind: 'missingGlyphs'; readonly characters: string[] }
  | { readonly kind: 'wrappedLines'; readonly count: number }
  | { readonly kind: 'cutContent'; readonly what: string }
  | { readonly kind: 'imageMissing'; readonly src: string }
  | { readonly kind: 'coloursLost'; readonly src: string; readonly share: number }
  | { readonly kind: 'notJson'; readonly reason: string };

export interface LaidOutDocument {
  readonly paper: PaperSize;
  readonly pages: Page[];
  readonly notes: LayoutNote[];
}
