import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

/** What a generated document shows. */
export interface DocumentSubject {
  id: string;
  from: string;
  to: string;
  date: string;
  pages: number;
  status: string;
  title: string;
}

const LOREM = [
  'Please find attached the documents we discussed.',
  'Kindly review, sign and return by fax at your earliest convenience.',
  'This transmission may contain confidential information.',
  'If you received it in error, notify the sender and destroy all copies.',
];

/** Documents are built on first download and kept in a small LRU cache. */
export class DocumentFactory {
  private readonly cache = new Map<string, Buffer>();

  constructor(private readonly maxEntries = 32) {}

  async faxPdf(s: DocumentSubject): Promise<Buffer> {
    return this.cached(`pdf:${s.id}:${s.pages}`, () => buildFaxPdf(s));
  }

  async faxTiff(s: DocumentSubject): Promise<Buffer> {
    return this.cached(`tiff:${s.id}:${s.pages}`, async () => buildTiff(s.pages));
  }

  async reportPdf(s: DocumentSubject): Promise<Buffer> {
    return this.cached(`report:${s.id}:${s.status}`, () => buildReportPdf(s));
  }

  clear(): void {
    this.cache.clear();
  }

  private async cached(key: string, build: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const buf = await build();
    this.cache.set(key, buf);
    while (this.cache.size > this.maxEntries) {
      this.cache.delete(this.cache.keys().next().value as string);
    }
    return buf;
  }
}

async function buildFaxPdf(s: DocumentSubject): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(s.title);
  doc.setProducer('Fax.Plus emulator');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const pages = Math.max(1, Math.min(s.pages, 200));
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([612, 792]);
    let y = 740;
    page.drawText(s.title, { x: 50, y, size: 18, font: bold });
    y -= 30;
    for (const line of [`From: ${s.from}`, `To: ${s.to}`, `Date: ${s.date} UTC`, `Fax ID: ${s.id}`, `Page ${p} of ${pages}`]) {
      page.drawText(line, { x: 50, y, size: 12, font });
      y -= 18;
    }
    page.drawLine({ start: { x: 50, y: y - 4 }, end: { x: 562, y: y - 4 }, thickness: 1, color: rgb(0, 0, 0) });
    y -= 30;
    for (const line of LOREM) {
      page.drawText(line, { x: 50, y, size: 11, font });
      y -= 16;
    }
  }
  return Buffer.from(await doc.save());
}

async function buildReportPdf(s: DocumentSubject): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Confirmation report ${s.id}`);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([612, 792]);
  page.drawText('Fax confirmation report', { x: 50, y: 740, size: 20, font: bold });
  let y = 700;
  for (const [k, v] of [
    ['Fax ID', s.id],
    ['From', s.from],
    ['To', s.to],
    ['Date', `${s.date} UTC`],
    ['Pages', String(s.pages)],
    ['Result', s.status],
  ]) {
    page.drawText(`${k}:`, { x: 50, y, size: 12, font: bold });
    page.drawText(v, { x: 150, y, size: 12, font });
    y -= 20;
  }
  return Buffer.from(await doc.save());
}

/**
 * A minimal valid multi-page bilevel TIFF (uncompressed, WhiteIsZero, 204x98 dpi
 * like a standard-resolution fax) with a frame and a few bars per page.
 */
export function buildTiff(pageCount: number): Buffer {
  const width = 864;
  const height = 560;
  const rowBytes = width / 8;
  const stripBytes = rowBytes * height;
  const pages = Math.max(1, Math.min(pageCount, 200));
  const entries = 12;
  const ifdBytes = 2 + entries * 12 + 4;
  const resBytes = 16; // two RATIONALs
  const pageBytes = ifdBytes + resBytes + stripBytes;
  const buf = Buffer.alloc(8 + pages * pageBytes);
  buf.write('II', 0, 'latin1');
  buf.writeUInt16LE(42, 2);
  buf.writeUInt32LE(8, 4);
  for (let p = 0; p < pages; p++) {
    const ifd = 8 + p * pageBytes;
    const res = ifd + ifdBytes;
    const strip = res + resBytes;
    const next = p + 1 < pages ? ifd + pageBytes : 0;
    const tags: [number, number, number, number][] = [
      [256, 3, 1, width], // ImageWidth
      [257, 3, 1, height], // ImageLength
      [258, 3, 1, 1], // BitsPerSample
      [259, 3, 1, 1], // Compression: none
      [262, 3, 1, 0], // Photometric: WhiteIsZero
      [273, 4, 1, strip], // StripOffsets
      [277, 3, 1, 1], // SamplesPerPixel
      [278, 3, 1, height], // RowsPerStrip
      [279, 4, 1, stripBytes], // StripByteCounts
      [282, 5, 1, res], // XResolution
      [283, 5, 1, res + 8], // YResolution
      [296, 3, 1, 2], // ResolutionUnit: inch
    ];
    buf.writeUInt16LE(entries, ifd);
    tags.forEach(([tag, type, count, value], i) => {
      const o = ifd + 2 + i * 12;
      buf.writeUInt16LE(tag, o);
      buf.writeUInt16LE(type, o + 2);
      buf.writeUInt32LE(count, o + 4);
      if (type === 3) {
        buf.writeUInt16LE(value, o + 8);
      } else {
        buf.writeUInt32LE(value, o + 8);
      }
    });
    buf.writeUInt32LE(next, ifd + 2 + entries * 12);
    buf.writeUInt32LE(204, res);
    buf.writeUInt32LE(1, res + 4);
    buf.writeUInt32LE(98, res + 8);
    buf.writeUInt32LE(1, res + 12);
    // Black (1) frame and text-like bars; the page number is drawn as that many bars.
    for (let y = 0; y < height; y++) {
      const row = strip + y * rowBytes;
      if (y < 4 || y >= height - 4) {
        buf.fill(0xff, row, row + rowBytes);
        continue;
      }
      buf[row] |= 0xf0;
      buf[row + rowBytes - 1] |= 0x0f;
      const line = Math.floor((y - 40) / 24);
      if (y >= 40 && (y - 40) % 24 < 10 && line < 12) {
        const len = line === 0 ? Math.min(p + 1, 60) : 20 + ((line * 37 + p * 11) % 70);
        buf.fill(0xff, row + 8, row + 8 + Math.min(len, rowBytes - 16));
      }
    }
  }
  return buf;
}
