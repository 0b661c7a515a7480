import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesUploadSource, fileUploadSource, READ_CHUNK_BYTES } from '../../../src/api/uploadSource';
import { hashedUpload, sha256Of } from '../../../src/receipts/hashedUpload';

async function drain(source: AsyncIterable<Uint8Array> | NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('receipts: hashing the bytes as the upload reads them', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'receipts-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('gives the SHA-256 of exactly what a file source handed over, across reused read buffers', async () => {
    // Several chunks: the file source reuses two buffers, so a hash taken later would be wrong.
    const content = Buffer.alloc(READ_CHUNK_BYTES * 2 + 1234);
    for (let i = 0; i < content.length; i++) content[i] = (i * 31 + (i >> 9)) & 0xff;
    const path = join(dir, 'big.pdf');
    await writeFile(path, content);
    const hashed = hashedUpload(await fileUploadSource(path));
    assert.equal(hashed.digest(), undefined, 'nothing before the upload read it');
    const uploaded = await drain(hashed.source.open());
    assert.equal(uploaded.length, content.length);
    assert.deepEqual(hashed.digest(), { sha256: sha(content), size: content.length });
    assert.equal(hashed.source.name, 'big.pdf');
    assert.equal(hashed.source.size, content.length);
  });

  it('keeps a copy only of documents up to the size asked for', async () => {
    const bytes = Buffer.from('%PDF-1.4 small');
    const kept = hashedUpload(bytesUploadSource('a.pdf', bytes), 1024);
    await drain(kept.source.open());
    assert.deepEqual(Buffer.from(kept.digest()!.bytes!), bytes);
    const notKept = hashedUpload(bytesUploadSource('a.pdf', bytes), 4);
    await drain(notKept.source.open());
    assert.equal(notKept.digest()!.bytes, undefined);
    assert.equal(notKept.digest()!.sha256, sha(bytes));
  });

  it('starts again on a second open (a repeat after 401), and a read that stopped half-way leaves no digest', async () => {
    const bytes = Buffer.alloc(READ_CHUNK_BYTES + 10, 7);
    const hashed = hashedUpload(bytesUploadSource('x.pdf', bytes));
    const iterator = (hashed.source.open() as AsyncGenerator<Uint8Array>)[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.return?.(undefined);
    assert.equal(hashed.digest(), undefined, 'an aborted read proves nothing');
    await drain(hashed.source.open());
    await drain(hashed.source.open());
    assert.equal(hashed.digest()!.sha256, sha(bytes), 'not the hash of the bytes read twice');
  });

  it('sha256Of hashes text as UTF-8', () => {
    assert.equal(sha256Of('é'), sha(Buffer.from('é', 'utf8')));
  });
});
