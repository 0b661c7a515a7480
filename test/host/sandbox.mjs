// `npm start`: the extension, installed from its .vsix, in a real VS Code
// (code-server 4.139 = VS Code 1.139) talking to the local Fax.Plus emulator.
// `npm run sandbox:check` (--check): the same start-up, verified without a person, then stopped.
//
//   node test/host/sandbox.mjs [--port 8080] [--emulator-port 8787] [--seed-faxes 120]
//                              [--speed 1] [--no-package] [--check] [--verbose]
//
// Plain Node on purpose: it runs `npm ci` itself when node_modules is missing,
// so nothing here may import a package before that (tsx, pdf-lib… come later).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, ensureHostInstalled, startCodeServer, codeServerDir, node24 } from './codeServer.mjs';
import { descendantsOf, killNow, reapSurvivors } from './processTree.mjs';

const t0 = Date.now();
const seconds = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const step = (msg) => console.error(`[sandbox] ${msg} (${seconds()})`);

const USAGE = `Usage: npm start -- [options]        (or: node test/host/sandbox.mjs [options])
  --port N            code-server port on 127.0.0.1 (default 8080, env FAXPLUS_SANDBOX_PORT; 0 = any free port)
  --emulator-port N   emulator port on 127.0.0.1 (default 8787, env FAXPLUS_SANDBOX_EMULATOR_PORT; 0 = any)
  --seed-faxes N      inbox faxes seeded for the admin (default 120; sent = same, spam = N/10)
  --speed F           emulator clock speed (default 1: a sent fax settles in about 8 s)
  --no-package        install the existing .vsix instead of building and packaging a new one
  --check             start everything, verify it, stop; exit code 0 = the sandbox works
  --verbose           show code-server's own log`;

