import * as assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { CancelledError, NetworkError, UploadSourceError } from '../../../src/api/errors';
import { faxMimeType } from '../../../src/api/mimeTypes';
import type { UploadSource } from '../../../src/api/uploadSource';
import { makeClient, rejection } from './support/clientFactory';
import { readBody, sendJson, startServer, type TestServer } from './support/testServer';

interface ReceivedPart {
  field: string;
  filename: string;
  mimeType: string;
  bytes: number;
  head: Buffer;
}

/** Parses the multipart body with busboy (an independent parser), counting bytes without keeping them. */
function receive(req: IncomingMessage): Promise<ReceivedPart[]> {
  return new Promise((resolve, reject) => {
    const parts: ReceivedPart[] = [];
    const bb = busboy({ headers: req.headers, limits: { fileSize: Infinity } });
    bb.on('file', (field, stream, info) => {
      const part: ReceivedPart = { field, filename: info.filename ?? '', mimeType: info.mimeType, bytes: 0, head: Buffer.alloc(0) };
      parts.push(part);
      stream.on('data', (c: Buffer) => {
        if (part.head.length < 64) part.head = Buffer.concat([part.head, c]).subarray(0, 64);
        part.bytes += c.length;
      });
    });
    bb.on('close', () => resolve(parts));
    bb.on('error', reject);
    req.pipe(bb);
  });
}

/** A generated source of `size` bytes that never exists in memory as a whole. */
function generatedSource(name: string, size: number, chunk = 1024 * 1024): UploadSource {
  return {
    name,
    size,
    open: () =>
      Readable.from(
        (function* () {
          const block = Buffer.alloc(chunk, 0x61);
          for (let left = size; left > 0; left -= chunk) yield left >= chunk ? block : block.subarray(0, left);
        })(),
      ),
  };
}

