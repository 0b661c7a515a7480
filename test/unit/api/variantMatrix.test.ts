import * as assert from 'node:assert/strict';
import { startEmulator, type Emulator } from '../../emulator';
import { JOURNEYS, MATRIX_EMULATOR, matrixRows, runJourneys } from '../../tools/variantJourneys';

/** The same matrix `npm run variants` prints, enforced: every journey under every variant and `hostile`. */
describe('variant matrix: core journeys at the client level under every emulator variant', function () {
  this.timeout(60_000);
  let emu: Emulator;

  before(async () => {
    emu = await startEmulator(MATRIX_EMULATOR);
  });

  after(async () => {
    await emu.stop();
  });

  for (const row of matrixRows()) {
    it(`${row.name}: ${JOURNEYS.join(', ')}`, async () => {
      const results = await runJourneys(emu, row.variants);
      const failed = Object.entries(results)
        .filter(([, r]) => !r.ok)
        .map(([journey, r]) => `${journey}: ${r.error ?? ''}`);
      assert.deepEqual(failed, []);
      assert.deepEqual(Object.keys(results), [...JOURNEYS]);
    });
  }

  it('the matrix covers every non-default value of every variant key, plus default and hostile', () => {
    const names = matrixRows().map((r) => r.name);
    assert.ok(names.includes('default') && names.includes('hostile'));
    assert.ok(names.includes('listOrder=asc') && names.includes('tokenInfo=405') && names.includes('tokenParams=query'));
  });
});
