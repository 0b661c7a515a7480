// `npm run bench:journeys`: only the figures a person waits on — the Inbox
// journeys a round trip away (returning person, after sign-in) and the upload
// over a limited link — optionally BEFORE and AFTER side by side in one run:
// BENCH_BASELINE=<git ref> extracts that commit beside this checkout, packages
// it, and alternates hosts (and link rounds) between the two, each against its
// own emulator. Prints a table; does not touch BENCHMARKS.md (`npm run bench` does).
// Env: BENCH_BASELINE, BENCH_ONLY (journeys,link), BENCH_JOURNEY_HOSTS (hosts per side, 1),
// BENCH_LATENCY_MS (100), BENCH_JOURNEY_ROUNDS (5), BENCH_LINK_MB (20), BENCH_LINK_MBPS (50),
// BENCH_LINK_ROUNDS (2 per side and pass; 2 passes), VERBOSE=1, KEEP_TMP=1.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../host/codeServer.mjs';
import { startEmulatorProcess } from './lib/emulatorProcess.ts';
import { median } from './lib/stats.ts';
import { describeTrace } from './lib/report.ts';
import { buildSuite, packageAndStage, run, runHost } from './lib/hostRunner.mjs';

const num = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const BASELINE = process.env.BENCH_BASELINE;
const ONLY = new Set((process.env.BENCH_ONLY ?? 'journeys,link').split(','));
const HOSTS = num('BENCH_JOURNEY_HOSTS', 1);
const LATENCY_MS = num('BENCH_LATENCY_MS', 100);
const ROUNDS = num('BENCH_JOURNEY_ROUNDS', 5);
const LINK_MB = num('BENCH_LINK_MB', 20);
const LINK_MBPS = num('BENCH_LINK_MBPS', 50);
const LINK_ROUNDS = num('BENCH_LINK_ROUNDS', 2);
const SEED_FAXES = 10_000;

const t0 = Date.now();
const log = (msg) => console.error(`[journeys ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${msg}`);
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
const work = mkdtempSync(path.join(os.tmpdir(), 'faxplus-journeys-'));
const cleanups = [];
let cleaning;
const cleanup = () => {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch {
        /* already gone */
      }
    }
    if (!process.env.KEEP_TMP) rmSync(work, { recursive: true, force: true });
  })();
  return cleaning;
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanup().then(() => process.exit(130));
  });
}

