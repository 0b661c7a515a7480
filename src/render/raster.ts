import type { FontSet } from './fontSet';
import type { FontFace, LaidOutDocument, Page, PaperSize } from './types';

/** Dots per inch across and down: fine is 204 × 196, standard 204 × 98. */
export interface Resolution {
  readonly x: number;
  readonly y: number;
}

export const RESOLUTIONS = {
  fine: { x: 204, y: 196 },
  standard: { x: 204, y: 98 },
} as const satisfies Record<string, Resolution>;

/** A page as the fax machine prints it: 1 = black, most significant bit first, rows padded to bytes. */
export interface Bitmap {
  readonly width: number;
  readonly height: number;
  readonly stride: number;
  readonly bits: Uint8Array;
}

interface GlyphMask {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** One byte per pixel, 1 = ink. */
  readonly ink: Uint8Array;
}

interface PathCommand {
  readonly command: string;
  readonly args: number[];
}

/**
 * Draws laid-out pages into black and white bitmaps at fax resolution, from the same items
 * and font outlines the PDF is made of: glyph outlines are filled (non-zero winding) where
 * they cover a pixel's centre, which is what thresholding a rendered page at 50 % does.
 */
export class Rasteriser {
  private readonly masks = new Map<string, GlyphMask>();

  constructor(
    private readonly fonts: FontSet,
    private readonly resolution: Resolution,
  ) {}

  document(doc: LaidOutDocument): Bitmap[] {
    return doc.pages.map((page) => this.page(page, doc.paper));
  }

  page(page: Page, paper: PaperSize): Bitmap {
    const sx = this.resolution.x / 72;
    const sy = this.resolution.y / 72;
    const width = Math.round(paper.width * sx);
    const height = Math.round(paper.height * sy);
    const stride = Math.ceil(width / 8);
    const bitmap: Bitmap = { width, height, stride, bits: new Uint8Array(stride * height) };
    for (const item of page.items) {
      if (item.kind === 'box') {
        const x0 = Math.round(item.x * sx);
        const y0 = Math.round(item.y * sy);
        // A rule never disappears: at least one dot thick, as fax renderers draw hairlines.
        const x1 = Math.max(x0 + 1, Math.round((item.x + item.width) * sx));
        const y1 = Math.max(y0 + 1, Math.round((item.y + item.height) * sy));
        fillRect(bitmap, x0, y0, x1, y1);
      } else if (item.kind === 'image') {
        const x0 = Math.round(item.x * sx);
        const y0 = Math.round(item.y * sy);
        const x1 = Math.round((item.x + item.width) * sx);
        const y1 = Math.round((item.y + item.height) * sy);
        const { image } = item;
        const srcStride = Math.ceil(image.width / 8);
        for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) {
          const sy2 = Math.min(image.height - 1, Math.floor(((y - y0 + 0.5) * image.height) / (y1 - y0)));
          for (let x = Math.max(0, x0); x < Math.min(width, x1); x++) {
            const sx2 = Math.min(image.width - 1, Math.floor(((x - x0 + 0.5) * image.width) / (x1 - x0)));
            if (image.bits[sy2 * srcStride + (sx2 >> 3)] & (0x80 >> (sx2 & 7))) setPixel(bitmap, x, y);
          }
        }
      } else {
        let x = item.x;
        const font = this.fonts.font(item.face);
        const scale = item.size / font.unitsPerEm;
        for (const char of item.text) {
          const glyph = font.glyphForCodePoint(char.codePointAt(0) as number);
          const mask = this.mask(item.face, glyph.id, item.size, glyph);
          blit(bitmap, mask, Math.round(x * sx), Math.round(item.y * sy));
          x += glyph.advanceWidth * scale;
        }
      }
    }
    return bitmap;
  }

  private mask(face: FontFace, id: number, size: number, glyph: { path: unknown }): GlyphMask {
    const key = `${face}|${id}|${size}`;
    let mask = this.masks.get(key);
    if (!mask) {
      const font = this.fonts.font(face);
      const scale = size / font.unitsPerEm;
      const commands = (glyph.path as { commands: PathCommand[] }).commands;
      mask = fillOutline(commands, (scale * this.resolution.x) / 72, (scale * this.resolution.y) / 72);
      this.masks.set(key, mask);
    }
    return mask;
  }
}

