import { randomBytes } from 'node:crypto';
import { UploadSourceError } from './errors';
import type { RequestBody } from './httpTransport';

/**
 * A streaming multipart/form-data body with a single file part and an exact
 * Content-Length. We do not use form-data-encoder here: it wants a
 * spec-shaped FormData and File (two duck-typed fakes for one part), and its
 * re-chunking copies `value.buffer` without the view's byteOffset, which
 * corrupts Buffers that are views into a larger pool. This encoder is the
 * whole format: a header, the bytes, a footer.
 */

export interface MultipartFilePart {
  readonly fieldName: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly open: () => AsyncIterable<Uint8Array | string>;
}

export interface MultipartProgress {
  (sentBytes: number, totalBytes: number): void;
}

/** Quoting of names inside Content-Disposition as browsers do it (WHATWG HTML "multipart/form-data"). */
function escapeQuoted(name: string): string {
  return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function multipartFileBody(
  part: MultipartFilePart,
  operationId: string,
  onProgress?: MultipartProgress,
  boundary = `----faxplus-${randomBytes(12).toString('hex')}`,
): RequestBody {
  const head = Buffer.from(
    `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="${escapeQuoted(part.fieldName)}"; filename="${escapeQuoted(part.fileName)}"\r\n` +
      `Content-Type: ${part.contentType}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');

  async function* stream(): AsyncGenerator<Uint8Array> {
    yield head;
    let sent = 0;
    let source: AsyncIterable<Uint8Array | string>;
    try {
      source = part.open();
    } catch {
      throw new UploadSourceError(`Could not open ${part.fileName} for upload`, { operationId });
    }
    const iterator = source[Symbol.asyncIterator]();
    try {
      for (;;) {
        let next: IteratorResult<Uint8Array | string>;
        try {
          next = await iterator.next();
        } catch {
          throw new UploadSourceError(`Could not read ${part.fileName} for upload`, { operationId });
        }
        if (next.done) {
          break;
        }
        const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
        sent += chunk.byteLength;
        // The Content-Length is already promised: a file that changed size mid-upload must fail, not lie.
        if (sent > part.size) {
          throw new UploadSourceError(`${part.fileName} is larger than its declared ${part.size} bytes`, {
            operationId,
          });
        }
        yield chunk;
        onProgress?.(sent, part.size);
      }
    } finally {
      await iterator.return?.();
    }
    if (sent !== part.size) {
      throw new UploadSourceError(`${part.fileName} is shorter than its declared ${part.size} bytes`, {
        operationId,
      });
    }
    yield tail;
  }

  return {
    body: stream(),
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength: head.length + part.size + tail.length,
  };
}
