/* global self */
// Turns the bytes of a fax TIFF into pages the viewer paints, one at a time.
// A plain script (no build step): the webview loads it with its nonce and
// Node unit tests require() it, so the decoding is tested outside the webview.
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory();
  } else {
    root.FaxDocument = factory();
  }
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  const MIN_ZOOM = 0.1;
  const MAX_ZOOM = 4;

  function toArrayBuffer(bytes) {
    if (bytes instanceof ArrayBuffer) {
      return bytes;
    }
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }

  /** A TIFF RATIONAL arrives as [numerator, denominator] or as a number. */
  function rational(value) {
    const v = Array.isArray(value) ? value[0] : value;
    if (Array.isArray(v)) {
      return v[1] ? v[0] / v[1] : 0;
    }
    return typeof v === 'number' ? v : 0;
  }

  /**
   * Standard-resolution faxes are 204×98 dpi: without stretching rows by
   * x/y resolution every page would look squashed to half its height.
   */
  function aspectOf(ifd) {
    const x = rational(ifd.t282);
    const y = rational(ifd.t283);
    return x > 0 && y > 0 ? x / y : 1;
  }

  /** Reads the page directory only; pixels are decoded per page when shown. */
  function open(UTIF, bytes) {
    const buffer = toArrayBuffer(bytes);
    const pages = UTIF.decode(buffer)
      .filter((ifd) => ifd.t256 && ifd.t257)
      .map((ifd) => ({ ifd, width: ifd.t256[0], height: ifd.t257[0], aspect: aspectOf(ifd) }));
    if (pages.length === 0) {
      throw new Error('The document has no pages.');
    }
    return { buffer, pages };
  }

  /** RGBA pixels of one page, ready for ImageData. */
  function pixels(UTIF, doc, index) {
    const page = doc.pages[index];
    UTIF.decodeImage(doc.buffer, page.ifd);
    const rgba = UTIF.toRGBA8(page.ifd);
    return { width: page.ifd.width, height: page.ifd.height, data: new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength) };
  }

  function clampZoom(zoom) {
    return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
  }

  /** The zoom at which a page fills the available width. */
  function fitWidth(availableWidth, pageWidth) {
    return clampZoom(availableWidth > 0 && pageWidth > 0 ? availableWidth / pageWidth : 1);
  }

  /** Next zoom step in or out, on a 25 % grid so repeated steps land on round values. */
  function step(zoom, direction) {
    const grid = 0.25;
    const next = direction > 0 ? Math.floor(zoom / grid + 1e-9) * grid + grid : Math.ceil(zoom / grid - 1e-9) * grid - grid;
    return clampZoom(next);
  }

  function clampPage(index, count) {
    return Math.min(Math.max(0, index), Math.max(0, count - 1));
  }

  return { open, pixels, aspectOf, fitWidth, step, clampZoom, clampPage, MIN_ZOOM, MAX_ZOOM };
});
