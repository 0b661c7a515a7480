// `npm test`: type check, lint, unit tests (mocha on Node), the packaged vsix's
// contents, then (Linux) the sandbox's start-up check and the integration suite in the code-server VS Code 1.139 host, or (macOS, Windows) the integration suite in desktop VS Code.
// Ends with one line `N passed, M failed` counting unit and integration tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const steps = [];
let passed = 0;
let failed = 0;

function run(name, cmd, args, env = {}) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    console.error(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
    // npx is npx.cmd on Windows, which only a shell finds.
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
      shell: process.platform === 'win32',
    });
    let out = '';
    child.stdout.on('data', (b) => {
      out += b;
      process.stdout.write(b);
    });
    child.on('exit', (code) => {
      steps.push({ name, code, seconds: (Date.now() - t0) / 1000 });
      resolve({ code: code ?? 1, out });
    });
  });
}

const tallyDir = mkdtempSync(path.join(tmpdir(), 'faxplus-tally-'));
try {
  const checks = [
    ['type check', 'npx', ['tsc', '--noEmit', '-p', '.']],
    ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
    ['format', 'npx', ['prettier', '--check', '.']],
  ];
  for (const [name, cmd, args] of checks) {
    const { code } = await run(name, cmd, args);
    if (code !== 0) failed++;
  }

  const tally = path.join(tallyDir, 'unit.json');
  const unit = await run(
    'unit tests',
    'npx',
    ['mocha', '--config', 'test/unit/.mocharc.json', '--reporter', './test/unit/tally-reporter.cjs'],
    { MOCHA_TALLY_FILE: tally },
  );
  if (existsSync(tally)) {
    const t = JSON.parse(readFileSync(tally, 'utf8'));
    passed += t.passes;
    failed += t.failures;
  } else if (unit.code !== 0) {
    failed++;
  }

  const pkg = await run('package + vsix contents', 'node', ['test/host/package-vsix.mjs']);
  if (pkg.code !== 0) failed++;

  // Linux (CI, containers): the code-server host, set up by test/host/setup-vscode-host.sh.
  // macOS and Windows: desktop VS Code through @vscode/test-electron (downloaded once into .vscode-test/).
  const linux = process.platform === 'linux';
  if (linux) {
    // The README's other command: `npm start` must bring up the packaged extension against the emulator.
    const sandbox = await run('sandbox (npm start --check)', 'node', ['test/host/sandbox.mjs', '--check', '--no-package']);
    if (sandbox.code !== 0) failed++;
  } else {
    const bundle = await run('bundle integration tests', 'node', ['esbuild.mjs', '--tests']);
    if (bundle.code !== 0) failed++;
  }

  const integ = linux
    ? await run('integration tests (VS Code 1.139 host)', 'node', ['test/host/run-in-code-server.mjs'])
    : await run('integration tests (desktop VS Code)', 'node', ['test/host/run-in-desktop.mjs']);
  const m = /^integration: (\d+) passed, (\d+) failed$/m.exec(integ.out);
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  if (integ.code !== 0 && !(m && Number(m[2]) > 0)) failed++;
} finally {
  rmSync(tallyDir, { recursive: true, force: true });
}

console.error('\nSteps:');
for (const s of steps) console.error(`  ${s.code === 0 ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds.toFixed(1)} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