function parseArgs(argv) {
  const opts = { noPackage: false, check: false, verbose: false };
  const numeric = { '--port': 'port', '--emulator-port': 'emulatorPort', '--seed-faxes': 'seedFaxes', '--speed': 'speed' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag in numeric) {
      const raw = inline ?? argv[++i];
      const n = Number(raw);
      if (raw === undefined || raw === '' || !Number.isFinite(n) || n < 0) {
        fail(`${flag} needs a number, got ${raw ?? 'nothing'}\n${USAGE}`, 2);
      }
      opts[numeric[flag]] = n;
    } else if (flag === '--no-package') opts.noPackage = true;
    else if (flag === '--check') opts.check = true;
    else if (flag === '--verbose') opts.verbose = true;
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown option ${argv[i]}\n${USAGE}`, 2);
  }
  const envPort = (name) => (process.env[name] ? Number(process.env[name]) : undefined);
  // --check defaults to free ports so it can run next to an open sandbox or in parallel CI jobs.
  opts.port ??= envPort('FAXPLUS_SANDBOX_PORT') ?? (opts.check ? 0 : 8080);
  opts.emulatorPort ??= envPort('FAXPLUS_SANDBOX_EMULATOR_PORT') ?? (opts.check ? 0 : 8787);
  opts.seedFaxes ??= 120;
  opts.speed ??= 1;
  return opts;
}

function fail(message, code = 1) {
  console.error(`[sandbox] ${message}`);
  process.exit(code);
}

/** `npm ci` when the project's packages are missing (fresh clone); everything else reuses node_modules. */
function ensureDependencies() {
  const needed = ['tsx', 'pdf-lib', '@vscode/vsce', 'esbuild', 'yauzl'];
  const missing = needed.filter((p) => !existsSync(path.join(repoRoot, 'node_modules', p, 'package.json')));
  if (!missing.length) return;
  step(`node_modules lacks ${missing.join(', ')}: running npm ci`);
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) fail(`npm ci failed (exit ${r.status})`);
}

/** Builds the production bundle and the .vsix through `npm run package`'s script, which also checks its contents. */
function packageVsix(vsix, verbose) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'test/host/package-vsix.mjs')], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0 || verbose) process.stderr.write(`${r.stdout}\n${r.stderr}\n`);
  if (r.status !== 0) fail('packaging the .vsix failed (output above); fix it or start with --no-package to use the last good one');
  if (!existsSync(vsix)) fail(`packaging reported success but ${vsix} is missing`);
}

/** Clear words instead of code-server's EADDRINUSE stack when a fixed port is taken. */
function ensurePortFree(port, what, flag) {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => fail(`port ${port} (${what}) is in use on 127.0.0.1; pick another with ${flag} N, or 0 for any free port`));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve()));
  });
}

const opts = parseArgs(process.argv.slice(2));
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const extensionId = `${pkg.publisher}.${pkg.name}`;
const vsix = path.join(repoRoot, `${pkg.name}-${pkg.version}.vsix`);
const workspace = path.join(repoRoot, '.sandbox', 'workspace');

ensureDependencies();
ensureHostInstalled();
step('VS Code host ready');
await ensurePortFree(opts.port, 'code-server', '--port');
await ensurePortFree(opts.emulatorPort, 'emulator', '--emulator-port');
if (opts.noPackage) {
  if (!existsSync(vsix)) fail(`--no-package: ${path.relative(repoRoot, vsix)} does not exist yet; run once without --no-package`);
  step(`reusing ${path.basename(vsix)}`);
} else {
  packageVsix(vsix, opts.verbose);
  step(`built and packaged ${path.basename(vsix)}`);
}

// Packages are there now: load the TypeScript emulator through tsx, and pdf-lib for the samples.
const { tsImport } = await import('tsx/esm/api');
const { startEmulator } = await tsImport(pathToFileURL(path.join(repoRoot, 'test/emulator/index.ts')).href, import.meta.url);
const { writeSandboxWorkspace } = await import('./sandboxWorkspace.mjs');

let emu;
let host;
let stopping;
let leftAfterStop = [];
let startup = Promise.resolve();

/** Stops code-server (and anything it started), then the emulator; removes code-server's temp profile. */
function stopAll() {
  stopping ??= (async () => {
    // A signal during start-up: let code-server finish starting, then stop it, rather than leave it running.
    await startup.catch(() => {});
    if (host) {
      const pids = [host.server.pid, ...descendantsOf(host.server.pid)];
      await host.stop();
      // code-server normally takes its extension host and helpers down with it; make sure.
      const { killed, left } = await reapSurvivors(pids);
      for (const k of killed) console.error(`[sandbox] killed pid ${k.pid} that code-server left behind: ${k.command.slice(0, 160)}`);
      leftAfterStop = left;
      // A helper that outlived code-server may have written into the profile after host.stop() removed it.
      if (!process.env.KEEP_TMP) rmSync(host.tmp, { recursive: true, force: true });
    }
    await emu?.stop();
  })();
  return stopping;
}

let signals = 0;
const shutDown = (reason) => {
  if (++signals > 1) {
    // Second Ctrl+C: do not wait for a polite shutdown.
    if (host) killNow([host.server.pid, ...descendantsOf(host.server.pid)]);
    process.exit(130);
  }
  console.error(`\n[sandbox] ${reason}: stopping code-server and the emulator…`);
  void stopAll().then(() => {
    console.error('[sandbox] stopped; nothing left running.');
    process.exit(0);
  });
};
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => shutDown(sig));
// `kill <npm pid>` makes npm kill its `sh -c`, which does not pass the signal on: notice being orphaned.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid && !signals) shutDown('parent process exited');
}, 500).unref();

let sampleFiles;
startup = (async () => {
  emu = await startEmulator({ port: opts.emulatorPort, seedFaxes: opts.seedFaxes, speed: opts.speed });
  step(`emulator up at ${emu.url}`);
  sampleFiles = await writeSandboxWorkspace(workspace);
  host = await startCodeServer({
    vsix,
    port: opts.port || undefined, // 0 = any free port
    verbose: opts.verbose,
    userSettings: {
      'faxplus.oauth.clientId': emu.oauthClient.id,
      'window.title': 'Fax.Plus sandbox — ${rootName}',
    },
    // The extension host inherits code-server's environment; these override the settings' real-API defaults.
    env: {
      FAXPLUS_API_BASE_URL: emu.apiUrl,
      FAXPLUS_OAUTH_AUTHORIZE_URL: emu.loginUrl,
      FAXPLUS_OAUTH_TOKEN_URL: emu.tokenUrl,
      ...(opts.check ? { FAXPLUS_TOKEN: emu.demoTokens.fullAccess } : {}),
    },
  });
})();

try {
  await startup;
  if (signals) await new Promise(() => {}); // shutDown() is already stopping everything and will exit
  host.server.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[sandbox] code-server stopped on its own (${signal ?? code}):\n${host.getLog().slice(-4000)}`);
    void stopAll().then(() => process.exit(1));
  });
  const url = `${host.url}?folder=${encodeURIComponent(workspace)}`;
  step('code-server up');

  if (opts.check) {
    const { runSandboxCheck } = await import('./sandboxCheck.mjs');
    const ok = await runSandboxCheck({ url, host, emu, extensionId, version: pkg.version, codeServerDir, node24, log: step });
    await stopAll();
    const left = leftAfterStop;
    const tmpGone = !existsSync(host.tmp);
    console.log(
      `  ${left.length === 0 ? 'ok  ' : 'FAIL'} no code-server process left after stop${left.length ? ` (alive: ${left.join(', ')})` : ''}`,
    );
    console.log(`  ${tmpGone ? 'ok  ' : 'FAIL'} temporary profile ${host.tmp} removed`);
    const passed = ok && left.length === 0 && tmpGone;
    console.log(`sandbox check: ${passed ? 'passed' : 'FAILED'} (${seconds()})`);
    process.exit(passed ? 0 : 1);
  }

  printBanner({ url, emu, sampleFiles });
} catch (e) {
  console.error('[sandbox] failed to start:', e?.message ?? e);
  await stopAll();
  process.exit(1);
}

