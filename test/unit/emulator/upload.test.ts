import * as assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { type Emulator, startEmulator } from '../../emulator';
import { api, multipart, upload } from './client';

const MB = 1024 * 1024;

/** A multipart body of `size` file bytes generated on the fly (nothing on disk, little in memory). */
function generatedUpload(size: number, fileName: string): { stream: Readable; headers: Record<string, string>; sent: () => number } {
  const boundary = '----emuGenerated';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="fax_file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(MB, 0x41);
  let produced = 0;
  let headDone = false;
  let tailDone = false;
  const stream = new Readable({
    read() {
      if (!headDone) {
        headDone = true;
        this.push(head);
        return;
      }
      if (produced < size) {
        const n = Math.min(chunk.length, size - produced);
        produced += n;
        this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
        return;
      }
      if (!tailDone) {
        tailDone = true;
        this.push(tail);
        return;
      }
      this.push(null);
    },
  });
  return { stream, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, sent: () => produced };
}

describe('emulator: uploads', () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ seedFaxes: 5 });
  });
  after(() => emu.stop());

  it('returns a transient path and keeps small content', async () => {
    const res = await upload(emu, emu.demoTokens.fullAccess, 'scan.pdf', Buffer.from('%PDF-1.4 hello'));
    assert.equal(res.status, 200);
    const file = emu.state.files().find((f) => f.path === res.json.path)!;
    assert.equal(file.fileName, 'scan.pdf');
    assert.equal(file.size, 14);
    assert.equal(file.content?.toString(), '%PDF-1.4 hello');
  });

  it('refuses unsupported file types with 400 unsupported_file_type', async () => {
    const res = await upload(emu, emu.demoTokens.fullAccess, 'tool.exe', Buffer.from('MZ'));
    assert.equal(res.status, 400);
    assert.equal(res.json.error, 'unsupported_file_type');
    for (const name of ['a.DOCX', 'b.tif', 'c.jpeg', 'd.xlsx', 'e.txt', 'f.rtf']) {
      assert.equal((await upload(emu, emu.demoTokens.fullAccess, name, Buffer.from('x'))).status, 200, name);
    }
  });

  it('refuses a body without a fax_file part', async () => {
    const mp = multipart('x.pdf', Buffer.from('x'));
    const body = Buffer.from(mp.body.toString('latin1').replace('name="fax_file"', 'name="other"'), 'latin1');
    const res = await api(emu, 'POST', '/accounts/self/files', { token: emu.demoTokens.fullAccess, body, headers: mp.headers });
    assert.equal(res.status, 400);
  });

  it('keeps the size but not the content of files over 20 MB', async () => {
    const gen = generatedUpload(25 * MB, 'big.pdf');
    const res = await request(`${emu.apiUrl}/accounts/self/files`, {
      method: 'POST',
      headers: { ...gen.headers, authorization: `Bearer ${emu.demoTokens.fullAccess}` },
      body: gen.stream,
    });
    const json = (await res.body.json()) as { path: string };
    assert.equal(res.statusCode, 200);
    const file = emu.state.files().find((f) => f.path === json.path)!;
    assert.equal(file.size, 25 * MB);
    assert.equal(file.content, undefined);
    assert.match(file.note ?? '', /not kept/);
    const logged = emu.requests.filter((r) => r.operationId === 'uploadFile').pop()!;
    assert.ok((logged.uploadBytes ?? 0) >= 25 * MB);
  });

  it('answers 413 payload_too_large as soon as a single upload crosses 150 MB', async () => {
    const total = 200 * MB;
    const gen = generatedUpload(total, 'huge.pdf');
    const res = await request(`${emu.apiUrl}/accounts/self/files`, {
      method: 'POST',
      headers: { ...gen.headers, authorization: `Bearer ${emu.demoTokens.fullAccess}` },
      body: gen.stream,
    });
    const sentWhenAnswered = gen.sent();
    assert.equal(res.statusCode, 413);
    const json = (await res.body.json()) as { error: string };
    assert.equal(json.error, 'payload_too_large');
    assert.ok(sentWhenAnswered < total, `answered after ${sentWhenAnswered} of ${total} bytes`);
    gen.stream.destroy();
  });

  it("answers 413 when a fax's files total more than 150 MB", async () => {
    const paths: string[] = [];
    for (let i = 0; i < 2; i++) {
      const gen = generatedUpload(80 * MB, `part${i}.pdf`);
      const res = await request(`${emu.apiUrl}/accounts/self/files`, {
        method: 'POST',
        headers: { ...gen.headers, authorization: `Bearer ${emu.demoTokens.fullAccess}` },
        body: gen.stream,
      });
      paths.push(((await res.body.json()) as { path: string }).path);
    }
    const from = emu.state.numbers()[0].number;
    const res = await api(emu, 'POST', '/accounts/self/outbox', {
      token: emu.demoTokens.fullAccess,
      json: { from, to: ['+12125550100'], files: paths },
    });
    assert.equal(res.status, 413);
    assert.equal(res.json.error, 'payload_too_large');
  });
});
