import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * A document to upload, known by name and size before it is read. Files from
 * VS Code remote or virtual file systems arrive this way (as streams), local
 * files through `fileUploadSource`. `open()` may be called again for a
 * repeat after a 401, so it must start from the beginning each time.
 */
export interface UploadSource {
  readonly name: string;
  readonly size: number;
  /** Derived from the extension of `name` when absent. */
  readonly contentType?: string;
  open(): Readable | AsyncIterable<Uint8Array>;
}

/** Large reads keep syscalls and chunk overhead low; memory stays at one chunk in flight. */
const READ_CHUNK_BYTES = 256 * 1024;

export async function fileUploadSource(path: string): Promise<UploadSource> {
  const info = await stat(path);
  return {
    name: basename(path),
    size: info.size,
    open: () => createReadStream(path, { highWaterMark: READ_CHUNK_BYTES }),
  };
}
