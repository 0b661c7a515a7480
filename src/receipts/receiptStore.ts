import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseReceipt, serializeReceipt, type Receipt } from './receipt';

export interface StoredReceipts {
  readonly receipts: Receipt[];
  /** Files that are not readable receipts (damaged, foreign): named, never thrown. */
  readonly problems: string[];
}

/**
 * One folder of receipts: `<id>.json` per fax sent, and the confirmation
 * reports next to it (`<id>.<fax id>.report.pdf`). Writes go through a
 * temporary file and a rename, so a crash never leaves half a receipt.
 */
export class ReceiptStore {
  constructor(readonly folder: string) {}

  /** A new receipt id: the time (sortable) and some randomness (two sends in one second). */
  static newId(now: Date): string {
    const stamp = now
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    return `${stamp}-${randomBytes(4).toString('hex')}`;
  }

  fileOf(id: string): string {
    return join(this.folder, `${id}.json`);
  }

  async save(receipt: Receipt): Promise<string> {
    const file = this.fileOf(receipt.id);
    await this.write(file, serializeReceipt(receipt));
    return file;
  }

  /** Writes a destination's report next to the receipt; returns its file name (relative to the folder). */
  async saveReport(receiptId: string, faxId: string, pdf: Uint8Array): Promise<string> {
    const name = `${receiptId}.${faxId.replace(/[^\w-]/g, '_')}.report.pdf`;
    await this.write(join(this.folder, name), pdf);
    return name;
  }

  async read(id: string): Promise<Receipt | undefined> {
    try {
      const parsed = parseReceipt(await readFile(this.fileOf(id), 'utf8'));
      return parsed.ok ? parsed.receipt : undefined;
    } catch {
      return undefined;
    }
  }

  /** Every receipt in the folder, oldest first; a missing folder holds none. */
  async list(): Promise<StoredReceipts> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { receipts: [], problems: [] };
      throw e;
    }
    const receipts: Receipt[] = [];
    const problems: string[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      try {
        const parsed = parseReceipt(await readFile(join(this.folder, name), 'utf8'));
        if (parsed.ok) receipts.push(parsed.receipt);
        else problems.push(`${name}: ${parsed.problem}`);
      } catch (e) {
        problems.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return { receipts, problems };
  }

  private async write(file: string, data: string | Uint8Array): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temporary, data, { mode: 0o600 });
    await rename(temporary, file);
  }
}
