// `npm run test:desktop`: the same integration suite in desktop VS Code, through
// @vscode/test-electron. It downloads VS Code, so it only works where the update
// server is reachable (a developer's machine, not CI here). Uses the engine's
// lowest version unless VSCODE_VERSION says otherwise ('stable', '1.139.1', …).
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './codeServer.mjs';

const tmp = mkdtempSync(path.join(tmpdir(), 'faxplus-desktop-'));
const workspace = path.join(tmp, 'workspace');
cpSync(path.join(repoRoot, 'test/integration/workspace'), workspace, { recursive: true });
process.env.FAXPLUS_TEST_RESULT_FILE = path.join(tmp, 'result.json');
let code = 1;
try {
  await runTests({
    version: process.env.VSCODE_VERSION || '1.139.1',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out/test/integration/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', path.join(tmp, 'user-data')],
    extensionTestsEnv: { FAXPLUS_TEST_RESULT_FILE: path.join(tmp, 'result.json') },
  });
  code = 0;
} catch (e) {
  console.error('desktop integration tests failed:', e instanceof Error ? e.message : e);
} finally {
  // The same summary line as the code-server runner, so `npm test` counts both alike.
  const resultFile = path.join(tmp, 'result.json');
  if (existsSync(resultFile)) {
    const { passes, failures } = JSON.parse(readFileSync(resultFile, 'utf8'));
    console.log(`integration: ${passes} passed, ${failures} failed`);
    if (failures > 0 || passes === 0) code = 1;
  }
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
