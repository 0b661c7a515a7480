import { open, stat } from 'node:fs/promises';
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

/**
 * Large reads keep syscalls and chunk overhead low. Kept above the socket's
 * writable high-water mark (16–64 KB), so the HTTP client waits for 'drain'
 * (every earlier chunk written) before it asks for the next one.
 */
export const READ_CHUNK_BYTES = 256 * 1024;

export async function fileUploadSource(path: string): Promise<UploadSource> {
  const info = await stat(path);
  return {
    name: basename(path),
    size: info.size,
    open: () => readFileChunks(path),
  };
}

/**
 * A local file's bytes in chunks read into two reused buffers. A stream
 * allocates a new buffer per chunk, freed only when V8 notices the external
 * memory (tens of MB for a large upload); here a 150 MB upload holds 512 KB.
 * A chunk may be overwritten once the consumer has asked for the chunk after
 * the next one: by then the HTTP client has drained both to the socket.
 */
export async function* readFileChunks(path: string): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffers = [Buffer.allocUnsafeSlow(READ_CHUNK_BYTES), Buffer.allocUnsafeSlow(READ_CHUNK_BYTES)];
    let position = 0;
    for (let turn = 0; ; turn ^= 1) {
      const buffer = buffers[turn];
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) {
        return;
      }
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
