/*
 * `npm run variants`: the core journeys at the client level under every
 * emulator variant (one at a time), the default and the `hostile` preset;
 * prints a variant × journey table and exits 1 when any cell fails.
 */
import { startEmulator } from '../emulator';
import { formatMatrix, MATRIX_EMULATOR, matrixRows, runJourneys, type Journey, type JourneyResult } from './variantJourneys';

async function main(): Promise<void> {
  const emu = await startEmulator(MATRIX_EMULATOR);
  const rows: { name: string; results: Record<Journey, JourneyResult> }[] = [];
  const started = performance.now();
  try {
    for (const row of matrixRows()) {
      rows.push({ name: row.name, results: await runJourneys(emu, row.variants) });
    }
  } finally {
    await emu.stop();
  }
  console.log(formatMatrix(rows));
  const failures = rows.flatMap((r) =>
    Object.entries(r.results)
      .filter(([, v]) => !v.ok)
      .map(([j, v]) => `${r.name} × ${j}: ${v.error ?? ''}`),
  );
  console.log(
    `\n${rows.length} variants × ${Object.keys(rows[0].results).length} journeys in ${Math.round(performance.now() - started)} ms; ${failures.length} failed`,
  );
  for (const f of failures) {
    console.log(`  ${f}`);
  }
  process.exitCode = failures.length ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
