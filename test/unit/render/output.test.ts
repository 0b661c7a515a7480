import * as assert from 'node:assert/strict';
import { PDFDocument, PDFName, PDFDict } from 'pdf-lib';
import { countInk, Rasteriser, RESOLUTIONS } from '../../../src/render/raster';
import { writeTiff } from '../../../src/render/tiffWriter';
import type { LaidOutDocument } from '../../../src/render/types';
import { fonts, options, renderer } from './fonts';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const UTIF = require('utif2');

const markdown = [
  '# Ελληνικά и кириллица',
  '',
  'Body text with *emphasis*.',
  '',
  '| a | b |',
  '|---|---|',
  ...Array.from({ length: 90 }, (_, i) => `| ${i} | row ${i} |`),
].join('\n');

describe('renderer: PDF and preview from one layout', () => {
  const doc = renderer.layout({ name: 'notes.md', kind: 'markdown', text: markdown }, options());

  it("the PDF parses back with the layout's pages, paper size, title and subset fonts", async () => {
    const bytes = await renderer.pdf(doc, 'notes.md');
    const pdf = await PDFDocument.load(bytes);
    assert.equal(pdf.getPageCount(), doc.pages.length);
    assert.ok(doc.pages.length >= 2);
    for (const page of pdf.getPages()) assert.deepEqual([page.getWidth(), page.getHeight()], [612, 792]);
    assert.equal(pdf.getTitle(), 'notes.md');
    const fontNames = pdf.context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .filter(
        (o): o is PDFDict =>
          o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('Font') && o.get(PDFName.of('Subtype')) === PDFName.of('Type0'),
      )
      .map((o) => o.get(PDFName.of('BaseFont'))?.toString());
    assert.ok(fontNames.length >= 2, `fonts: ${fontNames.join(', ')}`);
    assert.ok(
      fontNames.every((n) => /^\/DejaVuSans/.test(n ?? '')),
      `DejaVu fonts: ${fontNames.join(', ')}`,
    );
    // The three faces are 2 MB in full: only a subset of each is embedded.
    assert.ok(bytes.length < 60_000, `subsetting keeps the PDF small (${bytes.length} bytes)`);
  });

  it("preview pages have the fax resolution's size and carry the layout's print", () => {
    const preview = renderer.preview([doc], 'fine');
    assert.equal(preview.ink.length, doc.pages.length);
    assert.ok(preview.ink.every((n) => n > 5000));
    const standard = renderer.preview([doc], 'standard');
    // Half the rows at standard resolution: about half the dots.
    preview.ink.forEach((fine, i) =>
      assert.ok(Math.abs(standard.ink[i] / fine - 0.5) < 0.1, `page ${i + 1}: ${standard.ink[i]} vs ${fine}`),
    );
  });

  it('the TIFF the viewer shows decodes to the same pages and dots', () => {
    const preview = renderer.preview([doc], 'fine');
    const ifds = UTIF.decode(preview.tiff);
    assert.equal(ifds.length, doc.pages.length);
    ifds.forEach((ifd: Record<string, unknown>, i: number) => {
      UTIF.decodeImage(preview.tiff, ifd);
      assert.deepEqual([ifd.width, ifd.height], [Math.round((612 / 72) * 204), Math.round((792 / 72) * 196)]);
      const rgba: Uint8Array = UTIF.toRGBA8(ifd);
      let black = 0;
      for (let p = 0; p < rgba.length; p += 4) if (rgba[p] === 0) black++;
      assert.equal(black, preview.ink[i], `page ${i + 1}`);
    });
  });

  it('boxes fill exactly the dots they cover, and a hairline stays one dot thick', () => {
    const page: LaidOutDocument = {
      paper: { width: 72, height: 72 },
      notes: [],
      pages: [
        {
          items: [
            { kind: 'box', x: 0, y: 0, width: 36, height: 36 },
            { kind: 'box', x: 0, y: 50, width: 72, height: 0.1 },
          ],
        },
      ],
    };
    const [bitmap] = new Rasteriser(fonts, RESOLUTIONS.fine).document(page);
    assert.deepEqual([bitmap.width, bitmap.height], [204, 196]);
    assert.equal(countInk(bitmap), 102 * 98 + 204);
  });

  it("each glyph is drawn where the layout placed it: ink only inside the text lines' boxes", () => {
    const small = renderer.layout({ name: 'a.txt', kind: 'text', text: 'Hello' }, options({ header: false }));
    const [item] = small.pages[0].items;
    assert.equal(item.kind, 'text');
    const [bitmap] = new Rasteriser(fonts, RESOLUTIONS.fine).document(small);
    const sx = 204 / 72;
    const sy = 196 / 72;
    let inside = 0;
    let outside = 0;
    const width = fonts.width('mono', 'Hello', item.kind === 'text' ? item.size : 0);
    for (let y = 0; y < bitmap.height; y++) {
      for (let x = 0; x < bitmap.width; x++) {
        if (!(bitmap.bits[y * bitmap.stride + (x >> 3)] & (0x80 >> (x & 7)))) continue;
        const inBox = x >= item.x * sx - 1 && x <= (item.x + width) * sx + 1 && y >= (item.y - 9) * sy && y <= (item.y + 3) * sy;
        if (inBox) inside++;
        else outside++;
      }
    }
    assert.ok(inside > 100);
    assert.equal(outside, 0);
  });

  it('a multi-page TIFF of several documents keeps their order', () => {
    const one = renderer.layout({ name: 'a.txt', kind: 'text', text: 'a' }, options());
    const bitmaps = new Rasteriser(fonts, RESOLUTIONS.standard).document(one);
    const tiff = writeTiff([...bitmaps, ...bitmaps], RESOLUTIONS.standard);
    assert.equal(UTIF.decode(tiff).length, 2);
    assert.equal(renderer.preview([one, doc], 'standard').ink.length, 1 + doc.pages.length);
  });
});
