import * as fontkit from '@pdf-lib/fontkit';
import type { FontFace } from './types';

/** The font files, one per face (DejaVu Sans, Sans Bold, Sans Oblique, Sans Mono). */
export type FontFiles = Readonly<Record<FontFace, Uint8Array>>;

/** Glyph substitutions and kerning are off so that one character is one glyph of its own width: layout, PDF and preview then agree. */
export const FONT_FEATURES = { liga: false, clig: false, calt: false, dlig: false, rlig: false, kern: false } as const;

/** What a character the font lacks prints as. */
export const REPLACEMENT = '\uFFFD';

interface Face {
  readonly font: fontkit.Font;
  readonly scale: number;
  readonly widths: Map<number, number>;
}

/** Metrics and glyph lookups for the four faces, cached per code point (measuring is the layout's hot path). */
export class FontSet {
  private readonly faces: Record<FontFace, Face>;

  constructor(readonly files: FontFiles) {
    const face = (bytes: Uint8Array): Face => {
      const font = fontkit.create(bytes);
      return { font, scale: 1 / font.unitsPerEm, widths: new Map() };
    };
    this.faces = { regular: face(files.regular), bold: face(files.bold), italic: face(files.italic), mono: face(files.mono) };
  }

  font(face: FontFace): fontkit.Font {
    return this.faces[face].font;
  }

  /** Width of `text` at `size` points. */
  width(face: FontFace, text: string, size: number): number {
    const f = this.faces[face];
    let units = 0;
    for (const char of text) {
      const cp = char.codePointAt(0) as number;
      let w = f.widths.get(cp);
      if (w === undefined) {
        w = f.font.glyphForCodePoint(cp).advanceWidth * f.scale;
        f.widths.set(cp, w);
      }
      units += w;
    }
    return units * size;
  }

  /**
   * `text` with every character the face cannot draw replaced by U+FFFD (drawn as a box
   * with a question mark), and those characters. Code points above U+FFFF are looked up
   * explicitly: fontkit reads DejaVu's 16-bit cmap and would otherwise truncate them.
   */
  printable(face: FontFace, text: string): { text: string; missing: string[] } {
    const font = this.faces[face].font;
    let missing: string[] | undefined;
    let out = '';
    for (const char of text) {
      const cp = char.codePointAt(0) as number;
      if (cp < 0x20 || cp > 0xffff || (cp >= 0x7f && cp < 0xa0) || !font.hasGlyphForCodePoint(cp)) {
        (missing ??= []).push(char);
        out += REPLACEMENT;
      } else {
        out += char;
      }
    }
    return missing ? { text: out, missing } : { text, missing: [] };
  }

  ascent(face: FontFace, size: number): number {
    const f = this.faces[face];
    return f.font.ascent * f.scale * size;
  }
}
