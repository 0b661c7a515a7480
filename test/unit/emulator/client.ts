import { request } from 'undici';
import type { Emulator } from '../../emulator';

export interface CallOptions {
  token?: string;
  json?: unknown;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface CallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
  bytes: Buffer;
}

/** One HTTP call to the emulator's API (`path` relative to /v3) with plain undici. */
export async function api(emu: Emulator, method: string, path: string, o: CallOptions = {}): Promise<CallResult> {
  return http(emu, method, `${emu.apiUrl}${path}`, o);
}

export async function http(_emu: Emulator, method: string, url: string, o: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.token) {
    headers.authorization = `Bearer ${o.token}`;
  }
  let body: string | Buffer | undefined = o.body;
  if (o.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(o.json);
  }
  const res = await request(url, { method: method as 'GET', headers, body });
  const bytes = Buffer.from(await res.body.arrayBuffer());
  const text = bytes.toString('utf8');
  let json: unknown;
  if (String(res.headers['content-type'] ?? '').includes('json')) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: res.statusCode, headers: res.headers, json, text, bytes };
}

/** A multipart body with one `fax_file` part. */
export function multipart(
  fileName: string,
  content: Buffer,
  contentType = 'application/pdf',
): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----emu${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="fax_file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(
  emu: Emulator,
  token: string,
  fileName = 'letter.pdf',
  content = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF'),
): Promise<CallResult> {
  const mp = multipart(fileName, content);
  return api(emu, 'POST', '/accounts/self/files', { token, body: mp.body, headers: mp.headers });
}
