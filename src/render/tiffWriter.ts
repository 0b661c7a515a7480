import type { Bitmap, Resolution } from './raster';

/**
 * Pages as one multi-page bilevel TIFF (PackBits, WhiteIsZero, resolution tags): the
 * format the fax viewer already shows, so the preview reuses it unchanged.
 */
export function writeTiff(pages: readonly Bitmap[], resolution: Resolution): Uint8Array {
  const strips = pages.map(packBits);
  const ENTRIES = 13;
  const ifdSize = 2 + ENTRIES * 12 + 4 + 16; // entries, next offset, two rationals
  const total = 8 + strips.reduce((n, s) => n + s.length + (s.length & 1), 0) + pages.length * ifdSize;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]); // little-endian TIFF
  let offset = 8;
  const stripOffsets: number[] = [];
  for (const strip of strips) {
    stripOffsets.push(offset);
    out.set(strip, offset);
    offset += strip.length + (strip.length & 1);
  }
  view.setUint32(4, offset, true);
  pages.forEach((page, index) => {
    const ifd = offset;
    const rationals = ifd + 2 + ENTRIES * 12 + 4;
    view.setUint16(ifd, ENTRIES, true);
    const entries: [number, number, number][] = [
      [254, 4, 2], // NewSubfileType: one page of a multi-page document
      [256, 4, page.width],
      [257, 4, page.height],
      [258, 3, 1],
      [259, 3, 32773], // PackBits
      [262, 3, 0], // WhiteIsZero: 1 = black, as the bitmaps are
      [273, 4, stripOffsets[index]],
      [277, 3, 1],
      [278, 4, page.height],
      [279, 4, strips[index].length],
      [282, 5, rationals],
      [283, 5, rationals + 8],
      [296, 3, 2], // inches
    ];
    entries.forEach(([tag, type, value], i) => {
      const at = ifd + 2 + i * 12;
      view.setUint16(at, tag, true);
      view.setUint16(at + 2, type, true);
      view.setUint32(at + 4, 1, true);
      if (type === 3) view.setUint16(at + 8, value, true);
      else view.setUint32(at + 8, value, true);
    });
    offset = ifd + 2 + ENTRIES * 12 + 4 + 16;
    view.setUint32(ifd + 2 + ENTRIES * 12, index === pages.length - 1 ? 0 : offset, true);
    view.setUint32(rationals, resolution.x, true);
    view.setUint32(rationals + 4, 1, true);
    view.setUint32(rationals + 8, resolution.y, true);
    view.setUint32(rationals + 12, 1, true);
  });
  return out;
}

/** PackBits, row by row (TIFF requires that runs do not cross rows). */
function packBits(page: Bitmap): Uint8Array {
  const out: number[] = [];
  for (let row = 0; row < page.height; row++) {
    const data = page.bits.subarray(row * page.stride, (row + 1) * page.stride);
    let i = 0;
    while (i < data.length) {
      let run = 1;
      while (i + run < data.length && run < 128 && data[i + run] === data[i]) run++;
      if (run > 1) {
        out.push(257 - run, data[i]);
        i += run;
        continue;
      }
      let literal = 1;
      while (
        i + literal < data.length &&
        literal < 128 &&
        !(i + literal + 1 < data.length && data[i + literal] === data[i + literal + 1])
      ) {
        literal++;
      }
      out.push(literal - 1, ...data.subarray(i, i + literal));
      i += literal;
    }
  }
  return Uint8Array.from(out);
}
