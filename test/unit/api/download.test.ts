import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancelledError, NetworkError, NotFoundError, ResponseTooLargeError } from '../../../src/api/errors';
import { makeClient, rejection } from './support/clientFactory';
import { sendJson, startServer, type TestServer } from './support/testServer';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200_000, 0x20), Buffer.from('%%EOF')]);

describe('FaxPlusClient downloads', () => {
  let server: TestServer | undefined;
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'faxplus-dl-'));
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('downloadFile streams into place with progress and asks for the format', async () => {
    server = await startServer((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': PDF.length });
      res.end(PDF);
    });
    const { client } = makeClient(server.baseUrl);
    const dest = join(dir, 'fax.pdf');
    const progress: [number, number | undefined][] = [];
    const bytes = await client.downloadFile('fax/1', 'pdf', dest, { onProgress: (r, t) => progress.push([r, t]) });
    assert.equal(bytes, PDF.length);
    assert.deepEqual(await readFile(dest), PDF);
    assert.deepEqual(progress.at(-1), [PDF.length, PDF.length]);
    assert.equal(server.requests[0].url, '/v3/accounts/self/files/fax%2F1?format=pdf');
    assert.equal(server.requests[0].headers.accept, 'application/pdf');
    assert.deepEqual(await readdir(dir), ['fax.pdf']);
  });

  it('downloadReport saves the confirmation report', async () => {
    server = await startServer((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(PDF);
    });
    const { client } = makeClient(server.baseUrl);
    const dest = join(dir, 'report.pdf');
    await client.downloadReport('f1', dest);
    assert.deepEqual(await readFile(dest), PDF);
    assert.equal(server.requests[0].url, '/v3/accounts/self/report/f1');
  });

  it('a download reset mid-body leaves no file (temp removed) and is retried whole', async () => {
    server = await startServer((_q, res, i) => {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': PDF.length });
      if (i < 5) {
        res.write(PDF.subarray(0, 50_000));
        setTimeout(() => res.socket?.destroy(), 20);
      } else res.end(PDF);
    });
    const { client } = makeClient(server.baseUrl);
    const dest = join(dir, 'fax.pdf');
    const error = (await rejection(client.downloadFile('f1', 'pdf', dest))) as NetworkError;
    assert.ok(error instanceof NetworkError, String(error));
    assert.equal(server.requests.length, 3);
    assert.deepEqual(await readdir(dir), []);
  });

  it('a cancelled download leaves no file', async () => {
    server = await startServer((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': PDF.length * 10 });
      res.write(PDF);
    });
    const { client } = makeClient(server.baseUrl);
    const controller = new AbortController();
    const dest = join(dir, 'fax.pdf');
    const error = await rejection(
      client.downloadFile('f1', 'pdf', dest, { signal: controller.signal, onProgress: () => controller.abort() }),
    );
    assert.ok(error instanceof CancelledError, String(error));
    assert.deepEqual(await readdir(dir), []);
    client.dispose();
  });

  it('an error status writes nothing', async () => {
    server = await startServer((_q, res) => sendJson(res, 404, { error: 'fax_not_found' }));
    const { client } = makeClient(server.baseUrl);
    assert.ok((await rejection(client.downloadFile('f1', 'tiff', join(dir, 'x.tiff')))) instanceof NotFoundError);
    assert.deepEqual(await readdir(dir), []);
  });

  it('downloadFileBytes returns the document and refuses more than maxBytes', async () => {
    server = await startServer((_q, res) => {
      res.writeHead(200, { 'content-type': 'image/tiff' });
      res.end(PDF);
    });
    const { client } = makeClient(server.baseUrl);
    const bytes = await client.downloadFileBytes('f1', 'tiff');
    assert.deepEqual(Buffer.from(bytes), PDF);
    assert.equal(server.requests[0].headers.accept, 'image/tiff');
    const error = (await rejection(client.downloadFileBytes('f1', 'tiff', { maxBytes: 1000 }))) as ResponseTooLargeError;
    assert.ok(error instanceof ResponseTooLargeError);
    assert.equal(error.limitBytes, 1000);
  });
});
