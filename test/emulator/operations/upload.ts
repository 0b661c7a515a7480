import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import busboy from 'busboy';
import type { ApiContext } from '../context';
import { ApiError, type ApiResult, jsonResult } from '../http';
import type { UploadedFile } from '../records';

export const MAX_FAX_BYTES = 150 * 1024 * 1024;
export const KEEP_CONTENT_BYTES = 20 * 1024 * 1024;
/** After refusing an upload, read at most this much more before closing the connection. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;
const DRAIN_LIMIT_MS = 15_000;
export const ACCEPTED_EXTENSIONS = ['pdf', 'doc', 'docx', 'txt', 'rtf', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'xls', 'xlsx'];

/** Rough page count: real for small PDFs and text, an estimate otherwise. */
export function estimatePages(ext: string, size: number, content?: Buffer): number {
  if (content && ext === 'pdf') {
    const n = content.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
    if (n > 0) {
      return n;
    }
  }
  if (content && ext === 'txt') {
    return Math.max(1, Math.ceil(content.toString('utf8').split('\n').length / 60));
  }
  if (['jpg', 'jpeg', 'png'].includes(ext)) {
    return 1;
  }
  return Math.max(1, Math.min(100, Math.ceil(size / (60 * 1024))));
}

/**
 * The first KEEP_CONTENT_BYTES of a file, copied in as they arrive: the copy
 * happens while the client is still sending (a link paces it), so nothing
 * is left to do after the last byte. Concatenating 20 MB at the end held the
 * answer back by a few hundred ms on a busy machine, which the upload-over-a-
 * link benchmark counted against the client.
 */
class KeptContent {
  private buffer: Buffer | undefined;
  private length = 0;

  /** `declared`: the request's Content-Length (the file part is a little smaller), NaN when chunked. */
  constructor(declared: number) {
    this.buffer = Buffer.allocUnsafe(Number.isFinite(declared) && declared > 0 ? Math.min(declared, KEEP_CONTENT_BYTES) : 64 * 1024);
  }

  add(chunk: Buffer): void {
    if (!this.buffer) {
      return;
    }
    const needed = this.length + chunk.length;
    if (needed > KEEP_CONTENT_BYTES) {
      this.drop();
      return;
    }
    if (needed > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.min(KEEP_CONTENT_BYTES, Math.max(needed, this.buffer.length * 2)));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    chunk.copy(this.buffer, this.length);
    this.length = needed;
  }

  drop(): void {
    this.buffer = undefined;
  }

  /** The bytes kept, or undefined when the file was larger than KEEP_CONTENT_BYTES. */
  content(): Buffer | undefined {
    return this.buffer?.subarray(0, this.length);
  }
}

/**
 * Streams the `fax_file` part, counting bytes without buffering large files.
 * Refusals (413, 400) are answered as soon as they are known; the rest of the
 * body is then drained for a while so the client can read the answer.
 */
export function uploadFile(ctx: ApiContext): Promise<ApiResult> {
  const { req } = ctx;
  const ct = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(ct)) {
    throw new ApiError(400, 'invalid_request', 'multipart/form-data with a fax_file part is required');
  }
  let bb: busboy.Busboy;
  try {
    bb = busboy({ headers: req.headers });
  } catch {
    throw new ApiError(400, 'invalid_request', 'Malformed multipart/form-data request');
  }
  return new Promise<ApiResult>((resolve, reject) => {
    let settled = false;
    let rawBytes = 0;
    let fileSeen = false;

    const drainThenClose = () => {
      req.unpipe(bb);
      let drained = 0;
      const timer = setTimeout(() => req.socket.destroy(), DRAIN_LIMIT_MS);
      req.on('data', (c: Buffer) => {
        drained += c.length;
        if (drained > DRAIN_LIMIT_BYTES) {
          req.socket.destroy();
        }
      });
      req.on('end', () => clearTimeout(timer));
      req.on('close', () => clearTimeout(timer));
      req.resume();
    };
    const finish = (result: ApiResult | ApiError, drain: boolean) => {
      if (settled) {
        return;
      }
      settled = true;
      if (drain) {
        drainThenClose();
      }
      if (result instanceof ApiError) {
        reject(result);
      } else {
        resolve(result);
      }
    };

    req.on('data', (c: Buffer) => {
      rawBytes += c.length;
      ctx.onUploadBytes(rawBytes);
      if (ctx.resetAfterBytes !== undefined && rawBytes >= ctx.resetAfterBytes) {
        finish(new ApiError(0, 'connection_reset', 'Emulated connection reset during upload'), false);
        req.socket.destroy();
      }
    });

    bb.on('file', (name, file, info) => {
      if (name !== 'fax_file' || fileSeen || settled) {
        file.resume();
        return;
      }
      fileSeen = true;
      const fileName = info.filename ?? '';
      const ext = path.extname(fileName).slice(1).toLowerCase();
      if (!ACCEPTED_EXTENSIONS.includes(ext)) {
        file.resume();
        finish(
          new ApiError(
            400,
            'unsupported_file_type',
            `"${fileName}" is not a supported file type. Accepted: ${ACCEPTED_EXTENSIONS.join(', ')}`,
          ),
          true,
        );
        return;
      }
      let size = 0;
      const kept = new KeptContent(Number(req.headers['content-length']));
      file.on('data', (c: Buffer) => {
        if (settled) {
          return;
        }
        size += c.length;
        if (size > MAX_FAX_BYTES) {
          kept.drop();
          finish(
            new ApiError(
              413,
              'payload_too_large',
              `The file is larger than ${MAX_FAX_BYTES / 1024 / 1024} MB, the limit for a fax's files`,
            ),
            true,
          );
          return;
        }
        kept.add(c);
      });
      file.on('end', () => {
        if (settled) {
          return;
        }
        const content = kept.content();
        const rec: UploadedFile = {
          path: `/transient-${randomUUID()}`,
          uid: ctx.targetUid,
          fileName,
          contentType: info.mimeType,
          size,
          content,
          note: content ? undefined : `content not kept (${size} bytes > ${KEEP_CONTENT_BYTES})`,
          uploadedAt: ctx.env.clock.now(),
        };
        ctx.env.state.files.set(rec.path, rec);
        pendingResult = jsonResult(200, { [ctx.env.variants.uploadKey]: rec.path });
      });
    });
    let pendingResult: ApiResult | undefined;
    bb.on('close', () => {
      if (pendingResult) {
        finish(pendingResult, false);
      } else {
        finish(new ApiError(400, 'invalid_request', 'The multipart body has no fax_file part'), false);
      }
    });
    bb.on('error', () => finish(new ApiError(400, 'invalid_request', 'Malformed multipart/form-data body'), true));
    req.on('error', () => finish(new ApiError(400, 'invalid_request', 'Request aborted'), false));
    req.on('close', () => {
      if (!req.complete) {
        finish(new ApiError(400, 'invalid_request', 'Request aborted by the client'), false);
      }
    });
    req.pipe(bb);
  });
}