describe('FaxPlusClient.uploadFile', () => {
  let server: TestServer | undefined;
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'faxplus-upload-'));
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('derives the MIME type from the extension for every accepted type', () => {
    const expected: Record<string, string> = {
      'a.pdf': 'application/pdf',
      'a.DOC': 'application/msword',
      'a.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'a.txt': 'text/plain',
      'a.rtf': 'application/rtf',
      'a.jpg': 'image/jpeg',
      'a.jpeg': 'image/jpeg',
      'a.png': 'image/png',
      'a.tif': 'image/tiff',
      'a.tiff': 'image/tiff',
      'a.xls': 'application/vnd.ms-excel',
      'a.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
    for (const [name, type] of Object.entries(expected)) assert.equal(faxMimeType(name), type, name);
    assert.equal(faxMimeType('a.exe'), undefined);
    assert.equal(faxMimeType('pdf'), undefined);
  });

  it('uploads a local file as multipart part fax_file with filename, content type and exact Content-Length', async () => {
    let parts: ReceivedPart[] = [];
    let contentLength = -1;
    let raw: Buffer = Buffer.alloc(0);
    server = await startServer(async (req, res) => {
      contentLength = Number(req.headers['content-length']);
      raw = await readBody(req);
      const replay = Object.assign(Readable.from([raw]), { headers: req.headers }) as unknown as IncomingMessage;
      parts = await receive(replay);
      sendJson(res, 200, { path: '/transient-abc' });
    });
    const file = join(dir, 'Lab "report".pdf');
    await writeFile(file, Buffer.from('%PDF-1.4 hello'));
    const { client } = makeClient(server.baseUrl);
    const path = await client.uploadFile(file);
    assert.equal(path, '/transient-abc');
    assert.equal(parts.length, 1);
    assert.equal(parts[0].field, 'fax_file');
    assert.equal(parts[0].filename, 'Lab %22report%22.pdf');
    assert.equal(parts[0].mimeType, 'application/pdf');
    assert.equal(parts[0].head.toString(), '%PDF-1.4 hello');
    assert.equal(contentLength, raw.length);
    assert.match(server.requests[0].headers['content-type'] ?? '', /^multipart\/form-data; boundary=/);
    assert.equal(server.requests[0].url, '/v3/accounts/self/files');
    client.dispose();
  });

  it('uploads a local file of many chunks byte for byte, even to a slow reader (read buffers are reused)', async function () {
    this.timeout(60_000);
    const content = randomBytes(5 * 1024 * 1024 + 123); // 21 read chunks, the last one short
    const file = join(dir, 'scan.pdf');
    await writeFile(file, content);
    let received = '';
    server = await startServer(async (req, res) => {
      const hash = createHash('sha256');
      const bb = busboy({ headers: req.headers, limits: { fileSize: Infinity } });
      bb.on('file', (_field, stream) => stream.on('data', (c: Buffer) => hash.update(c)));
      const done = new Promise<void>((resolve, reject) => {
        bb.on('close', resolve);
        bb.on('error', reject);
      });
      // Read slowly at first so the socket backs up while the client has more chunks to give.
      req.pause();
      await new Promise((r) => setTimeout(r, 200));
      req.pipe(bb);
      await done;
      received = hash.digest('hex');
      sendJson(res, 200, { path: '/transient-scan' });
    });
    const { client } = makeClient(server.baseUrl);
    assert.equal(await client.uploadFile(file), '/transient-scan');
    assert.equal(received, createHash('sha256').update(content).digest('hex'));
    client.dispose();
  });

  it('streams a 50 MB generated source: bytes received equal the size, progress reaches the total', async function () {
    this.timeout(60_000);
    const size = 50 * 1024 * 1024;
    let parts: ReceivedPart[] = [];
    server = await startServer(async (req, res) => {
      parts = await receive(req);
      sendJson(res, 200, { path: '/transient-big' });
    });
    const progress: [number, number][] = [];
    const { client } = makeClient(server.baseUrl);
    const path = await client.uploadFile(generatedSource('big.tiff', size), {
      onProgress: (sent, total) => progress.push([sent, total]),
    });
    assert.equal(path, '/transient-big');
    assert.equal(parts[0].bytes, size);
    assert.equal(parts[0].mimeType, 'image/tiff');
    assert.deepEqual(progress.at(-1), [size, size]);
    assert.ok(progress.length > 10);
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i][0] > progress[i - 1][0]);
    client.dispose();
  });

  it('accepts an AsyncIterable source and an explicit content type', async () => {
    let parts: ReceivedPart[] = [];
    server = await startServer(async (req, res) => {
      parts = await receive(req);
      sendJson(res, 200, { path: '/p' });
    });
    const { client } = makeClient(server.baseUrl);
    await client.uploadFile({
      name: 'scan',
      size: 6,
      contentType: 'application/pdf',
      open: async function* () {
        yield new Uint8Array([1, 2, 3]);
        yield new Uint8Array([4, 5, 6]);
      },
    });
    assert.equal(parts[0].bytes, 6);
    assert.equal(parts[0].mimeType, 'application/pdf');
  });

  it('refuses an extension Fax.Plus does not accept, before any request', async () => {
    server = await startServer((_q, res) => sendJson(res, 200, { path: '/p' }));
    const { client } = makeClient(server.baseUrl);
    const error = (await rejection(client.uploadFile(generatedSource('virus.exe', 10)))) as UploadSourceError;
    assert.ok(error instanceof UploadSourceError);
    assert.equal(error.code, 'unsupported_file_type');
    assert.equal(server.requests.length, 0);
  });

  it('a source shorter or longer than its declared size fails with UploadSourceError', async () => {
    server = await startServer(async (req, res) => {
      await readBody(req).catch(() => undefined);
      sendJson(res, 200, { path: '/p' });
    });
    const { client } = makeClient(server.baseUrl);
    const short = { ...generatedSource('a.pdf', 10), size: 20 };
    const long = { ...generatedSource('a.pdf', 30), size: 20 };
    assert.ok((await rejection(client.uploadFile(short))) instanceof UploadSourceError);
    assert.ok((await rejection(client.uploadFile(long))) instanceof UploadSourceError);
  });

  it('is cancellable: aborting mid-upload → CancelledError, source closed', async () => {
    let receivedBytes = 0;
    server = await startServer((req) => {
      req.on('data', (c: Buffer) => (receivedBytes += c.length));
    });
    let closed = false;
    const controller = new AbortController();
    const source: UploadSource = {
      name: 'a.pdf',
      size: 100 * 1024 * 1024,
      open: () => {
        const inner = generatedSource('a.pdf', 100 * 1024 * 1024).open() as Readable;
        inner.on('close', () => (closed = true));
        return inner;
      },
    };
    const { client } = makeClient(server.baseUrl);
    const error = await rejection(
      client.uploadFile(source, {
        signal: controller.signal,
        onProgress: (sent) => sent > 5 * 1024 * 1024 && controller.abort(),
      }),
    );
    assert.ok(error instanceof CancelledError, String(error));
    assert.ok(receivedBytes < 100 * 1024 * 1024);
    await new Promise((r) => setTimeout(r, 50));
    assert.ok(closed, 'source stream closed');
    client.dispose();
  });

  it('is never retried once bytes may have reached the server (reset mid-upload → maybeDelivered)', async () => {
    server = await startServer((req) => {
      let n = 0;
      req.on('data', (c: Buffer) => {
        n += c.length;
        if (n > 1024 * 1024) req.socket.destroy();
      });
    });
    const { client, sleeps } = makeClient(server.baseUrl);
    const error = (await rejection(client.uploadFile(generatedSource('a.pdf', 10 * 1024 * 1024)))) as NetworkError;
    assert.ok(error instanceof NetworkError, String(error));
    assert.equal(error.maybeDelivered, true);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(sleeps, []);
  });
});
