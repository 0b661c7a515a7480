import UPNG from '@pdf-lib/upng';
import { decode as decodeJpeg } from 'jpeg-js';
import type { BilevelImage } from './types';

/** Larger pictures would cost hundreds of megabytes to decode; they are reported instead. */
const MAX_PIXELS = 24_000_000;

export interface DecodedImage {
  readonly image: BilevelImage;
  /** Share of pixels neither near-black nor near-white: what thresholding to fax black and white changes. */
  readonly greyShare: number;
}

/**
 * A PNG or JPEG turned into the black and white picture a fax carries (Floyd–Steinberg
 * dithering, transparency over white). The PDF embeds this picture, so the preview and the
 * fax show the same dots instead of leaving the greys to the fax service's converter.
 */
export function decodeImage(bytes: Uint8Array): DecodedImage | undefined {
  const rgba = decodeRgba(bytes);
  if (!rgba) return undefined;
  const { width, height, data } = rgba;
  const grey = new Float32Array(width * height);
  let middle = 0;
  for (let i = 0; i < width * height; i++) {
    const a = data[i * 4 + 3] / 255;
    const l = (0.299 * data[i * 4] + 0.587 * data[i * 4 + 1] + 0.114 * data[i * 4 + 2]) * a + 255 * (1 - a);
    grey[i] = l;
    if (l > 48 && l < 208) middle++;
  }
  const stride = Math.ceil(width / 8);
  const bits = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const old = grey[i];
      const black = old < 128;
      if (black) bits[y * stride + (x >> 3)] |= 0x80 >> (x & 7);
      const error = old - (black ? 0 : 255);
      if (x + 1 < width) grey[i + 1] += (error * 7) / 16;
      if (y + 1 < height) {
        if (x > 0) grey[i + width - 1] += (error * 3) / 16;
        grey[i + width] += (error * 5) / 16;
        if (x + 1 < width) grey[i + width + 1] += error / 16;
      }
    }
  }
  return { image: { width, height, bits }, greyShare: width * height > 0 ? middle / (width * height) : 0 };
}

function decodeRgba(bytes: Uint8Array): { width: number; height: number; data: Uint8Array } | undefined {
  try {
    if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const png = UPNG.decode(buffer);
      if (png.width * png.height > MAX_PIXELS) return undefined;
      return { width: png.width, height: png.height, data: new Uint8Array(UPNG.toRGBA8(png)[0]) };
    }
    if (bytes[0] === 0xff && bytes[1] === 0xd8) {
      const jpeg = decodeJpeg(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6 });
      return { width: jpeg.width, height: jpeg.height, data: jpeg.data };
    }
  } catch {
    return undefined;
  }
  return undefined;
}
