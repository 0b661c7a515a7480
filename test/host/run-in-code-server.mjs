// Runs the integration suite (out/test/integration) inside a real VS Code 1.139
// extension host: code-server's Node extension host, with Debian's headless
// chromium playing the window. Prints `integration: N passed, M failed`, exits
// non-zero on any failure or when no test ran, and removes everything it made.
// Env: TEST_TIMEOUT_MS (default 600000), VERBOSE=1, KEEP_TMP=1, LOGS_DIR (copy the host's logs there).
import { cpSync, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, startCodeServer, launchChromium } from './codeServer.mjs';

const timeoutMs = Number(process.env.TEST_TIMEOUT_MS || 600000);
const t0 = Date.now();
const since = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const testsEntry = path.join(repoRoot, 'out/test/integration/index.js');
if (!existsSync(testsEntry)) {
  console.error('[runner] out/test/integration/index.js is missing: run `node esbuild.mjs --tests` first');
  process.exit(1);
}

let host;
let browser;
let exitCode = 1;
const cleanup = async () => {
  try { await browser?.close(); } catch { /* already gone */ }
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
    userSettings: { 'faxplus.pollingEnabled': false },
    // The extension host inherits code-server's environment: the suite writes its tally there.
    env: (tmp) => ({ FAXPLUS_TEST_RESULT_FILE: path.join(tmp, 'result.json'), FAXPLUS_TEST_TMP: path.join(tmp, 'tmp') }),
  });
  const resultFile = path.join(host.tmp, 'result.json');
  cpSync(path.join(repoRoot, 'test/integration/workspace'), host.workspace, { recursive: true });
  console.error(`[runner] code-server up at ${host.host} (${since()})`);
  browser = await launchChromium(host.tmp);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => { if (process.env.VERBOSE) console.error('[page error]', e.message); });
  let resolveDone;
  const done = new Promise((resolve) => { resolveDone = resolve; });
  const noise = /\[AgentHost|open-vsx\.org|ENOTFOUND|ChatModelSelection|AccountPolicyGate|^Canceled|vsda|additional builtin extensions|Creating a socket|connection token|reconnection-grace|Service Worker/;
  // mocha's reporter output (the extension host's console) arrives here.
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const text = args.map(String).join(' ');
    if (process.env.VERBOSE || !noise.test(text)) console.log(...args);
  });
  await page.exposeFunction('codeAutomationExit', async (code, logs) => {
    if (process.env.LOGS_DIR && Array.isArray(logs)) {
      for (const { relativePath, contents } of logs) {
        const p = path.join(process.env.LOGS_DIR, relativePath);
        mkdirSync(path.dirname(p), { recursive: true }); writeFileSync(p, contents);
      }
    }
    resolveDone(code);
  });
  const remote = (p) => `vscode-remote://${host.host}${pathToFileURL(p).pathname}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(testsEntry)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ]);
  await page.goto(`${host.url}?folder=${encodeURIComponent(pathToFileURL(host.workspace).pathname)}&payload=${encodeURIComponent(payload)}`);
  console.error(`[runner] workbench loaded (${since()})`);
  exitCode = await done;
  console.error(`[runner] extension tests finished with code ${exitCode} (${since()})`);
  if (existsSync(resultFile)) {
    const { passes, failures } = JSON.parse(readFileSync(resultFile, 'utf8'));
    console.log(`integration: ${passes} passed, ${failures} failed`);
    if (failures > 0 || passes === 0) exitCode = exitCode || 1;
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