function printBanner({ url, emu, sampleFiles }) {
  const t = emu.demoTokens;
  const admin = emu.accounts.admin;
  const fromNumber = emu.state.numbers().find((n) => n.assigned_to?.includes?.(admin))?.number;
  const settle =
    opts.speed > 0
      ? `A sent fax settles in about ${Math.ceil(8 / opts.speed)} s (clock speed ${opts.speed}).`
      : `The clock is frozen (--speed 0): POST ${emu.controlUrl}/advance {"ms":10000} moves it.`;
  const lines = [
    '',
    `Fax.Plus sandbox is running — started in ${seconds()}`,
    '',
    `  Open in a browser   ${url}`,
    `  Extension           ${extensionId} ${pkg.version}, installed from ${path.basename(vsix)}`,
    `  Workspace           ${path.relative(process.cwd(), workspace) || '.'}/  (${sampleFiles.join(', ')})`,
    `  Emulator API        ${emu.apiUrl}    control: ${emu.controlUrl}/`,
    '',
    'Sign in: Fax.Plus in the activity bar → "Sign In with a Token" (or F1 → "Fax.Plus: Sign In")',
    '  → "Paste a Personal Access Token", then paste one of these demo tokens:',
    `  full access      ${t.fullAccess}  everything: the trees fill, send a sample file, cancel, delete`,
    `  read-only        ${t.readOnly}  the trees load; sending or deleting is refused, naming fax:fax:edit`,
    `  expiring in 3 d  ${t.expiringSoon}  works, and warns that the token expires in 3 days`,
    `  expired          ${t.expired}  sign-in is refused: the token has expired`,
    `  member           ${t.member}  a corporate member: own faxes and number; Members is admin-only`,
    '',
    `OAuth sign-in: demo client id ${emu.oauthClient.id} (already set as faxplus.oauth.clientId), secret ${emu.oauthClient.secret}`,
    `Faxing: from ${fromNumber ?? 'the admin number'} to any valid number (e.g. +12015550123; +1 555 01xx is not one); numbers ending in 99 / 98 / 97`,
    `  fail with no answer / busy / an unknown status. ${settle}`,
    '  These tokens work only against this emulator; they are new at every start.',
    '',
    'Press Ctrl+C to stop everything.',
  ];
  console.log(lines.join('\n'));
}
