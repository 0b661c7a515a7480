import * as os from 'os';
import * as path from 'path';
import { mkdtempSync } from 'fs';
import { Readable } from 'stream';
import type { Emulator } from '../../emulator';
import type { FaxPlusTestApi } from '../../../src/extensionExports';

/** A fresh folder for files the actions write (the runner's own tmp when it gives one). */
export function scratchFolder(prefix: string): string {
  return mkdtempSync(path.join(process.env.FAXPLUS_TEST_TMP ?? os.tmpdir(), prefix));
}

/** The admin's own number (what the seeded sent faxes were sent from). */
export function adminNumber(emulator: Emulator): string {
  const own = emulator.state.numbers().find((n) => n.assigned_to.includes(emulator.accounts.admin) && n.status === 'active');
  if (!own) {
    throw new Error('the seed gives the admin a number');
  }
  return own.number;
}

/**
 * Puts a fax in the outbox through the API (upload + send scheduled an hour
 * ahead so it stays pending), as the Send command would. Returns its outbox id.
 */
export async function schedulePendingFax(api: FaxPlusTestApi, emulator: Emulator, to: string): Promise<string> {
  const client = api.clients.get();
  const pdf = Buffer.from('%PDF-1.4\n% test document\n');
  const file = await client.uploadFile({ name: 'pending.pdf', size: pdf.length, open: () => Readable.from([pdf]) });
  const result = await client.sendFax({
    from: adminNumber(emulator),
    to: [to],
    files: [file],
    sendTime: new Date(emulator.clock.now() + 3_600_000),
  });
  const id = result.ids[to];
  if (!id) {
    throw new Error('sendFax returned no id');
  }
  return id;
}
