/**
 * Benchmark of the Fax.Plus client (a script, not a test):
 *   npx tsx test/bench/client-bench.ts [--requests 2000] [--upload-mb 100] [--rounds 3]
 *
 * 1. Per-request overhead: median time of FaxPlusClient.getAccount() vs a raw
 *    `undici.request` + `body.json()` to the same endpoint, interleaved
 *    side by side (ratio; target ≤ 1.10×).
 * 2. Upload of a 100 MB file: throughput of uploadFile vs `curl -F`, rounds
 *    interleaved (ratio; target ≥ 0.9×), and the peak RSS growth of this
 *    process during the client's upload (target < 30 MB).
 *
 * The emulator runs in a child process so its memory does not count as ours;
 * without the emulator a plain local server stands in.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { FaxPlusClient } from '../../src/api/faxPlusClient';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const REQUESTS = arg('requests', 2000);
const UPLOAD_MB = arg('upload-mb', 100);
const ROUNDS = arg('rounds', 3);
const root = join(__dirname, '..', '..');

interface Target {
  apiUrl: string;
  token: string;
  kind: string;
  stop(): Promise<void>;
}

async function startEmulatorProcess(): Promise<Target> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/emulator/cli.ts'), '--seed-faxes', '60'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const apiUrl = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /API base URL\s+(\S+)/.exec(out);
      if (m && /fullAccess\s+\S+/.test(out)) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`emulator exited ${code}`)));
  });
  const token = /fullAccess\s+(\S+)/.exec(out)![1];
  return {
    apiUrl,
    token,
    kind: 'emulator (child process)',
    stop: async () => {
      child.kill('SIGTERM');
    },
  };
}

/** Stand-in when the emulator is missing: the same account JSON, and an upload sink. */
async function startPlainServer(): Promise<Target> {
  const account = JSON.stringify({ uid: 'u1', email: 'a@example.com', account_type: 'corporate_admin', status: 'active', creation_date: '2024-01-01 00:00:00' });
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const body = req.method === 'POST' ? JSON.stringify({ path: '/transient-bench' }) : account;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`,
    token: 'bench-token',
    kind: 'plain node:http server',
    stop: () => new Promise((r) => server.close(() => r())),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function writeFile(path: string, bytes: number): Promise<void> {
  const block = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < block.length; i++) block[i] = (i * 31) & 0xff;
  const out = createWriteStream(path);
  for (let left = bytes; left > 0; left -= block.length) {
    if (!out.write(left >= block.length ? block : block.subarray(0, left))) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

function curlUpload(url: string, token: string, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    execFile(
      'curl',
      ['-s', '-o', '/dev/null', '-w', '%{http_code}', '-H', `Authorization: Bearer ${token}`, '-F', `fax_file=@${file};type=application/pdf`, url],
      (error, stdout) => {
        if (error || stdout.trim() !== '200') reject(error ?? new Error(`curl got ${stdout}`));
        else resolve(performance.now() - start);
      },
    );
  });
}

async function main(): Promise<void> {
  const emulatorPresent = existsSync(join(root, 'test/emulator/index.ts'));
  const target = emulatorPresent ? await startEmulatorProcess() : await startPlainServer();
  const logger = { debug() {}, info() {}, warn() {}, error() {} };
  const client = new FaxPlusClient({
    baseUrl: target.apiUrl,
    credentials: { getCredential: async () => ({ token: target.token, kind: 'pat' }) },
    logger,
    userAgent: 'faxplus-vscode-bench/0',
    env: {},
  });
  const rawAgent = new Agent({ keepAliveTimeout: 30_000 });
  const url = `${target.apiUrl}/accounts/self`;
  const raw = async () => {
    const res = await request(url, { dispatcher: rawAgent, headers: { authorization: `Bearer ${target.token}`, accept: 'application/json' } });
    return res.body.json();
  };
  const dir = await mkdtemp(join(tmpdir(), 'faxplus-bench-'));
  try {
    // 1. Per-request overhead, interleaved.
    for (let i = 0; i < 200; i++) {
      await client.getAccount();
      await raw();
    }
    const tClient: number[] = [];
    const tRaw: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const order = i % 2 === 0;
      for (const which of order ? ['client', 'raw'] : ['raw', 'client']) {
        const t0 = performance.now();
        if (which === 'client') await client.getAccount();
        else await raw();
        (which === 'client' ? tClient : tRaw).push(performance.now() - t0);
      }
    }

    // 2. Upload throughput and RSS.
    const size = UPLOAD_MB * 1024 * 1024;
    const file = join(dir, 'bench.pdf');
    await writeFile(file, size);
    const uploadUrl = `${target.apiUrl}/accounts/self/files`;
    await client.uploadFile(file);
    await curlUpload(uploadUrl, target.token, file);
    const clientMs: number[] = [];
    const curlMs: number[] = [];
    let peakGrowth = 0;
    for (let round = 0; round < ROUNDS; round++) {
      (globalThis as { gc?: () => void }).gc?.();
      const base = process.memoryUsage.rss();
      let peak = base;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
      const t0 = performance.now();
      await client.uploadFile(file);
      clientMs.push(performance.now() - t0);
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage.rss());
      peakGrowth = Math.max(peakGrowth, peak - base);
      curlMs.push(await curlUpload(uploadUrl, target.token, file));
    }

    const mbps = (ms: number) => UPLOAD_MB / (ms / 1000);
    const mClient = median(tClient);
    const mRaw = median(tRaw);
    const upClient = mbps(median(clientMs));
    const upCurl = mbps(median(curlMs));
    const rows: [string, string, string, string, string][] = [
      ['measure', 'client', 'baseline', 'ratio', 'target'],
      ['median request (getAccount), ms', mClient.toFixed(3), `${mRaw.toFixed(3)} (raw undici)`, `${(mClient / mRaw).toFixed(3)}×`, '≤ 1.10×'],
      [`upload ${UPLOAD_MB} MB, MB/s`, upClient.toFixed(1), `${upCurl.toFixed(1)} (curl -F)`, `${(upClient / upCurl).toFixed(3)}×`, '≥ 0.90×'],
      ['peak RSS growth during upload, MB', (peakGrowth / 1024 / 1024).toFixed(1), '', '', '< 30 MB'],
    ];
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    console.log(`\nFax.Plus client benchmark — ${target.kind}, node ${process.version}, ${REQUESTS} interleaved request pairs, ${ROUNDS} upload rounds\n`);
    for (const [i, r] of rows.entries()) {
      console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
      if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    }
    console.log();
  } finally {
    await client.close();
    await rawAgent.close();
    await target.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
