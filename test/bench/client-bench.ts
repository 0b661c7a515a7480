/**
 * Benchmark of the API client alone (a script, not a test):
 *   npx tsx test/bench/client-bench.ts [--requests 2000] [--upload-mb 100] [--rounds 3]
 * `npm run bench` measures the same things (with the extension host figures)
 * and writes BENCHMARKS.md; this is the quick loop while working on the client.
 *
 * 1. Per-request overhead: FaxPlusClient.getAccount() vs a raw
 *    `undici.request` + `body.json()` to the same endpoint, interleaved.
 * 2. Upload: throughput of uploadFile vs `curl -F`, rounds interleaved, and
 *    the peak RSS growth of this process during the client's upload.
 * The emulator runs in a child process so its memory does not count as ours.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchClient, measureOverhead, measureUpload, writeBenchFile } from './lib/clientMeasures';
import { startEmulatorProcess } from './lib/emulatorProcess';
import { MB } from './lib/stats';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const REQUESTS = arg('requests', 2000);
const UPLOAD_MB = arg('upload-mb', 100);
const ROUNDS = arg('rounds', 3);
const root = join(__dirname, '..', '..');

async function main(): Promise<void> {
  const target = await startEmulatorProcess(root);
  const client = benchClient(target);
  const dir = await mkdtemp(join(tmpdir(), 'faxplus-bench-'));
  try {
    const o = await measureOverhead(client, target, REQUESTS);
    const file = join(dir, 'bench.pdf');
    await writeBenchFile(file, UPLOAD_MB * MB);
    const u = await measureUpload(client, target, file, UPLOAD_MB * MB, ROUNDS);
    const rows: [string, string, string, string, string][] = [
      ['measure', 'client', 'baseline', 'ratio', 'target'],
      ['median request (getAccount), ms', o.clientMs.toFixed(3), `${o.rawMs.toFixed(3)} (raw undici)`, `${o.ratio.toFixed(3)}×`, '≤ 1.05×'],
      [`upload ${UPLOAD_MB} MB, MB/s`, u.clientMBps.toFixed(1), `${u.curlMBps.toFixed(1)} (curl -F)`, `${u.ratio.toFixed(3)}×`, '≥ 0.95×'],
      ['peak RSS growth during upload, MB', (u.peakRssGrowthBytes / MB).toFixed(1), '', '', '≤ 20 MB'],
    ];
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    console.log(
      `\nFax.Plus client benchmark — emulator (child process), node ${process.version}, ${REQUESTS} interleaved request pairs, ${ROUNDS} upload rounds\n`,
    );
    for (const [i, r] of rows.entries()) {
      console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
      if (i === 0) {
        console.log(widths.map((w) => '-'.repeat(w)).join('  '));
      }
    }
    console.log();
  } finally {
    client.dispose();
    await target.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
