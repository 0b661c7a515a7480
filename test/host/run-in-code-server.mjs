// Runs the integration suite (out/test/integration) inside a real VS Code 1.139
// extension host: code-server's Node extension host, with Debian's headless
// chromium playing the window. Prints `integration: N passed, M failed`, exits
// non-zero on any failure or when no test ran, and removes everything it made.
// Env: TEST_TIMEOUT_MS (default 600000), VERBOSE=1, KEEP_TMP=1, LOGS_DIR (copy the host's logs there).
import { cpSync, existsSync, readFileSync, writeFileSync, mkdirSync, symlinkSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, startCodeServer, launchChromium } from './codeServer.mjs';

const timeoutMs = Number(process.env.TEST_TIMEOUT_MS || 600000);
const t0 = Date.now();
const since = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

/**
 * Builds the extension and the suite into the run's own folder, so runs never
 * see each other's half-written bundles (several may run at once on one tree).
 */
function stageExtension(dir) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'esbuild.mjs'), '--tests', '--out-root', dir], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('build failed');
  for (const f of ['package.json', 'package.nls.json', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    cpSync(path.join(repoRoot, f), path.join(dir, f));
  }
  for (const d of ['media', 'l10n', 'test/contract']) cpSync(path.join(repoRoot, d), path.join(dir, d), { recursive: true });
  // The suite's test-only packages (mocha, pdf-lib, busboy…) resolve from the repo's node_modules.
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/**
 * Every token the emulator issues is PAT-shaped (alohi_pat_…) or an OAuth token
 * it names; none may be written anywhere in the host's profile: logs (output
 * channels included), settings, globalState (state.vscdb), workspace storage.
 * SecretStorage lives in the browser profile, which is elsewhere.
 */
function findCredentialLeaks(dir) {
  const pattern = /alohi_pat_[A-Za-z0-9_-]{16,}|emu_(?:at|rt)_[A-Za-z0-9_-]{16,}/;
  const leaks = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (p === path.join(dir, 'extension') || p === path.join(dir, 'workspace')) continue;
        walk(p);
      } else if (entry.isFile() && statSync(p).size < 50 * 1024 * 1024) {
        const m = pattern.exec(readFileSync(p).toString('latin1'));
        if (m) leaks.push(`${path.relative(dir, p)}: ${m[0].slice(0, 14)}…`);
      }
    }
  };
  walk(dir);
  return leaks;
}

let host;
let browser;
let exitCode = 1;
const cleanup = async () => {
  try {
    await browser?.close();
  } catch {
    /* already gone */
  }
  await host?.stop();
};
const timer = setTimeout(async () => {
  console.error(`[runner] TIMEOUT after ${timeoutMs} ms\n--- code-server log ---\n${host?.getLog() ?? ''}`);
  console.log('integration: 0 passed, 1 failed');
  await cleanup();
  process.exit(124);
}, timeoutMs);

try {
  host = await startCodeServer({
    smokeTestDriver: true,
    verbose: Boolean(process.env.VERBOSE),
    // The web workbench autosaves after 1 s by default (desktop does not): tests that edit
    // before sending would race it, so the host behaves like desktop VS Code.
    userSettings: { 'faxplus.pollingEnabled': false, 'files.autoSave': 'off' },
    // The extension host inherits code-server's environment: the suite writes its tally there.
    env: (tmp) => ({ FAXPLUS_TEST_RESULT_FILE: path.join(tmp, 'result.json'), FAXPLUS_TEST_TMP: path.join(tmp, 'tmp') }),
  });
  const resultFile = path.join(host.tmp, 'result.json');
  const extensionDir = stageExtension(path.join(host.tmp, 'extension'));
  const testsEntry = path.join(extensionDir, 'out/test/integration/index.js');
  cpSync(path.join(repoRoot, 'test/integration/workspace'), host.workspace, { recursive: true });
  console.error(`[runner] code-server up at ${host.host} (${since()})`);
  browser = await launchChromium(host.tmp);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => {
    if (process.env.VERBOSE) console.error('[page error]', e.message);
  });
  let resolveDone;
  const done = new Promise((resolve) => {
    resolveDone = resolve;
  });
  const noise =
    /Timed out waiting for authentication provider|\[AgentHost|open-vsx\.org|ENOTFOUND|ChatModelSelection|AccountPolicyGate|^Canceled|vsda|additional builtin extensions|Creating a socket|connection token|reconnection-grace|Service Worker/;
  // mocha's reporter output (the extension host's console) arrives here.
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const text = args.map(String).join(' ');
    if (process.env.VERBOSE || !noise.test(text)) console.log(...args);
  });
  await page.exposeFunction('codeAutomationExit', async (code, logs) => {
    if (process.env.LOGS_DIR && Array.isArray(logs)) {
      for (const { relativePath, contents } of logs) {
        const p = path.join(process.env.LOGS_DIR, relativePath);
        mkdirSync(path.dirname(p), { recursive: true });
        writeFileSync(p, contents);
      }
    }
    resolveDone(code);
  });
  const remote = (p) => `vscode-remote://${host.host}${pathToFileURL(p).pathname}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extensionDir)],
    ['extensionTestsPath', remote(testsEntry)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ]);
  // The whole run has its own time limit; Playwright's 30 s default for "load" fails on a busy shared machine.
  await page.goto(
    `${host.url}?folder=${encodeURIComponent(pathToFileURL(host.workspace).pathname)}&payload=${encodeURIComponent(payload)}`,
    { timeout: timeoutMs },
  );
  console.error(`[runner] workbench loaded (${since()})`);
  exitCode = await done;
  console.error(`[runner] extension tests finished with code ${exitCode} (${since()})`);
  if (existsSync(resultFile)) {
    const { passes, failures } = JSON.parse(readFileSync(resultFile, 'utf8'));
    console.log(`integration: ${passes} passed, ${failures} failed`);
    if (failures > 0 || passes === 0) exitCode = exitCode || 1;
    const leaks = findCredentialLeaks(host.tmp);
    if (leaks.length) {
      console.error(`[runner] credential canary: token-shaped strings found after the suite:\n  ${leaks.join('\n  ')}`);
      console.log('integration: canary check failed');
      exitCode = exitCode || 1;
    } else {
      console.error('[runner] credential canary: no token in logs, settings, globalState or other host files');
    }
  } else {
    console.error('[runner] no result file: the suite did not run');
    console.log('integration: 0 passed, 1 failed');
    exitCode = exitCode || 1;
  }
} catch (e) {
  console.error('[runner] failed:', e);
  console.error(host?.getLog() ?? '');
  console.log('integration: 0 passed, 1 failed');
} finally {
  clearTimeout(timer);
  await cleanup();
}
process.exit(exitCode);
