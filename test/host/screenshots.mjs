// `npm run screenshots`: the README's pictures, taken from the real thing.
// The packaged .vsix (what users install) runs in code-server (VS Code 1.139)
// against the local emulator; headless chromium plays the window. One fresh
// workbench per token (full access, read-only, expiring in 3 days), because
// the signed-in shots use FAXPLUS_TOKEN, read once at activation.
//
//   node test/host/screenshots.mjs [--no-package] [--only trees,viewer,…]
//
// sidebar-de and sidebar-ja run the workbench in German and Japanese through a
// language pack built on the spot (languagePack.mjs): no marketplace here.
//
// Writes media/screenshots/*.png (README only: .vscodeignore keeps them out of
// the vsix). The emulator's clock is frozen so pending faxes stay in the Outbox.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, startCodeServer, launchChromium } from './codeServer.mjs';
import { WorkbenchDriver } from './workbenchDriver.mjs';
import { SCENES } from './screenshotScenes.mjs';
import { buildLanguagePack } from './languagePack.mjs';

const args = process.argv.slice(2);
const noPackage = args.includes('--no-package');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.split('=')[1] ?? args[args.indexOf(onlyArg) + 1] ?? '').split(',').filter(Boolean) : undefined;
const log = (msg) => console.error(`[screenshots] ${msg}`);

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const vsix = path.join(repoRoot, `${pkg.name}-${pkg.version}.vsix`);
const outDir = path.join(repoRoot, 'media', 'screenshots');
const VIEWPORT = { width: 1400, height: 900 };

if (!noPackage) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'test/host/package-vsix.mjs')], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout}\n${r.stderr}\n`);
    throw new Error('packaging the .vsix failed');
  }
  log(`packaged ${path.basename(vsix)}`);
} else if (!existsSync(vsix)) {
  throw new Error(`--no-package: ${path.basename(vsix)} does not exist yet; run once without it`);
}

const { tsImport } = await import('tsx/esm/api');
const { startEmulator } = await tsImport(pathToFileURL(path.join(repoRoot, 'test/emulator/index.ts')).href, import.meta.url);
const { writeSandboxWorkspace } = await import('./sandboxWorkspace.mjs');

mkdirSync(outDir, { recursive: true });
const emu = await startEmulator({ port: 0, seedFaxes: 60, speed: 0 });
log(`emulator up at ${emu.url}`);

/**
 * One workbench signed in with `token`: starts code-server, opens the page,
 * hands the driver to `take`, and stops everything afterwards.
 */
async function withWorkbench(token, keybindings, locale, take, settings = {}) {
  const packDir = locale ? mkdtempSync(path.join(tmpdir(), 'faxplus-language-pack-')) : undefined;
  const host = await startCodeServer({
    vsix,
    locale,
    extraVsix: packDir ? [await buildLanguagePack(packDir, locale)] : [],
    userSettings: {
      'faxplus.pollingEnabled': false,
      'window.title': 'Fax.Plus — ${rootName}',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      // No fade-ins: a shot taken as a quick input appears must not catch it half transparent.
      'workbench.reduceMotion': 'on',
      ...settings,
    },
    env: { FAXPLUS_API_BASE_URL: emu.apiUrl, FAXPLUS_TOKEN: token },
  }).finally(() => packDir && rmSync(packDir, { recursive: true, force: true }));
  let browser;
  try {
    writeFileSync(path.join(host.tmp, 'user-data/User/keybindings.json'), JSON.stringify(keybindings ?? [], null, 2));
    await writeSandboxWorkspace(host.workspace);
    browser = await launchChromium(host.tmp);
    const page = await browser.newPage({ viewport: VIEWPORT });
    // The trees load over a busy shared machine: playwright's 30 s default is too short there.
    page.setDefaultTimeout(120_000);
    // A busy shared machine can take longer than playwright's 30 s default to serve the workbench.
    await page.goto(`${host.url}?folder=${encodeURIComponent(pathToFileURL(host.workspace).pathname)}`, { timeout: 120_000 });
    const driver = new WorkbenchDriver(page);
    try {
      await driver.ready();
      await take(driver, page);
    } catch (e) {
      // What the window showed when a wait gave up: the quickest way to see which selector broke.
      await page.screenshot({ path: path.join(host.tmp, '..', 'faxplus-screenshots-failure.png') }).catch(() => {});
      throw e;
    }
  } finally {
    await browser?.close();
    await host.stop();
  }
}

/**
 * Saves a PNG of the window, of a region, or of a locator's box with a margin,
 * and says how big it is: the README wants each under 300 KB.
 */
async function save(page, name, region, margin = 24) {
  const file = path.join(outDir, `${name}.png`);
  let clip = region;
  if (region && typeof region.boundingBox === 'function') {
    const box = await region.boundingBox();
    const x = Math.max(0, box.x - margin);
    const y = Math.max(0, box.y - margin);
    clip = {
      x,
      y,
      width: Math.min(VIEWPORT.width - x, box.width + 2 * margin),
      height: Math.min(VIEWPORT.height - y, box.height + 2 * margin),
    };
  }
  // Transitions finished, caret hidden: the picture shows the settled state.
  await page.screenshot({ path: file, clip, animations: 'disabled', caret: 'hide' });
  const kb = statSync(file).size / 1024;
  log(`${path.relative(repoRoot, file)} ${kb.toFixed(0)} KB${kb > 300 ? '  (over 300 KB: crop it)' : ''}`);
}

let failed = false;
try {
  for (const scene of SCENES) {
    const shots = scene.shots.filter((s) => !only || only.includes(s));
    if (shots.length === 0) continue;
    log(`workbench with the ${scene.token} token: ${shots.join(', ')}`);
    await scene.prepare?.(emu);
    await withWorkbench(
      emu.demoTokens[scene.token],
      scene.keybindings,
      scene.locale,
      (driver, page) =>
        scene.take({
          driver,
          page,
          emu,
          wants: (s) => shots.includes(s),
          save: (name, region, margin) => save(page, name, region, margin),
        }),
      scene.settings,
    );
  }
} catch (e) {
  failed = true;
  console.error('[screenshots] failed:', e);
} finally {
  await emu.stop();
}
process.exit(failed ? 1 : 0);
