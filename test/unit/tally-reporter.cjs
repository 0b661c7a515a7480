// mocha's spec reporter that also writes { passes, failures } to $MOCHA_TALLY_FILE,
// so test/run-all.mjs can print one total for unit and integration tests.
const fs = require('node:fs');
const Mocha = require('mocha');

class TallyReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      if (process.env.MOCHA_TALLY_FILE) {
        fs.writeFileSync(process.env.MOCHA_TALLY_FILE, JSON.stringify({ passes: runner.stats.passes, failures: runner.stats.failures }));
      }
    });
  }
}
module.exports = TallyReporter;
