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
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), async (secs, extra) => {
        const records = secs.map((s, i) => fax(`id${i}`, s));
        const perSecond = Math.max(0, ...[...new Set(secs)].map((s) => secs.filter((x) => x === s).length));
        const { list } = fakeServer(records);
        const ids = (await collect(list, perSecond + extra)).flat().map((f) => f.id);
        assert.equal(new Set(ids).size, ids.length);
        assert.deepEqual([...ids].sort(), records.map((r) => r.id).sort());
      }),
      { numRuns: 150 },
    );
  });
});
