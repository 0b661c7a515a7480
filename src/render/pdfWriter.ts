import { deflateSync } from 'node:zlib';
import * as fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFName } from 'pdf-lib';
import type { BilevelImage, FontFace, LaidOutDocument } from './types';

/**
 * pdf-lib shapes text with fontkit's layout engine; here every character maps to its own
 * glyph (no ligatures, no kerning), as the layout measured it and the preview draws it, and
 * it is many times faster.
 */
const unshapedFontkit = {
  create(bytes: Uint8Array) {
    const font = fontkit.create(bytes);
    Object.assign(font, {
      layout: (text: string) => {
        const glyphs = Array.from(text, (char) => font.glyphForCodePoint(char.codePointAt(0) as number));
        return { glyphs, positions: glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 })) };
      },
    });
    return font;
  },
};

/**
 * The laid-out pages as a PDF: text in the embedded (subset) DejaVu faces, boxes as filled
 * rectangles, pictures as 1-bit images, all black. Each page's content stream is written
 * directly (one text object per page), which keeps a 50-page document well under a second.
 */
export async function writePdf(doc: LaidOutDocument, files: Readonly<Record<FontFace, Uint8Array>>, title: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(unshapedFontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  pdf.setTitle(title);
  pdf.setCreator('Fax.Plus for VS Code');
  const embedded = new Map<FontFace, { font: PDFFont; encode: (text: string) => string }>();
  const fontFor = async (face: FontFace) => {
    let entry = embedded.get(face);
    if (!entry) {
      const font = await pdf.embedFont(files[face], { subset: true });
      entry = { font, encode: characterEncoder(font) };
      embedded.set(face, entry);
    }
    return entry;
  };
  const h = doc.paper.height;
  for (const laidOut of doc.pages) {
    const page = pdf.addPage([doc.paper.width, h]);
    const names = new Map<FontFace, PDFName>();
    const text: string[] = ['BT', '0 g'];
    const graphics: string[] = ['0 g'];
    let current = '';
    for (const item of laidOut.items) {
      if (item.kind === 'text') {
        const { font, encode } = await fontFor(item.face);
        let name = names.get(item.face);
        if (!name) {
          name = page.node.newFontDictionary('F', font.ref);
          names.set(item.face, name);
        }
        const tf = `${name.toString()} ${num(item.size)} Tf`;
        if (tf !== current) text.push((current = tf));
        text.push(`1 0 0 1 ${num(item.x)} ${num(h - item.y)} Tm ${encode(item.text)} Tj`);
      } else if (item.kind === 'box') {
        graphics.push(`${num(item.x)} ${num(h - item.y - item.height)} ${num(item.width)} ${num(item.height)} re f`);
      } else {
        const ref = pdf.context.register(imageStream(pdf, item.image));
        const name = page.node.newXObject('Im', ref);
        graphics.push(
          `q ${num(item.width)} 0 0 ${num(item.height)} ${num(item.x)} ${num(h - item.y - item.height)} cm ${name.toString()} Do Q`,
        );
      }
    }
    text.push('ET');
    const stream = nativeFlateStream(pdf, Buffer.from(`${graphics.join('\n')}\n${text.join('\n')}\n`, 'latin1'));
    page.node.addContentStream(pdf.context.register(stream));
  }
  return pdf.save();
}

function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A 1-bit DeviceGray image (0 = black in PDF, so the bits are inverted). */
function imageStream(pdf: PDFDocument, image: BilevelImage) {
  const inverted = new Uint8Array(image.bits.length);
  for (let i = 0; i < inverted.length; i++) inverted[i] = ~image.bits[i] & 0xff;
  return nativeFlateStream(pdf, inverted, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: image.width,
    Height: image.height,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 1,
  });
}

/**
 * pdf-lib's flateStream deflates with pako and sets up a fresh compressor per stream, the
 * largest cost of writing a long document (profiled); Node's zlib writes the same format natively.
 */
function nativeFlateStream(pdf: PDFDocument, bytes: Uint8Array, dict: Record<string, unknown> = {}) {
  return pdf.context.stream(deflateSync(bytes), { ...dict, Filter: 'FlateDecode' } as Parameters<PDFDocument['context']['stream']>[1]);
}

/**
 * A text run as a PDF hex string of subset glyph codes. pdf-lib looks every character up in
 * the font again on each call (profiled: most of the PDF time); one character is one glyph
 * here (no shaping), so each character's code is asked of pdf-lib once and remembered.
 */
function characterEncoder(font: PDFFont): (text: string) => string {
  const codes = new Map<string, string>();
  return (text) => {
    let hex = '';
    for (const char of text) {
      let code = codes.get(char);
      if (code === undefined) {
        code = font.encodeText(char).toString().slice(1, -1);
        codes.set(char, code);
      }
      hex += code;
    }
    return `<${hex}>`;
  };
}
