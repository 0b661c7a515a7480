import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReceiptStore } from '../../../src/receipts/receiptStore';
import { aReceipt } from './receiptFixture';

describe('receipts: the receipt folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'receipt-store-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('saves one JSON file per receipt (creating the folder) and reads them back, oldest first', async () => {
    const store = new ReceiptStore(join(dir, 'receipts'));
    assert.deepEqual(await store.list(), { receipts: [], problems: [] }, 'a missing folder holds no receipts');
    const first = aReceipt({ id: ReceiptStore.newId(new Date('2026-12-01T10:00:00Z')) });
    const second = aReceipt({ id: ReceiptStore.newId(new Date('2026-12-02T10:00:00Z')) });
    await store.save(second);
    await store.save(first);
    assert.deepEqual(
      (await store.list()).receipts.map((r) => r.id),
      [first.id, second.id],
    );
    assert.deepEqual(await store.read(first.id), first);
    assert.deepEqual((await readdir(store.folder)).sort(), [`${first.id}.json`, `${second.id}.json`], 'no temporary file left behind');
  });

  it('names a damaged file among the problems and still lists the others', async () => {
    const store = new ReceiptStore(dir);
    await store.save(aReceipt());
    await writeFile(join(dir, 'broken.json'), '{"format":1');
    const { receipts, problems } = await store.list();
    assert.equal(receipts.length, 1);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^broken\.json: not JSON/);
  });

  it('writes a report next to its receipt under a safe name', async () => {
    const store = new ReceiptStore(dir);
    const name = await store.saveReport('r1', '../evil/id', Buffer.from('%PDF-1.4'));
    assert.equal(name, 'r1.___evil_id.report.pdf');
    assert.equal(await readFile(join(dir, name), 'latin1'), '%PDF-1.4');
  });

  it('gives distinct, time-sortable ids to two sends in one second', () => {
    const at = new Date('2026-12-02T05:06:07.890Z');
    const a = ReceiptStore.newId(at);
    const b = ReceiptStore.newId(at);
    assert.notEqual(a, b);
    assert.match(a, /^20261202T050607Z-[0-9a-f]{8}$/);
  });
});
