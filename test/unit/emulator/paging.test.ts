import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { type Emulator, startEmulator } from '../../emulator';
import { api } from './client';

interface Rec {
  id: string;
  start_time: string;
  from?: string;
  from_number?: string;
  is_read: boolean;
}

describe('emulator: fax lists and paging', () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ seedFaxes: 300, seed: 3, now: Date.UTC(2026, 10, 20, 12) });
  });
  after(() => emu.stop());

  const list = async (query: string): Promise<Rec[]> => {
    const res = await api(emu, 'GET', `/accounts/self/faxes?${query}`, { token: emu.demoTokens.fullAccess });
    assert.equal(res.status, 200, res.text);
    return res.json.data.records;
  };

  it('sorts by start_time descending and defaults to 50 records', async () => {
    const recs = await list('category=inbox');
    assert.equal(recs.length, 50);
    for (let i = 1; i < recs.length; i++) {
      assert.ok(recs[i - 1].start_time >= recs[i].start_time);
    }
  });

  it('caps limit at 1000', async () => {
    const big = await startEmulator({ seedFaxes: 1500 });
    try {
      const res = await api(big, 'GET', '/accounts/self/faxes?category=inbox&limit=5000', { token: big.demoTokens.fullAccess });
      assert.equal(res.json.data.records.length, 1000);
    } finally {
      await big.stop();
    }
  });

  it('treats before as exclusive and after as inclusive', async () => {
    const all = emu.state.faxes('inbox');
    const pivot = all[10].start_time;
    const before = await list(`category=inbox&before=${encodeURIComponent(pivot)}&limit=1000`);
    assert.ok(before.every((r) => r.start_time < pivot));
    assert.equal(before.length, all.filter((f) => f.start_time < pivot).length);
    const after = await list(`category=inbox&after=${encodeURIComponent(pivot)}&limit=1000`);
    assert.ok(after.every((r) => r.start_time >= pivot));
    assert.ok(after.some((r) => r.start_time === pivot));
  });

  it('answers any date window and limit exactly like filtering the full list', async () => {
    const all = emu.state.faxes('sent');
    const times = all.map((f) => f.start_time);
    const timeArb = fc.oneof(
      fc.constantFrom(...times),
      fc
        .date({ min: new Date(Date.UTC(2026, 0, 1)), max: new Date(Date.UTC(2026, 11, 31)), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 19).replace('T', ' ')),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.option(timeArb),
        fc.option(timeArb),
        fc.option(fc.integer({ min: 1, max: 400 })),
        async (before, after, limit) => {
          const q = new URLSearchParams({ category: 'sent' });
          if (before) q.set('before', before);
          if (after) q.set('after', after);
          if (limit) q.set('limit', String(limit));
          const got = (await list(q.toString())).map((r) => r.id);
          const expected = all
            .filter((f) => (!before || f.start_time < before) && (!after || f.start_time >= after))
            .slice(0, limit ?? 50)
            .map((f) => f.id);
          assert.deepEqual(got, expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('has records sharing a second, so a client moving the window must de-duplicate by id', async () => {
    const all = emu.state.faxes('inbox');
    const shared = all.filter((f, i) => i > 0 && all[i - 1].start_time === f.start_time);
    assert.ok(shared.length > 0);
    // Page backwards with before = oldest seen (+1 s so nothing is lost), de-duplicating.
    const seen = new Map<string, Rec>();
    let beforeParam: string | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const page = await list(`category=inbox&limit=37${beforeParam ? `&before=${encodeURIComponent(beforeParam)}` : ''}`);
      const fresh = page.filter((r) => !seen.has(r.id));
      page.forEach((r) => seen.set(r.id, r));
      if (fresh.length === 0 || page.length < 37) {
        break;
      }
      const oldest = page[page.length - 1].start_time;
      const t = Date.parse(`${oldest.replace(' ', 'T')}Z`) + 1000;
      beforeParam = new Date(t).toISOString().slice(0, 19).replace('T', ' ');
    }
    assert.equal(seen.size, all.length);
  });

  it('seeds inbox records with from or from_number, some unread; sent with mixed statuses; spam', async () => {
    const inbox = await list('category=inbox&limit=1000');
    assert.ok(inbox.some((r) => r.from !== undefined));
    assert.ok(inbox.some((r) => r.from_number !== undefined && r.from === undefined));
    assert.ok(inbox.some((r) => !r.is_read));
    const sent = (await list('category=sent&limit=1000')) as unknown as { status: string }[];
    assert.ok(new Set(sent.map((s) => s.status)).size >= 3);
    assert.ok((await list('category=spam')).length > 0);
  });

  it('is deterministic for a seed', async () => {
    const again = await startEmulator({ seedFaxes: 300, seed: 3, now: Date.UTC(2026, 10, 20, 12) });
    const other = await startEmulator({ seedFaxes: 300, seed: 4, now: Date.UTC(2026, 10, 20, 12) });
    try {
      assert.deepEqual(again.state.faxes('inbox').slice(0, 20), emu.state.faxes('inbox').slice(0, 20));
      assert.deepEqual(again.accounts, emu.accounts);
      assert.notDeepEqual(other.state.faxes('inbox')[0].id, emu.state.faxes('inbox')[0].id);
    } finally {
      await again.stop();
      await other.stop();
    }
  });

  it('seeds 10,000 faxes per category and serves a page', async () => {
    const big = await startEmulator({ seedFaxes: 10_000 });
    try {
      assert.equal(big.state.faxes('inbox').length, 10_000);
      const res = await api(big, 'GET', '/accounts/self/faxes?category=sent&limit=10', { token: big.demoTokens.fullAccess });
      assert.equal(res.json.data.records.length, 10);
    } finally {
      await big.stop();
    }
  });

  it('marks read, comments and deletes a fax', async () => {
    const token = emu.demoTokens.fullAccess;
    const fax = emu.state.faxes('inbox').find((f) => !f.is_read)!;
    assert.equal(
      (await api(emu, 'PUT', `/accounts/self/faxes/${fax.id}`, { token, json: { is_read: true, comment: 'seen' } })).status,
      200,
    );
    const got = await api(emu, 'GET', `/accounts/self/faxes/${fax.id}`, { token });
    assert.equal(got.json.is_read, true);
    assert.equal(got.json.comment, 'seen');
    assert.equal((await api(emu, 'DELETE', `/accounts/self/faxes/${fax.id}`, { token })).status, 200);
    assert.equal((await api(emu, 'GET', `/accounts/self/faxes/${fax.id}`, { token })).status, 404);
    assert.equal(emu.state.fax(fax.id), undefined);
  });

  it('rejects malformed dates and categories', async () => {
    const token = emu.demoTokens.fullAccess;
    assert.equal((await api(emu, 'GET', '/accounts/self/faxes?category=junk', { token })).status, 400);
    assert.equal((await api(emu, 'GET', '/accounts/self/faxes?before=2026-01-01T00:00:00Z', { token })).status, 400);
  });
});
