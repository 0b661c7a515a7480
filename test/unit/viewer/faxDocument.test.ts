import * as assert from 'assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildTiff } from '../../emulator/documents';

// The webview's scripts are plain JS so they load in the webview and here alike.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const UTIF = require('utif2');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const FaxDocument = require('../../../media/viewer/faxDocument.js');

interface Page {
  width: number;
  height: number;
  aspect: number;
}
interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

function open(bytes: Uint8Array): { pages: Page[] } {
  return FaxDocument.open(UTIF, bytes);
}

function pixels(doc: unknown, index: number): Pixels {
  return FaxDocument.pixels(UTIF, doc, index);
}

function fixture(name: string): Buffer {
  return readFileSync(path.join(__dirname, 'fixtures', name));
}

/** RGBA of one pixel. */
function at(p: Pixels, x: number, y: number): number[] {
  const i = (y * p.width + x) * 4;
  return [...p.data.subarray(i, i + 4)];
}

const BLACK = [0, 0, 0, 255];
const WHITE = [255, 255, 255, 255];

describe('viewer: fax TIFF decoding (media/viewer/faxDocument.js)', () => {
  it('reads every page of the TIFF Fax.Plus serves, with its size', () => {
    const doc = open(buildTiff(3));
    assert.deepStrictEqual(
      doc.pages.map((p) => [p.width, p.height]),
      [
        [864, 560],
        [864, 560],
        [864, 560],
      ],
    );
  });

  it('stretches standard-resolution pages (204×98 dpi) so they are not squashed', () => {
    const [page] = open(buildTiff(1)).pages;
    assert.ok(Math.abs(page.aspect - 204 / 98) < 1e-9, `aspect ${page.aspect}`);
  });

  it('paints black ink black and paper white (WhiteIsZero)', () => {
    const doc = open(buildTiff(2));
    const p = pixels(doc, 1);
    assert.strictEqual(p.data.length, 864 * 560 * 4);
    assert.deepStrictEqual(at(p, 10, 0), BLACK, 'the frame at the top edge');
    assert.deepStrictEqual(at(p, 0, 100), BLACK, 'the frame at the left edge');
    assert.deepStrictEqual(at(p, 100, 20), WHITE, 'paper between the frame and the first line');
    assert.deepStrictEqual(at(p, 70, 40), BLACK, 'the first text-like bar');
  });

  for (const name of ['two-pages-g4.tif', 'two-pages-g3-2d.tif']) {
    it(`decodes CCITT-compressed faxes (${name}) to the same pixels as the uncompressed original`, () => {
      const plain = open(buildTiff(2));
      const compressed = open(fixture(name));
      assert.strictEqual(compressed.pages.length, 2);
      for (const index of [0, 1]) {
        const a = pixels(plain, index);
        const b = pixels(compressed, index);
        assert.strictEqual(b.width, a.width);
        assert.strictEqual(b.height, a.height);
        assert.ok(Buffer.from(a.data).equals(Buffer.from(b.data)), `page ${index + 1} differs`);
      }
    });
  }

  it('refuses bytes that are not a TIFF', () => {
    assert.throws(() => open(new TextEncoder().encode('%PDF-1.7 not a tiff')));
  });

  it('zooms on a 25 % grid within 10 %–400 %, and fits the width', () => {
    assert.strictEqual(FaxDocument.step(1, +1), 1.25);
    assert.strictEqual(FaxDocument.step(1.1, +1), 1.25);
    assert.strictEqual(FaxDocument.step(1.1, -1), 1);
    assert.strictEqual(FaxDocument.step(4, +1), 4);
    assert.strictEqual(FaxDocument.step(0.25, -1), 0.1);
    assert.strictEqual(FaxDocument.fitWidth(432, 864), 0.5);
    assert.strictEqual(FaxDocument.fitWidth(0, 864), 1, 'before layout: 100 %');
  });

  it('keeps the page index within the document', () => {
    assert.strictEqual(FaxDocument.clampPage(-1, 3), 0);
    assert.strictEqual(FaxDocument.clampPage(5, 3), 2);
    assert.strictEqual(FaxDocument.clampPage(1, 3), 1);
  });
});
