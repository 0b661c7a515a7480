// The checks behind `npm run sandbox:check`: what a person opening the sandbox
// would notice first, verified without one. Prints one `ok`/`FAIL` line per check.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { launchChromium } from './codeServer.mjs';

const { fetch } = globalThis; // Node 20's global fetch (the lint config lists Node globals without it)

/** @returns {Promise<boolean>} true when every check passed */
export async function runSandboxCheck({ url, host, emu, extensionId, version, codeServerDir, node24, log }) {
  const results = [];
  const check = async (name, fn) => {
    try {
      const detail = await fn();
      results.push(true);
      console.log(`  ok   ${name}${detail ? ` (${detail})` : ''}`);
    } catch (e) {
      results.push(false);
      console.log(`  FAIL ${name}: ${e?.message ?? e}`);
    }
  };

  await check('workbench answers HTTP 200', async () => {
    const res = await fetch(url, { redirect: 'manual' });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    const body = await res.text();
    if (!/workbench/i.test(body)) throw new Error('the page is not the VS Code workbench');
    return url;
  });

  await check(`${extensionId}@${version} is installed from the vsix`, () => {
    const r = spawnSync(
      node24,
      [
        path.join(codeServerDir, 'out/node/entry.js'),
        '--config',
        path.join(host.tmp, 'config.yaml'),
        '--user-data-dir',
        path.join(host.tmp, 'user-data'),
        '--extensions-dir',
        path.join(host.tmp, 'extensions'),
        '--list-extensions',
        '--show-versions',
      ],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          XDG_CONFIG_HOME: path.join(host.tmp, 'xdg-config'),
          XDG_DATA_HOME: path.join(host.tmp, 'xdg-data'),
          XDG_CACHE_HOME: path.join(host.tmp, 'xdg-cache'),
          TMPDIR: path.join(host.tmp, 'tmp'),
        },
      },
    );
    const listed = r.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (!listed.includes(`${extensionId}@${version}`)) {
      throw new Error(`--list-extensions printed: ${listed.join(', ') || r.stderr.trim() || 'nothing'}`);
    }
    return listed.join(', ');
  });

  await check('emulator accepts the full-access demo token', async () => {
    const res = await fetch(`${emu.apiUrl}/auth/token`, { headers: { authorization: `Bearer ${emu.demoTokens.fullAccess}` } });
    if (res.status !== 200) throw new Error(`GET /auth/token → HTTP ${res.status}`);
    return `GET ${emu.apiUrl}/auth/token → 200`;
  });

  // The installed extension activates in the workbench and talks to the emulator (FAXPLUS_TOKEN is set for --check).
  await check('the extension, opened in the workbench, calls the emulator', async () => {
    const browser = await launchChromium(host.tmp);
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      emu.clearRequests();
      // The workbench's first load compiles a lot of JavaScript: on a busy 2-core machine it can pass 30 s.
      await page.goto(url, { timeout: 120_000 });
      const icon = page.locator('.activitybar [aria-label^="Fax.Plus"]').first();
      await icon.waitFor({ timeout: 60_000 });
      log('workbench loaded');
      await icon.click();
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        const calls = emu.requests.filter((r) => r.hasAuthorization && r.status > 0);
        if (calls.length) return `${calls.length} request(s), first ${calls[0].method} ${calls[0].path} → ${calls[0].status}`;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error('no request reached the emulator within 60 s of opening the Fax.Plus view');
    } finally {
      await browser.close();
    }
  });

  return results.every(Boolean);
}
