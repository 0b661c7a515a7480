import { createHash } from 'node:crypto';
import type { UploadSource } from '../api/uploadSource';

/** What the upload read, known once it read the source to the end. */
export interface UploadDigest {
  /** SHA-256 (hex) of every byte handed to the upload. */
  readonly sha256: string;
  readonly size: number;
  /** The bytes themselves, when asked for and not larger than the limit given. */
  readonly bytes?: Uint8Array;
}

export interface HashedUpload {
  /** Hand this to the upload instead of the original. */
  readonly source: UploadSource;
  /** The digest of the last complete read; undefined when no read finished. */
  digest(): UploadDigest | undefined;
}

/**
 * Hashes the bytes as the upload reads them, so the receipt proves what went
 * over the wire rather than what the file holds a moment later. A repeated
 * `open()` (after a 401) starts a fresh hash. `keepBytesUpTo` keeps a copy
 * of small documents (to count a PDF's pages afterwards).
 */
export function hashedUpload(original: UploadSource, keepBytesUpTo = 0): HashedUpload {
  let last: UploadDigest | undefined;
  async function* read(): AsyncGenerator<Uint8Array> {
    const hash = createHash('sha256');
    let size = 0;
    let kept: Buffer[] | undefined = original.size <= keepBytesUpTo ? [] : undefined;
    for await (const chunk of original.open()) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      hash.update(bytes);
      size += bytes.byteLength;
      // Copied: a file source reuses its buffers once the next chunk is asked for.
      if (kept) kept.push(Buffer.from(bytes));
      if (kept && size > keepBytesUpTo) kept = undefined;
      yield bytes;
    }
    last = { sha256: hash.digest('hex'), size, ...(kept ? { bytes: Buffer.concat(kept) } : {}) };
  }
  const source: UploadSource = {
    name: original.name,
    size: original.size,
    ...(original.contentType ? { contentType: original.contentType } : {}),
    open: () => read(),
  };
  return { source, digest: () => last };
}

/** SHA-256 (hex) of bytes held in memory, or of a string as UTF-8. */
export function sha256Of(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