/** Flattens the outline (curves in 8 straight pieces) and fills it row by row at pixel centres. */
function fillOutline(commands: readonly PathCommand[], kx: number, ky: number): GlyphMask {
  const edges: number[] = [];
  let cx = 0;
  let cy = 0;
  let startX = 0;
  let startY = 0;
  const line = (x: number, y: number) => {
    if (y !== cy) edges.push(cx, cy, x, y);
    cx = x;
    cy = y;
  };
  for (const { command, args } of commands) {
    const p = args.map((v, i) => (i % 2 === 0 ? v * kx : -v * ky));
    if (command === 'moveTo') {
      if (cx !== startX || cy !== startY) line(startX, startY);
      [cx, cy] = p;
      [startX, startY] = p;
    } else if (command === 'lineTo') line(p[0], p[1]);
    else if (command === 'quadraticCurveTo') {
      const [x0, y0] = [cx, cy];
      for (let i = 1; i <= 8; i++) {
        const t = i / 8;
        const u = 1 - t;
        line(u * u * x0 + 2 * u * t * p[0] + t * t * p[2], u * u * y0 + 2 * u * t * p[1] + t * t * p[3]);
      }
    } else if (command === 'bezierCurveTo') {
      const [x0, y0] = [cx, cy];
      for (let i = 1; i <= 8; i++) {
        const t = i / 8;
        const u = 1 - t;
        line(
          u * u * u * x0 + 3 * u * u * t * p[0] + 3 * u * t * t * p[2] + t * t * t * p[4],
          u * u * u * y0 + 3 * u * u * t * p[1] + 3 * u * t * t * p[3] + t * t * t * p[5],
        );
      }
    } else if (command === 'closePath') line(startX, startY);
  }
  if (cx !== startX || cy !== startY) line(startX, startY);
  if (edges.length === 0) return { left: 0, top: 0, width: 0, height: 0, ink: new Uint8Array(0) };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < edges.length; i += 2) {
    minX = Math.min(minX, edges[i]);
    maxX = Math.max(maxX, edges[i]);
    minY = Math.min(minY, edges[i + 1]);
    maxY = Math.max(maxY, edges[i + 1]);
  }
  const left = Math.floor(minX);
  const top = Math.floor(minY);
  const width = Math.ceil(maxX) - left + 1;
  const height = Math.ceil(maxY) - top + 1;
  const ink = new Uint8Array(width * height);
  const crossings: { x: number; w: number }[] = [];
  for (let row = 0; row < height; row++) {
    const yc = top + row + 0.5;
    crossings.length = 0;
    for (let i = 0; i < edges.length; i += 4) {
      const [x0, y0, x1, y1] = [edges[i], edges[i + 1], edges[i + 2], edges[i + 3]];
      if ((yc >= y0 && yc < y1) || (yc >= y1 && yc < y0)) {
        crossings.push({ x: x0 + ((yc - y0) * (x1 - x0)) / (y1 - y0), w: y1 > y0 ? 1 : -1 });
      }
    }
    crossings.sort((a, b) => a.x - b.x);
    let winding = 0;
    for (let i = 0; i < crossings.length - 1; i++) {
      winding += crossings[i].w;
      if (winding === 0) continue;
      const from = Math.max(0, Math.ceil(crossings[i].x - 0.5) - left);
      const to = Math.min(width, Math.ceil(crossings[i + 1].x - 0.5) - left);
      for (let c = from; c < to; c++) ink[row * width + c] = 1;
    }
  }
  return { left, top, width, height, ink };
}

function blit(bitmap: Bitmap, mask: GlyphMask, x: number, y: number): void {
  for (let row = 0; row < mask.height; row++) {
    const py = y + mask.top + row;
    if (py < 0 || py >= bitmap.height) continue;
    for (let c = 0; c < mask.width; c++) {
      if (mask.ink[row * mask.width + c]) setPixel(bitmap, x + mask.left + c, py);
    }
  }
}

function fillRect(bitmap: Bitmap, x0: number, y0: number, x1: number, y1: number): void {
  for (let y = Math.max(0, y0); y < Math.min(bitmap.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(bitmap.width, x1); x++) setPixel(bitmap, x, y);
  }
}

function setPixel(bitmap: Bitmap, x: number, y: number): void {
  if (x >= 0 && x < bitmap.width) bitmap.bits[y * bitmap.stride + (x >> 3)] |= 0x80 >> (x & 7);
}

/** Black dots on a page: what tests compare with the layout. */
export function countInk(bitmap: Bitmap): number {
  let count = 0;
  for (const byte of bitmap.bits) {
    let b = byte;
    while (b) {
      count += b & 1;
      b >>= 1;
    }
  }
  return count;
}
