// `npm run bench` (node --import tsx test/bench/run-bench.mjs): measures the
// extension and prints ONE table, written to BENCHMARKS.md with the machine it
// ran on. Comparisons run side by side (interleaved) in the same run; figures
// are medians. Not part of `npm test`: a benchmark measures, a test does not time.
// Env: BENCH_HOSTS (fresh hosts for activate(), default 5), BENCH_HIDDEN_S (60),
// BENCH_VISIBLE_S (120), BENCH_UPLOAD_MB (150), BENCH_UPLOAD_ROUNDS (3),
// BENCH_PAIRS (2000), BENCH_LATENCY_MS (100, the journeys' round trip), BENCH_JOURNEY_ROUNDS (5),
// BENCH_LINK_MB (20), BENCH_LINK_MBPS (50), BENCH_LINK_ROUNDS (2), VERBOSE=1, KEEP_TMP=1.
// activate() is timed in three kinds of fresh host, interleaved: ours, the same manifest with an
// empty activate() (VS Code's own share, the floor no extension with this manifest goes under), and
// with an activate() that only loads the API (the floor of any extension that uses 'vscode').
// BENCH_ONLY=activation: only activate() in BENCH_HOSTS hosts of each kind, printed, BENCHMARKS.md untouched
// (BENCH_PROFILE=1: and a CPU profile);
// with BENCH_BASELINE=<git ref> that commit's extension is packaged too and measured in the
// same run, the order of the kinds rotating, so every figure sees the same machine load.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../host/codeServer.mjs';
import { startEmulatorProcess } from './lib/emulatorProcess.ts';
import { renderReport } from './lib/report.ts';
import { buildSuite, packageAndStage, run, runHost as runHostIn, stageEmptyActivation } from './lib/hostRunner.mjs';

const num = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const HOSTS = num('BENCH_HOSTS', 5);
const HIDDEN_MS = num('BENCH_HIDDEN_S', 60) * 1000;
const VISIBLE_MS = num('BENCH_VISIBLE_S', 120) * 1000;
const UPLOAD_MB = num('BENCH_UPLOAD_MB', 150);
const UPLOAD_ROUNDS = num('BENCH_UPLOAD_ROUNDS', 3);
const PAIRS = num('BENCH_PAIRS', 2000);
const LATENCY_MS = num('BENCH_LATENCY_MS', 100);
const JOURNEY_ROUNDS = num('BENCH_JOURNEY_ROUNDS', 5);
const LINK_MB = num('BENCH_LINK_MB', 20);
const LINK_MBPS = num('BENCH_LINK_MBPS', 50);
const LINK_ROUNDS = num('BENCH_LINK_ROUNDS', 2);
const SEED_FAXES = 10_000;
const ONLY = process.env.BENCH_ONLY;
const BASELINE = process.env.BENCH_BASELINE;
if (ONLY !== undefined && ONLY !== 'activation') {
  throw new Error(`BENCH_ONLY=${ONLY}: only "activation" is known here (journeys: npm run bench:journeys)`);
}
if (BASELINE && ONLY !== 'activation') throw new Error('BENCH_BASELINE needs BENCH_ONLY=activation (journeys: npm run bench:journeys)');

