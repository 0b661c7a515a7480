// Benchmark (not a test): the time to filter 10,000 loaded faxes, as "Find faxes" does on
// every redraw of a filtered Inbox. Run: npx tsx test/bench/filter-bench.ts [rounds]
// The faxes come from the emulator (10,000 seeded) through the real client and parser.
import { performance } from 'node:perf_hooks';
import { startEmulator } from '../emulator';
import { AddressBook } from '../../src/contacts/addressBook';
import { filterFaxes, type FaxFilter } from '../../src/find/faxFilter';
import { partyDisplay } from '../../src/format/phoneDisplay';
import type { Fax } from '../../src/api/models';
import { benchClient } from './lib/clientMeasures';
import { median } from './lib/stats';

const ROUNDS = Number(process.argv[2] ?? 50);

async function main(): Promise<void> {
  const emulator = await startEmulator({ seedFaxes: 10_000 });
  try {
    const client = benchClient({ apiUrl: emulator.apiUrl, token: emulator.demoTokens.fullAccess });
    const faxes: Fax[] = [];
    for await (const page of client.iterateFaxes({ category: 'inbox', pageSize: 1000 })) faxes.push(...page);
    if (faxes.length !== 10_000) throw new Error(`expected 10,000 faxes, loaded ${faxes.length}`);

    // An address book of 2,000 contacts, one of them the sender of a loaded fax.
    let stored: string | undefined;
    const book = new AddressBook({
      read: async () => stored,
      write: async (t) => {
        stored = t;
      },
    });
    const target = faxes[4321];
    await book.import([
      { name: 'Dr. Chen', faxNumbers: [target.from!] },
      ...Array.from({ length: 1999 }, (_, i) => ({ name: `Contact ${i}`, faxNumbers: [`+1617555${String(i).padStart(4, '0')}`] })),
    ]);
    const chen = book.named('Dr. Chen')[0];
    const day = target.startTime!;
    const filters: Record<string, FaxFilter> = {
      contact: { party: { kind: 'numbers', label: chen.name, numbers: chen.faxNumbers } },
      'digits typed': { party: { kind: 'digits', digits: target.from!.slice(-6) } },
      'date range (1 day)': {
        since: new Date(day.getFullYear(), day.getMonth(), day.getDate()),
        until: new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1),
      },
      'status + unread': { statuses: [target.status], unreadOnly: true },
      'all four': {
        party: { kind: 'numbers', label: chen.name, numbers: chen.faxNumbers },
        since: new Date(0),
        statuses: [target.status, 'success'],
      },
    };
    console.log(`filtering ${faxes.length} loaded faxes, median of ${ROUNDS} rounds (${process.version}, ${process.platform})`);
    for (const [name, filter] of Object.entries(filters)) {
      const times: number[] = [];
      let found = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const start = performance.now();
        found = filterFaxes(faxes, 'inbox', filter).length;
        times.push(performance.now() - start);
      }
      console.log(`  ${name.padEnd(20)} ${median(times).toFixed(2).padStart(7)} ms   (${found} shown)`);
    }
    // What a filtered redraw adds: naming the shown parties from the address book.
    const label: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const start = performance.now();
      for (const fax of faxes) partyDisplay(fax.from, (n) => book.ownerOf(n)?.name);
      label.push(performance.now() - start);
    }
    console.log(`  ${'label 10,000 rows'.padEnd(20)} ${median(label).toFixed(2).padStart(7)} ms   (number formatting + contact look-up)`);
  } finally {
    await emulator.stop();
  }
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
