// What activation costs on plain Node, without a VS Code host: loads a dist/ folder's
// extension.js in fresh processes (with a do-nothing `vscode` module) and reports the
// median time of `require()` (parsing + evaluating every file activation loads) and of
// `activate()` against the same stub, and the files' sizes. Several folders are measured
// interleaved (A B A B …) so a loaded machine hurts them alike.
//   node test/bench/tools/activation-load.mjs [--runs N] DIST_DIR [DIST_DIR …]
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const runs = runsAt >= 0 ? Number(argv.splice(runsAt, 2)[1]) : 15;
const dirs = argv.map((d) => path.resolve(d));
if (dirs.length === 0) {
  console.error('usage: node test/bench/tools/activation-load.mjs [--runs N] DIST_DIR [DIST_DIR …]');
  process.exit(2);
}

// The names `vscode` exports (an `import * as vscode` copies own properties, so the stub needs them).
const typings = readFileSync(path.resolve('node_modules/@types/vscode/index.d.ts'), 'utf8');
const names = [...new Set([...typings.matchAll(/^\s{1,4}export (?:namespace|class|enum|const|let|function) (\w+)/gm)].map((m) => m[1]))];

// Runs in the child: a `vscode` whose every member is callable, constructible and extendable.
const child = String.raw`
const Module = require('node:module');
const any = new Proxy(function () {}, {
  get: (_t, p) => (p === Symbol.toPrimitive ? () => '' : p === 'then' || p === 'bundle' ? undefined : any),
  apply: () => any,
  construct: () => any,
  set: () => true,
  defineProperty: () => true,
});
const stub = Object.fromEntries(JSON.parse(process.argv[2]).map((n) => [n, any]));
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
Module._cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };
const before = new Set(Object.keys(require.cache));
const c0 = process.cpuUsage();
const t0 = performance.now();
const ext = require(process.argv[1]);
const t1 = performance.now();
const c1 = process.cpuUsage();
let activateMs = null;
let activateCpuMs = null;
try {
  ext.activate(any);
  activateMs = performance.now() - t1;
  const c2 = process.cpuUsage(c1);
  activateCpuMs = (c2.user + c2.system) / 1000;
} catch (e) { activateMs = 'threw: ' + (e && e.stack); }
const loaded = Object.keys(require.cache).filter((f) => !before.has(f) && f !== 'vscode').map((f) => require('node:path').basename(f));
const requireCpu = { user: c1.user - c0.user, system: c1.system - c0.system };
process.stdout.write(JSON.stringify({ requireMs: t1 - t0, requireCpuMs: (requireCpu.user + requireCpu.system) / 1000, activateMs, activateCpuMs, loaded }));
process.exit(0);
`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const results = new Map(dirs.map((d) => [d, []]));
for (let i = 0; i < runs; i++) {
  for (const dir of i % 2 ? [...dirs].reverse() : dirs) {
    const r = spawnSync(process.execPath, ['-e', child, path.join(dir, 'extension.js'), JSON.stringify(names)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${dir}: ${r.stderr}`);
    results.get(dir).push(JSON.parse(r.stdout));
  }
}
for (const dir of dirs) {
  const rs = results.get(dir);
  const loaded = rs[0].loaded;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const size = (f) => statSync(path.join(dir, f)).size;
  const all = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const activations = rs.map((r) => r.activateMs).filter((x) => typeof x === 'number');
  console.log(`${dir}`);
  console.log(
    `  require(extension.js): median ${median(rs.map((r) => r.requireMs)).toFixed(1)} ms wall, ${median(rs.map((r) => r.requireCpuMs)).toFixed(1)} ms CPU, of ${runs} fresh processes`,
  );
  console.log(
    `  activate() against a stub vscode: ${activations.length ? `median ${median(activations).toFixed(1)} ms wall, ${median(rs.map((r) => r.activateCpuMs)).toFixed(1)} ms CPU` : rs[0].activateMs}`,
  );
  console.log(
    `  loaded by activation: ${kb(loaded.reduce((n, f) => n + size(f), 0))} (${loaded.map((f) => `${f} ${kb(size(f))}`).join(', ')})`,
  );
  console.log(
    `  not loaded: ${all
      .filter((f) => !loaded.includes(f))
      .map((f) => `${f} ${kb(size(f))}`)
      .join(', ')}`,
  );
}