const t0 = Date.now();
const log = (msg) => console.error(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${msg}`);

const machine = {
  cpu: os.cpus()[0]?.model?.trim() ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: os.totalmem() / 1024 ** 3,
  node: process.version,
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  date: new Date().toISOString(),
  loadAverage: os.loadavg(),
};

const work = mkdtempSync(path.join(os.tmpdir(), 'faxplus-bench-'));
/** Everything to stop on the way out, newest first. */
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

/** One fresh host running the bench suite in `mode` (see test/bench/host/index.ts). */
function runHost({ mode, extensionDir, suite, emulator, cpuProfile }) {
  return runHostIn({
    work,
    mode,
    extensionDir,
    suite,
    emulator,
    cleanups,
    log,
    env: {
      FAXPLUS_BENCH_HIDDEN_MS: String(HIDDEN_MS),
      FAXPLUS_BENCH_VISIBLE_MS: String(VISIBLE_MS),
      FAXPLUS_BENCH_LATENCY_MS: String(LATENCY_MS),
      FAXPLUS_BENCH_JOURNEY_ROUNDS: String(JOURNEY_ROUNDS),
      ...(cpuProfile ? { FAXPLUS_BENCH_CPU_PROFILE: cpuProfile } : {}),
    },
  });
}

async function nodeMeasures(emulator) {
  log(
    `client measures: ${PAIRS} request pairs, ${UPLOAD_ROUNDS} rounds of ${UPLOAD_MB} MB upload vs curl, ${LINK_ROUNDS} × ${LINK_MB} MB over ${LINK_MBPS} Mbit/s, first page ×15…`,
  );
  const { out } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(repoRoot, 'test/bench/node-measures.ts')], {
    env: {
      ...process.env,
      BENCH_API_URL: emulator.apiUrl,
      BENCH_CONTROL_URL: emulator.controlUrl,
      BENCH_TOKEN: emulator.token,
      BENCH_UPLOAD_MB: String(UPLOAD_MB),
      BENCH_LINK_MB: String(LINK_MB),
      BENCH_LINK_MBPS: String(LINK_MBPS),
      BENCH_LINK_ROUNDS: String(LINK_ROUNDS),
      BENCH_UPLOAD_ROUNDS: String(UPLOAD_ROUNDS),
      BENCH_PAIRS: String(PAIRS),
      BENCH_TMP: work,
    },
  });
  return JSON.parse(out.trim().split('\n').at(-1));
}

/** The extension as BENCH_BASELINE's commit ships it (its own esbuild.mjs and package check), for a side-by-side figure. */
async function packageBaseline(ref) {
  const root = path.join(work, 'baseline-src');
  mkdirSync(root, { recursive: true });
  await run('sh', ['-c', `git archive "$0" | tar -x -C "$1"`, ref, root]);
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
  const into = path.join(work, 'baseline');
  mkdirSync(into, { recursive: true });
  return packageAndStage(into, root);
}

const rotate = (xs, n) => xs.map((_, i) => xs[(i + n) % xs.length]);

/** Diagnostics (BENCH_PROFILE=1): one more host whose activate() runs under the CPU profiler, not counted in the table. */
async function profileActivation(packaged, suite, emulator) {
  const out = path.join(repoRoot, 'out/bench/activate.cpuprofile');
  mkdirSync(path.dirname(out), { recursive: true });
  log(`profiling activate() in one more host → ${path.relative(repoRoot, out)}`);
  await runHost({ mode: 'activate', extensionDir: packaged.extensionDir, suite, emulator, cpuProfile: out });
}

/** BENCH_ONLY=activation: activate() in fresh hosts only, optionally against BENCH_BASELINE, interleaved. */
async function activationOnly(packaged, suite, emulator) {
  const variants = [
    { label: 'this tree', packaged },
    { label: 'same manifest, empty activate()', packaged: { ...packaged, ...stageEmptyActivation(packaged.extensionDir, work) } },
    {
      label: "same manifest, activate() that only loads the API ('vscode')",
      packaged: { ...packaged, ...stageEmptyActivation(packaged.extensionDir, work, { withApi: true }) },
    },
  ];
  if (BASELINE) variants.push({ label: `baseline ${BASELINE}`, packaged: await packageBaseline(BASELINE) });
  const runs = new Map(variants.map((v) => [v.label, []]));
  for (let i = 0; i < HOSTS; i++) {
    // The order rotates, so none always runs first.
    for (const v of rotate(variants, i)) {
      log(`host ${i + 1}/${HOSTS}: ${v.label}…`);
      runs.get(v.label).push(await runHost({ mode: 'activate', extensionDir: v.packaged.extensionDir, suite, emulator }));
    }
  }
  if (process.env.BENCH_PROFILE) await profileActivation(packaged, suite, emulator);
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  console.log(
    `activate() in fresh hosts (median of ${HOSTS}; load average at start ${machine.loadAverage.map((x) => x.toFixed(1)).join(' / ')}):`,
  );
  for (const v of variants) {
    const hosts = runs.get(v.label);
    const own = hosts.map((h) => h.hostActivationMs).filter((x) => typeof x === 'number');
    const loads = hosts.map((h) => h.loadAgainMs).filter((x) => typeof x === 'number');
    const firstUse = hosts.filter((h) => typeof h.firstUseMs === 'number');
    console.log(
      `  ${v.label}: ${median(hosts.map((h) => h.activateMs)).toFixed(1)} ms (${hosts.map((h) => h.activateMs.toFixed(1)).join(', ')})` +
        `; loading its extension.js again, alone: ${loads.length ? `${median(loads).toFixed(1)} ms` : 'n/a'}` +
        `; VS Code's own activation time ${own.length ? `${median(own).toFixed(0)} ms (${own.join(', ')})` : 'n/a'}; activation loads ${(v.packaged.bundleBytes / 1024).toFixed(1)} KB` +
        (firstUse.length
          ? `; wiring the rest on first use ${median(firstUse.map((h) => h.firstUseMs)).toFixed(1)} ms (${firstUse.map((h) => `${h.firstUseMs.toFixed(1)} by ${h.firstUse}`).join(', ')})`
          : ''),
    );
  }
}

