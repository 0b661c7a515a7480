// The parts of a bench run that need a VS Code host, shared by `npm run bench`
// (run-bench.mjs) and the single-journey runner (run-journeys.mjs): package the
// extension as it ships, bundle the bench suite, run one fresh host.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { repoRoot, startCodeServer, launchChromium } from '../../host/codeServer.mjs';
import { readVsixEntries } from '../../host/vsixEntries.mjs';

const HOST_TIMEOUT_MS = 8 * 60 * 1000;

export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => {
      out += b;
    });
    child.stderr.on('data', (b) => {
      err += b;
      if (process.env.VERBOSE) process.stderr.write(b);
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve({ out, err }) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${out}\n${err}`)),
    );
  });
}

/**
 * `npm run package` in `root` (this checkout, or a baseline extracted beside
 * it), then the vsix's extension/ folder under `into` becomes the extension
 * the hosts run: exactly what ships.
 */
export async function packageAndStage(into, root = repoRoot) {
  await run('npm', ['run', '--silent', 'package'], { cwd: root });
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const vsix = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
  const entries = await readVsixEntries(vsix);
  const extensionDir = path.join(into, 'extension');
  let bundleBytes;
  for (const { name, data } of entries) {
    if (!name.startsWith('extension/') || name.endsWith('/')) continue;
    const p = path.join(extensionDir, name.slice('extension/'.length));
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, data);
    if (name === 'extension/dist/extension.js') bundleBytes = data.length;
  }
  if (bundleBytes === undefined) throw new Error('dist/extension.js is not in the vsix');
  return { vsixBytes: statSync(vsix).size, bundleBytes, extensionDir };
}

/**
 * VS Code's own share of activate(): a copy of the staged extension, same manifest
 * (every contribution, every activation event), whose activate() does nothing. Timed
 * the same way in hosts interleaved with ours, it is the floor no extension with this
 * manifest can go under; the difference is what our code costs. `withApi`: the
 * activate() also loads the 'vscode' module, the floor of any extension that uses it.
 */
export function stageEmptyActivation(extensionDir, into, { withApi = false } = {}) {
  const copy = path.join(into, withApi ? 'api-only-activate' : 'empty-activate', 'extension');
  cpSync(extensionDir, copy, { recursive: true });
  // withApi: VS Code builds an extension's API object on its first require('vscode'), which any extension using the API pays.
  const stub = withApi
    ? "'use strict';\nconst vscode = require('vscode');\nexports.activate = function activate() { return vscode.version; };\n"
    : "'use strict';\nexports.activate = function activate() {};\n";
  writeFileSync(path.join(copy, 'dist/extension.js'), stub);
  return { extensionDir: copy, bundleBytes: Buffer.byteLength(stub) };
}

export async function buildSuite(work) {
  const outfile = path.join(work, 'suite/index.js');
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'test/bench/host/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * One fresh VS Code host (code-server + headless chromium) running the bench
 * suite in `mode`; returns its JSON. `env` adds FAXPLUS_BENCH_* settings;
 * `cleanups` receives the host's stop while it runs.
 */
export async function runHost({ work, mode, extensionDir, suite, emulator, env = {}, cleanups, log }) {
  const resultFile = path.join(work, `host-${mode}-${Date.now()}.json`);
  const host = await startCodeServer({
    smokeTestDriver: true,
    verbose: Boolean(process.env.VERBOSE),
    // Polling starts off as in the test runner; the suite turns it on (default intervals) for the request-rate window.
    userSettings: { 'faxplus.pollingEnabled': false },
    env: () => ({
      FAXPLUS_BENCH_RESULT_FILE: resultFile,
      FAXPLUS_BENCH_MODE: mode,
      FAXPLUS_API_BASE_URL: emulator.apiUrl,
      FAXPLUS_BENCH_TOKEN: emulator.token,
      FAXPLUS_BENCH_CONTROL_URL: emulator.controlUrl,
      FAXPLUS_TOKEN: '',
      ...env,
    }),
  });
  let browser;
  const stop = async () => {
    try {
      await browser?.close();
    } catch {
      /* gone */
    }
    await host.stop();
  };
  cleanups.push(stop);
  try {
    browser = await launchChromium(host.tmp);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let resolveDone;
    const done = new Promise((resolve) => {
      resolveDone = resolve;
    });
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      if (process.env.VERBOSE) console.error('[host]', ...args);
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveDone(code));
    const remote = (p) => `vscode-remote://${host.host}${pathToFileURL(p).pathname}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(extensionDir)],
      ['extensionTestsPath', remote(suite)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ]);
    await page.goto(
      `${host.url}?folder=${encodeURIComponent(pathToFileURL(host.workspace).pathname)}&payload=${encodeURIComponent(payload)}`,
      { timeout: 180_000 },
    );
    let timer;
    await Promise.race([
      done,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`host (${mode}) timed out`)), HOST_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    if (!existsSync(resultFile)) throw new Error(`host (${mode}) wrote no result`);
    const result = JSON.parse(readFileSync(resultFile, 'utf8'));
    if (result.error) throw new Error(`host (${mode}): ${result.error}`);
    // The workbench's own figure: Developer: Show Running Extensions, "Activation: N ms" (code loading + activate call).
    const rows = await page.$$eval('.runtime-extensions-editor .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
    const ours = rows.find((t) => t.includes('Fax.Plus for VS Code') || t.includes('faxdesk.faxplus-vscode'));
    const m = ours && /Activation: (\d+)\s*ms/.exec(ours);
    result.hostActivationMs = m ? Number(m[1]) : undefined;
    if (!m && mode !== 'journeys') {
      log(`no activation time on the Running Extensions page (${rows.length} rows): ${rows.map((t) => t.slice(0, 80)).join(' | ')}`);
    }
    return result;
  } finally {
    await stop();
    cleanups.splice(cleanups.indexOf(stop), 1);
  }
}
