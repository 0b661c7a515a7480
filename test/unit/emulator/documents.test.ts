import * as assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { type Emulator, startEmulator } from '../../emulator';
import { buildTiff } from '../../emulator/documents';
import { api } from './client';

/** Walks the IFD chain of a little-endian TIFF and returns each page's width, height and bits per sample. */
function tiffPages(buf: Buffer): { width: number; height: number; bits: number; stripEnd: number }[] {
  assert.equal(buf.toString('latin1', 0, 2), 'II');
  assert.equal(buf.readUInt16LE(2), 42);
  const pages = [];
  let ifd = buf.readUInt32LE(4);
  while (ifd !== 0) {
    const n = buf.readUInt16LE(ifd);
    const tags = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const o = ifd + 2 + i * 12;
      const type = buf.readUInt16LE(o + 2);
      tags.set(buf.readUInt16LE(o), type === 3 ? buf.readUInt16LE(o + 8) : buf.readUInt32LE(o + 8));
    }
    pages.push({ width: tags.get(256)!, height: tags.get(257)!, bits: tags.get(258)!, stripEnd: tags.get(273)! + tags.get(279)! });
    ifd = buf.readUInt32LE(ifd + 2 + n * 12);
  }
  return pages;
}

describe('emulator: documents', () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ seedFaxes: 10 });
  });
  after(() => emu.stop());

  it('serves a real PDF with one page per fax page', async () => {
    const fax = emu.state.faxes('inbox')[0];
    const res = await api(emu, 'GET', `/accounts/self/files/${fax.id}`, { token: emu.demoTokens.fullAccess });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    const pdf = await PDFDocument.load(res.bytes);
    assert.equal(pdf.getPageCount(), fax.pages);
  });

  it('serves a valid bilevel TIFF with one image per fax page', async () => {
    const fax = emu.state.faxes('sent')[0];
    const res = await api(emu, 'GET', `/accounts/self/files/${fax.id}?format=tiff`, { token: emu.demoTokens.fullAccess });
    const pages = tiffPages(res.bytes);
    assert.equal(pages.length, fax.pages);
    for (const p of pages) {
      assert.equal(p.bits, 1);
      assert.ok(p.stripEnd <= res.bytes.length);
      assert.ok(p.width > 0 && p.height > 0);
    }
  });

  it('honours Accept: image/tiff when no format is given', async () => {
    const fax = emu.state.faxes('inbox')[1];
    const res = await api(emu, 'GET', `/accounts/self/files/${fax.id}`, {
      token: emu.demoTokens.fullAccess,
      headers: { accept: 'image/tiff' },
    });
    assert.equal(res.headers['content-type'], 'image/tiff');
  });

  it('serves a one-page PDF confirmation report', async () => {
    const fax = emu.state.faxes('sent')[0];
    const res = await api(emu, 'GET', `/accounts/self/report/${fax.id}`, { token: emu.demoTokens.fullAccess });
    assert.equal((await PDFDocument.load(res.bytes)).getPageCount(), 1);
  });

  it('variant reportNotReady: the report of a finished fax is 404 report_not_ready that many times, then served', async () => {
    emu.setVariants({ reportNotReady: 2 });
    try {
      const fax = emu.state.faxes('sent')[1];
      const ask = () => api(emu, 'GET', `/accounts/self/report/${fax.id}`, { token: emu.demoTokens.fullAccess });
      for (let i = 0; i < 2; i++) {
        const res = await ask();
        assert.equal(res.status, 404);
        assert.match(res.text, /report_not_ready/);
      }
      assert.equal((await PDFDocument.load((await ask()).bytes)).getPageCount(), 1);
    } finally {
      emu.setVariants({ reportNotReady: 0 });
    }
  });

  it('answers 404 for an unknown fax and 400 for an unknown format', async () => {
    assert.equal((await api(emu, 'GET', '/accounts/self/files/nope', { token: emu.demoTokens.fullAccess })).status, 404);
    const id = emu.state.faxes('inbox')[0].id;
    assert.equal((await api(emu, 'GET', `/accounts/self/files/${id}?format=docx`, { token: emu.demoTokens.fullAccess })).status, 400);
  });

  it('builds TIFFs of any page count', () => {
    assert.equal(tiffPages(buildTiff(1)).length, 1);
    assert.equal(tiffPages(buildTiff(7)).length, 7);
  });
});