/** The baseline commit as files beside this checkout (no git worktree), sharing node_modules, measured with today's measuring code. */
function extractBaseline(ref) {
  const root = path.join(work, 'baseline-src');
  mkdirSync(root, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${JSON.stringify(ref)} | tar -x -C ${JSON.stringify(root)}`], { cwd: repoRoot });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
  for (const f of ['test/bench/node-measures.ts', 'test/bench/lib/clientMeasures.ts', 'test/bench/lib/stats.ts']) {
    cpSync(path.join(repoRoot, f), path.join(root, f));
  }
  return root;
}

async function linkRounds(side) {
  const { out } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(side.root, 'test/bench/node-measures.ts')], {
    cwd: side.root,
    env: {
      ...process.env,
      BENCH_MEASURES: 'link',
      BENCH_API_URL: side.emulator.apiUrl,
      BENCH_CONTROL_URL: side.emulator.controlUrl,
      BENCH_TOKEN: side.emulator.token,
      BENCH_LINK_MB: String(LINK_MB),
      BENCH_LINK_MBPS: String(LINK_MBPS),
      BENCH_LINK_ROUNDS: String(LINK_ROUNDS),
      BENCH_TMP: work,
    },
  });
  return JSON.parse(out.trim().split('\n').at(-1)).linkUpload;
}

let exitCode = 0;
try {
  const startLoad = load();
  log(`load average ${startLoad}; ${os.cpus().length} cores`);
  const sides = [
    {
      name: 'after',
      label: `this checkout (${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot }).toString().trim()}${execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot }).toString().trim() ? ', with uncommitted changes' : ''})`,
      root: repoRoot,
    },
  ];
  if (BASELINE) {
    const short = execFileSync('git', ['rev-parse', '--short', BASELINE], { cwd: repoRoot }).toString().trim();
    sides.unshift({ name: 'before', label: `${BASELINE} (${short})`, root: extractBaseline(BASELINE) });
  }
  for (const side of sides) {
    side.emulator = await startEmulatorProcess(side.root, SEED_FAXES);
    cleanups.push(() => side.emulator.stop());
    side.journeys = [];
    side.links = [];
    side.loads = [];
  }
  if (ONLY.has('link')) {
    // Two passes, alternating which side goes first, so a neighbour's burst slows both alike.
    for (let pass = 0; pass < 2; pass++) {
      for (const side of pass % 2 === 0 ? sides : [...sides].reverse()) {
        log(`link: ${side.name}, ${LINK_ROUNDS} × ${LINK_MB} MB over ${LINK_MBPS} Mbit/s (load ${load()})`);
        const rates = (await linkRounds(side)).rates;
        side.links.push(...rates);
        log(`  ${side.name}: ${rates.map((r) => (r / LINK_MBPS).toFixed(3)).join(', ')} × the link`);
      }
    }
  }
  if (ONLY.has('journeys')) {
    const suite = await buildSuite(work);
    for (const side of sides) {
      log(`npm run package (${side.name})…`);
      mkdirSync(path.join(work, side.name), { recursive: true });
      side.packaged = await packageAndStage(path.join(work, side.name), side.root);
    }
    for (let i = 0; i < HOSTS; i++) {
      for (const side of i % 2 === 0 ? sides : [...sides].reverse()) {
        log(`host ${i + 1}/${HOSTS}: ${side.name}, journeys at ${LATENCY_MS} ms per request ×${ROUNDS} (load ${load()})`);
        try {
          const result = await runHost({
            work,
            mode: 'journeys',
            extensionDir: side.packaged.extensionDir,
            suite,
            emulator: side.emulator,
            cleanups,
            log,
            env: { FAXPLUS_BENCH_LATENCY_MS: String(LATENCY_MS), FAXPLUS_BENCH_JOURNEY_ROUNDS: String(ROUNDS) },
          });
          side.journeys.push(result);
          side.loads.push(result.loadAverage?.map((x) => x.toFixed(2)).join(' / '));
          log(
            `  ${side.name}: returning ${result.returningToInboxMs.map((x) => x.toFixed(0)).join(', ')} ms; sign-in ${result.signInToInboxMs.map((x) => x.toFixed(0)).join(', ')} ms`,
          );
        } catch (e) {
          // A host lost to a starved machine costs its figures, not the run's.
          log(`  ${side.name}: host failed (${e instanceof Error ? e.message.split('\n')[0] : e}); the table has the others`);
          side.loads.push('host failed');
        }
      }
    }
  }
  const fmt = (xs, unit) =>
    xs.length
      ? `${median(xs).toFixed(unit === 'ms' ? 0 : 3)} ${unit} (${xs.map((x) => x.toFixed(unit === 'ms' ? 0 : 2)).join(', ')})`
      : 'n/a';
  const rows = [];
  if (ONLY.has('journeys')) {
    rows.push([
      `Inbox on opening the sidebar, returning person (${LATENCY_MS} ms per request)`,
      `≤ ${LATENCY_MS + 50} ms`,
      ...sides.map((s) =>
        fmt(
          s.journeys.flatMap((j) => j.returningToInboxMs),
          'ms',
        ),
      ),
    ]);
    rows.push([
      '… rounds whose list reached the server before /auth/token answered',
      'all',
      ...sides.map(
        (s) =>
          `${s.journeys.reduce((n, j) => n + (j.returningParallelRounds ?? (j.returningParallel ? j.returningToInboxMs.length : 0)), 0)} of ${s.journeys.flatMap((j) => j.returningToInboxMs).length}`,
      ),
    ]);
    rows.push(['… requests (last round)', '', ...sides.map((s) => s.journeys.at(-1)?.returningRequests?.join(', ') ?? '')]);
    rows.push(['… where the time went', '', ...sides.map((s) => describeTrace(s.journeys.flatMap((j) => j.returningTrace ?? [])))]);
    rows.push([
      `Inbox after sign-in, container open (${LATENCY_MS} ms per request)`,
      `≤ 2 round trips (${2 * LATENCY_MS} ms with no server time)`,
      ...sides.map((s) =>
        fmt(
          s.journeys.flatMap((j) => j.signInToInboxMs),
          'ms',
        ),
      ),
    ]);
    rows.push([
      '… round trips one after another (most of any round); server time on them (median)',
      '≤ 2',
      ...sides.map((s) => {
        const traces = s.journeys.flatMap((j) => j.signInTrace ?? []).filter((t) => typeof t.roundTrips === 'number');
        if (!traces.length) return 'n/a';
        const server = traces.map((t) => t.serverChainMs).sort((a, b) => a - b)[Math.floor(traces.length / 2)];
        return `${Math.max(...traces.map((t) => t.roundTrips))}; ${server.toFixed(0)} ms`;
      }),
    ]);
    rows.push(['… requests (first round)', '', ...sides.map((s) => s.journeys[0]?.signInRequests?.join(', ') ?? '')]);
    rows.push(['… where the time went', '', ...sides.map((s) => describeTrace(s.journeys.flatMap((j) => j.signInTrace ?? [])))]);
    rows.push(['load average in the host(s) at the end', '', ...sides.map((s) => s.loads.join('; '))]);
  }
  if (ONLY.has('link')) {
    rows.push([
      `upload ${LINK_MB} MB over a ${LINK_MBPS} Mbit/s link: × the link`,
      '≥ 0.97×',
      ...sides.map((s) =>
        fmt(
          s.links.map((r) => r / LINK_MBPS),
          '×',
        ),
      ),
    ]);
  }
  const header = ['measure', 'target', ...sides.map((s) => `${s.name}: ${s.label}`)];
  const line = (cells) => `| ${cells.join(' | ')} |`;
  console.log(
    [
      `Load average at start ${startLoad}, at the end ${load()}; ${os.cpus().length} cores; ${new Date().toISOString()}; medians (each run in brackets).`,
      '',
      line(header),
      line(header.map(() => '---')),
      ...rows.map(line),
    ].join('\n'),
  );
} catch (e) {
  console.error('[journeys] failed:', e);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
