// Loaded by the VS Code extension host through extensionTestsPath.
import * as path from 'path';
import * as fs from 'fs';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // FAXPLUS_TEST_FILES (comma-separated base names, e.g. "sendFax,views") and
  // FAXPLUS_TEST_GREP narrow a run while working on one area; CI sets neither.
  // FAXPLUS_TEST_ORDER=reverse runs the files last to first: every suite sets up
  // the state it needs, and a reversed run is how that is checked.
  const grep = process.env.FAXPLUS_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'spec', ...(grep ? { grep } : {}) });
  const only = (process.env.FAXPLUS_TEST_FILES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const files = fs.readdirSync(__dirname).sort();
  if (process.env.FAXPLUS_TEST_ORDER === 'reverse') {
    files.reverse();
  }
  for (const f of files) {
    if (f.endsWith('.test.js') && (only.length === 0 || only.includes(f.replace(/\.test\.js$/, '')))) {
      mocha.addFile(path.join(__dirname, f));
    }
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const out = process.env.FAXPLUS_TEST_RESULT_FILE; // set by test/host/run-in-code-server.mjs
      if (out) {
        fs.writeFileSync(out, JSON.stringify({ passes: runner.stats?.passes ?? 0, failures }));
      }
      if (failures > 0) {
        reject(new Error(`${failures} integration tests failed.`));
      } else {
        resolve();
      }
    });
  });
}
