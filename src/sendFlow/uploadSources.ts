import * as vscode from 'vscode';
import { readFileChunks, type UploadSource } from '../api/uploadSource';

/** One chunk in flight keeps memory flat for large local files. */
const CHUNK_BYTES = 256 * 1024;

/** A `file:` document read from disk into reused buffers. */
export function diskUploadSource(uri: vscode.Uri, name: string, size: number): UploadSource {
  return { name, size, open: () => readFileChunks(uri.fsPath) };
}

/**
 * A document on a remote or virtual file system. `workspace.fs` offers no
 * streaming read, so the bytes are read when the upload starts (not before)
 * and handed over in chunks; `open()` reads again for a repeat after a 401.
 */
export function workspaceUploadSource(uri: vscode.Uri, name: string, size: number): UploadSource {
  return {
    name,
    size,
    open: () => chunksOf(() => vscode.workspace.fs.readFile(uri)),
  };
}

/** Text held in memory (an untitled editor). */
export function bytesUploadSource(name: string, bytes: Uint8Array): UploadSource {
  return { name, size: bytes.byteLength, open: () => chunksOf(async () => bytes) };
}

async function* chunksOf(read: () => PromiseLike<Uint8Array>): AsyncGenerator<Uint8Array> {
  const bytes = await read();
  for (let offset = 0; offset < bytes.byteLength; offset += CHUNK_BYTES) {
    yield bytes.subarray(offset, Math.min(offset + CHUNK_BYTES, bytes.byteLength));
  }
}
