/**
 * Measures "Send as fax" sending a 100 MB PDF (a script, not a test):
 *   npx tsx test/bench/sendFaxUpload.ts [--mb 100] [--rounds 3]
 *
 * What runs: the flow's own send path (FaxSubmission with diskUploadSource:
 * upload with progress, then POST /outbox) on Node, against the emulator in a
 * child process; compared with `curl` doing the same two requests. The
 * extension host itself is not measured: its memory includes VS Code's own
 * and cannot be sampled from outside reliably, so the flow runs here with a
 * stub for the few `vscode` functions it touches (l10n.t, workspace.fs).
 * Reports wall time and peak RSS growth of this process (flow) vs curl's
 * peak RSS (VmHWM from /proc), interleaved rounds, medians.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import './vscodeStub';
import { FaxPlusClient } from '../../src/api/faxPlusClient';
import { FaxSubmission } from '../../src/sendFlow/faxSubmission';
import { diskUploadSource } from '../../src/sendFlow/uploadSources';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const MB = arg('mb', 100);
const ROUNDS = arg('rounds', 3);
const root = join(__dirname, '..', '..');

async function startEmulator(): Promise<{ apiUrl: string; token: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/emulator/cli.ts'), '--seed-faxes', '10'], {
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
  return { apiUrl, token: /fullAccess\s+(\S+)/.exec(out)![1], child };
}

async function writePdf(path: string, bytes: number): Promise<void> {
  const block = Buffer.alloc(1024 * 1024, 0x20);
  Buffer.from('%PDF-1.7\n').copy(block);
  const out = createWriteStream(path);
  for (let left = bytes; left > 0; left -= block.length) {
    if (!out.write(left >= block.length ? block : block.subarray(0, left))) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

/** Runs curl and samples its peak RSS (VmHWM) until it exits. */
function curl(args: string[]): Promise<{ ms: number; peakKb: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let peakKb = 0;
    const child = execFile('curl', args, { maxBuffer: 1024 * 1024 }, (error, stdout) => {
      clearInterval(timer);
      if (error) reject(error);
      else resolve({ ms: performance.now() - start, peakKb, stdout });
    });
    const timer = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        /* exited */
      }
    }, 5);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const emulator = await startEmulator();
  const dir = await mkdtemp(join(tmpdir(), 'faxplus-send-bench-'));
  const file = join(dir, 'scan.pdf');
  const size = MB * 1024 * 1024;
  await writePdf(file, size);
  const client = new FaxPlusClient({
    baseUrl: emulator.apiUrl,
    credentials: { getCredential: async () => ({ token: emulator.token, kind: 'pat' }) },
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    userAgent: 'faxplus-vscode-bench/0',
    env: {},
  });
  const from = (await client.listNumbers()).find((n) => n.status === 'active')!.number;
  const submission = new FaxSubmission({ get: () => client } as never);
  const uri = { fsPath: file } as never;
  const document = { uri, name: 'scan.pdf', size, source: diskUploadSource(uri, 'scan.pdf', size) };
  const auth = ['-H', `Authorization: Bearer ${emulator.token}`];

  // One unrecorded round first: module loading and JIT warm-up are not the send path.
  await submission.submit([document], { from, to: ['+12015550123'] }, { report() {} }, new AbortController().signal);
  const flow: { ms: number; peakGrowthMb: number }[] = [];
  const viaCurl: { ms: number; peakMb: number }[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      global.gc?.();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      let reports = 0;
      const start = performance.now();
      const result = await submission.submit(
        [document],
        { from, to: ['+12015550123'] },
        { report: () => void reports++ },
        new AbortController().signal,
      );
      const ms = performance.now() - start;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      if (result.kind !== 'sent') throw new Error(`flow: ${result.kind}`);
      flow.push({ ms, peakGrowthMb: (peak - baseline) / 1024 / 1024 });

      const upload = await curl([
        '-s',
        '-w',
        '\n%{http_code}',
        ...auth,
        '-F',
        `fax_file=@${file};type=application/pdf`,
        `${emulator.apiUrl}/accounts/self/files`,
      ]);
      const path = (JSON.parse(upload.stdout.split('\n')[0]) as { path: string }).path;
      const create = await curl([
        '-s',
        '-o',
        '/dev/null',
        ...auth,
        '-H',
        'content-type: application/json',
        '-d',
        JSON.stringify({ from, to: ['+12015550123'], files: [path], return_ids: true }),
        `${emulator.apiUrl}/accounts/self/outbox`,
      ]);
      viaCurl.push({ ms: upload.ms + create.ms, peakMb: Math.max(upload.peakKb, create.peakKb) / 1024 });
      console.log(
        `round ${round + 1}: flow ${flow[round].ms.toFixed(0)} ms (+${flow[round].peakGrowthMb.toFixed(1)} MB RSS, ${reports} progress reports) | curl ${viaCurl[round].ms.toFixed(0)} ms (peak RSS ${viaCurl[round].peakMb.toFixed(1)} MB)`,
      );
    }
    const f = median(flow.map((r) => r.ms));
    const c = median(viaCurl.map((r) => r.ms));
    console.log(`\n${MB} MB PDF, upload + create, median of ${ROUNDS} interleaved rounds`);
    console.log(
      `  flow (FaxSubmission on Node ${process.version}): ${f.toFixed(0)} ms, ${(MB / (f / 1000)).toFixed(0)} MB/s, peak RSS growth ${median(flow.map((r) => r.peakGrowthMb)).toFixed(1)} MB`,
    );
    console.log(
      `  curl:                                  ${c.toFixed(0)} ms, ${(MB / (c / 1000)).toFixed(0)} MB/s, peak RSS ${median(viaCurl.map((r) => r.peakMb)).toFixed(1)} MB (whole process)`,
    );
    console.log(`  time ratio flow/curl: ${(f / c).toFixed(2)}×`);
  } finally {
    client.dispose();
    emulator.child.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
