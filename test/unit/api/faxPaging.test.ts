import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatApiDate } from '../../../src/api/dates';
import { iterateFaxPages, type ListFaxesPage } from '../../../src/api/faxPaging';
import type { Fax, ListFaxesQuery } from '../../../src/api/models';

/** A fake list endpoint with the API's semantics: newest first, `before` exclusive, `after` inclusive, `limit`. */
function fakeServer(records: Fax[]) {
  const queries: ListFaxesQuery[] = [];
  const sorted = [...records].sort((a, b) => b.startTime!.getTime() - a.startTime!.getTime());
  const list: ListFaxesPage = async (q) => {
    queries.push(q);
    // The API compares whole seconds: format and compare as the server would.
    const before = q.before && formatApiDate(q.before);
    const after = q.after && formatApiDate(q.after);
    return sorted
      .filter((f) => (!before || formatApiDate(f.startTime!) < before) && (!after || formatApiDate(f.startTime!) >= after))
      .slice(0, q.limit);
  };
  return { list, queries };
}

const T0 = Date.UTC(2024, 5, 1, 12, 0, 0);
const fax = (id: string, secondsAgo: number): Fax => ({ id, status: 'success', comment: '', startTime: new Date(T0 - secondsAgo * 1000) });

async function collect(list: ListFaxesPage, pageSize: number, extra: Partial<Parameters<typeof iterateFaxPages>[1]> = {}) {
  const pages: Fax[][] = [];
  for await (const page of iterateFaxPages(list, { category: 'inbox', pageSize, ...extra })) pages.push(page);
  return pages;
}

describe('iterateFaxes paging by date window', () => {
  it('returns every record exactly once when a page boundary cuts through a shared second', async () => {
    const records = [fax('a', 0), fax('b', 1), fax('c', 1), fax('d', 1), fax('e', 1), fax('f', 2), fax('g', 3)];
    const { list } = fakeServer(records);
    const pages = await collect(list, 4);
    const ids = pages.flat().map((f) => f.id);
    assert.deepEqual([...ids].sort(), ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    assert.equal(new Set(ids).size, ids.length);
    for (const p of pages) assert.ok(p.length > 0);
  });

  it('asks with before = oldest second + 1 s (the server treats before as exclusive)', async () => {
    const { list, queries } = fakeServer([fax('a', 0), fax('b', 5), fax('c', 9)]);
    await collect(list, 2);
    assert.equal(queries[0].before, undefined);
    assert.equal(queries[1].before!.getTime(), T0 - 5000 + 1000);
  });

  it('steps past a second that holds more records than a page, so it always ends', async () => {
    const records = [fax('x1', 1), fax('x2', 1), fax('x3', 1), fax('y', 2)];
    const { list, queries } = fakeServer(records);
    const pages = await collect(list, 2);
    assert.ok(queries.length < 10);
    const ids = pages.flat().map((f) => f.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.includes('y'));
  });

  it('passes after, category and clamps the page size', async () => {
    const { list, queries } = fakeServer([fax('a', 0)]);
    const after = new Date(T0 - 60_000);
    await collect(list, 5000, { after, category: 'inbox' });
    assert.equal(queries[0].limit, 1000);
    assert.equal(queries[0].after, after);
  });

  it('property: any data set with page size ≥ records per second yields each id once, all of them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        async (secs, extra) => {
          const records = secs.map((s, i) => fax(`id${i}`, s));
          const perSecond = Math.max(0, ...[...new Set(secs)].map((s) => secs.filter((x) => x === s).length));
          const { list } = fakeServer(records);
          const ids = (await collect(list, perSecond + extra)).flat().map((f) => f.id);
          assert.equal(new Set(ids).size, ids.length);
          assert.deepEqual([...ids].sort(), records.map((r) => r.id).sort());
        },
      ),
      { numRuns: 150 },
    );
  });

  describe('without assumptions about the server (issue 12 A.2)', () => {
    /** A configurable server: order, inclusive `before`, a cap on `limit`. */
    function oddServer(records: Fax[], o: { asc?: boolean; beforeInclusive?: boolean; cap?: number }) {
      const queries: ListFaxesQuery[] = [];
      const list: ListFaxesPage = async (q) => {
        queries.push(q);
        const before = q.before && formatApiDate(q.before);
        const after = q.after && formatApiDate(q.after);
        const sorted = [...records].sort((a, b) => (o.asc ? 1 : -1) * (a.startTime!.getTime() - b.startTime!.getTime()));
        return sorted
          .filter((f) => {
            const t = formatApiDate(f.startTime!);
            return (!before || (o.beforeInclusive ? t <= before : t < before)) && (!after || t >= after);
          })
          .slice(0, Math.min(q.limit ?? 50, o.cap ?? 1000));
      };
      return { list, queries };
    }
    const many = Array.from({ length: 45 }, (_, i) => fax(`f${i}`, i * 3 + (i % 4 === 0 ? 1 : 0)));
    const allIds = many.map((f) => f.id).sort();

    for (const o of [{ asc: true }, { beforeInclusive: true }, { cap: 7 }, { asc: true, cap: 7, beforeInclusive: true }]) {
      it(`lists every record exactly once, each page newest first: ${JSON.stringify(o)}`, async () => {
        const { list, queries } = oddServer(many, o);
        const pages = await collect(list, 20);
        const ids = pages.flat().map((f) => f.id);
        assert.equal(new Set(ids).size, ids.length);
        assert.deepEqual([...ids].sort(), allIds);
        for (const page of pages) {
          const times = page.map((f) => f.startTime!.getTime());
          assert.deepEqual(
            times,
            [...times].sort((a, b) => b - a),
          );
        }
        assert.ok(queries.length < 40, `${queries.length} requests`);
      });
    }

    it('a short page is not the end (a capped server); an empty page is', async () => {
      const { list, queries } = oddServer(many, { cap: 7 });
      const facts = { largestPage: 0 };
      const pages = await collect(list, 50, { facts });
      assert.equal(pages.flat().length, 45);
      assert.equal(facts.largestPage, 7, 'the effective cap is remembered');
      assert.ok(
        queries.every((q) => q.limit === 50),
        'still asks for the page size',
      );
      assert.deepEqual(await list(queries[queries.length - 1], {}), [], 'it stopped on an empty page');
      assert.ok(queries.length >= Math.ceil(45 / 7) + 1 && queries.length < 2 * Math.ceil(45 / 7) + 2, `${queries.length} requests`);
    });

    it('detects an ascending server and moves `after` up instead of `before` down', async () => {
      const { list, queries } = oddServer(many, { asc: true, cap: 10 });
      const facts = { largestPage: 0 } as { largestPage: number; ascending?: boolean };
      await collect(list, 10, { facts });
      assert.equal(facts.ascending, true);
      assert.ok(queries.slice(1).every((q) => q.after !== undefined && q.before === undefined));
    });

    it('ends when more records share one second than a page holds, even with an inclusive `before`', async () => {
      const crowd = [...Array.from({ length: 9 }, (_, i) => fax(`s${i}`, 5)), fax('newer', 1), fax('older', 9)];
      const { list, queries } = oddServer(crowd, { beforeInclusive: true });
      const ids = (await collect(list, 4)).flat().map((f) => f.id);
      assert.equal(new Set(ids).size, ids.length);
      assert.ok(ids.includes('newer') && ids.includes('older'), ids.join(','));
      assert.ok(queries.length < 15, `${queries.length} requests`);
      for (let i = 1; i < queries.length; i++) {
        assert.notEqual(queries[i].before?.getTime(), queries[i - 1].before?.getTime(), 'the window always moves');
      }
    });
  });
});
