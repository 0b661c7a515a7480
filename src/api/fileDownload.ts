import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { TransportResponse } from './httpTransport';
import { declaredLength } from './responseBody';

export type DownloadProgress = (receivedBytes: number, totalBytes: number | undefined) => void;

/**
 * Streams a response body into a temporary file beside `destination` and
 * renames it into place only once it is complete, so the final name never
 * holds a partial document. Any failure (network, abort, disk) removes the
 * temporary file and rethrows.
 */
export async function saveResponseBody(
  response: TransportResponse,
  destination: string,
  onProgress?: DownloadProgress,
  signal?: AbortSignal,
): Promise<number> {
  const temp = join(dirname(destination), `.${basename(destination)}.${randomBytes(6).toString('hex')}.part`);
  const total = declaredLength(response);
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      onProgress?.(received, total);
      done(null, chunk);
    },
  });
  try {
    // `wx`: never overwrite something that is not ours.
    await pipeline(response.body, counter, createWriteStream(temp, { flags: 'wx' }), { signal });
    await rename(temp, destination);
    return received;
  } catch (error) {
    response.body.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}