let exitCode = 0;
const deadline = setTimeout(
  () => {
    log('overall time limit (20 min) reached');
    exitCode = 124;
    void cleanup().then(() => process.exit(124));
  },
  20 * 60 * 1000,
);
try {
  log(`machine: ${machine.cpu}, ${machine.cores} cores, load ${machine.loadAverage.map((x) => x.toFixed(2)).join(' ')}`);
  log('npm run package (production bundle + vsix)…');
  const packaged = await packageAndStage(work);
  const suite = await buildSuite(work);
  if (ONLY === 'activation') {
    const emulator = await startEmulatorProcess(repoRoot);
    cleanups.push(() => emulator.stop());
    await activationOnly(packaged, suite, emulator);
  } else {
    log(`emulator with ${SEED_FAXES} seeded inbox faxes…`);
    const emulator = await startEmulatorProcess(repoRoot, SEED_FAXES);
    cleanups.push(() => emulator.stop());
    const client = await nodeMeasures(emulator);
    const hosts = [];
    const floorHosts = [];
    const apiFloorHosts = [];
    const empty = stageEmptyActivation(packaged.extensionDir, work);
    const apiOnly = stageEmptyActivation(packaged.extensionDir, work, { withApi: true });
    for (let i = 0; i < HOSTS; i++) {
      const mode = i === HOSTS - 1 ? 'full' : 'activate';
      // Ours and the floor, in an order that alternates so neither always runs first.
      const kinds = [
        async () => {
          log(
            `host ${i + 1}/${HOSTS} (${mode}${mode === 'full' ? `: journeys at ${LATENCY_MS} ms per request ×${JOURNEY_ROUNDS}, request budgets, sidebar, memory, ${HIDDEN_MS / 1000}+${VISIBLE_MS / 1000} s request windows` : ''})…`,
          );
          hosts.push(await runHost({ mode, extensionDir: packaged.extensionDir, suite, emulator }));
        },
        async () => {
          log(`host ${i + 1}/${HOSTS}: same manifest, empty activate()…`);
          floorHosts.push(await runHost({ mode: 'activate', extensionDir: empty.extensionDir, suite, emulator }));
        },
        async () => {
          log(`host ${i + 1}/${HOSTS}: same manifest, activate() that only loads the API…`);
          apiFloorHosts.push(await runHost({ mode: 'activate', extensionDir: apiOnly.extensionDir, suite, emulator }));
        },
      ];
      for (const run of rotate(kinds, i)) await run();
    }
    if (process.env.BENCH_PROFILE) await profileActivation(packaged, suite, emulator);
    const report = renderReport({
      machine,
      packaged,
      client,
      hosts,
      floorHosts,
      apiFloorHosts,
      config: {
        hosts: HOSTS,
        hiddenMs: HIDDEN_MS,
        visibleMs: VISIBLE_MS,
        uploadMb: UPLOAD_MB,
        uploadRounds: UPLOAD_ROUNDS,
        pairs: PAIRS,
        seedFaxes: SEED_FAXES,
        latencyMs: LATENCY_MS,
      },
      elapsedS: (Date.now() - t0) / 1000,
    });
    console.log(report.table);
    const file = path.join(repoRoot, 'BENCHMARKS.md');
    const begin = '<!-- bench:begin (written by npm run bench) -->';
    const end = '<!-- bench:end -->';
    const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const generated = `${begin}\n${report.markdown}\n${end}`;
    const next =
      old.includes(begin) && old.includes(end)
        ? old.slice(0, old.indexOf(begin)) + generated + old.slice(old.indexOf(end) + end.length)
        : `# Benchmarks\n\n${generated}\n`;
    writeFileSync(file, next);
    log(`wrote BENCHMARKS.md (${report.missed.length} target(s) missed${report.missed.length ? `: ${report.missed.join(', ')}` : ''})`);
  }
} catch (e) {
  console.error('[bench] failed:', e);
  exitCode = 1;
} finally {
  clearTimeout(deadline);
  await cleanup();
}
process.exit(exitCode);
