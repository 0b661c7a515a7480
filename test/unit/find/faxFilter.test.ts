import * as assert from 'node:assert/strict';
import type { Fax } from '../../../src/api/models';
import { filterFaxes, isFilterEmpty } from '../../../src/find/faxFilter';

const fax = (id: string, over: Partial<Fax>): Fax => ({ id, status: 'success', comment: '', ...over });

const FAXES: Fax[] = [
  fax('a', { from: '+16175550199', to: '+15550001', startTime: new Date(2026, 10, 3, 9), isRead: false }),
  fax('b', { from: '16175550199', to: '+15550001', startTime: new Date(2026, 10, 4, 23, 59), isRead: true, status: 'failed' }),
  fax('c', { from: '+442079460958', to: '+16175550199', startTime: new Date(2026, 10, 5, 0, 0), isRead: false }),
  fax('d', { startTime: undefined, isRead: false }),
];

describe('find: fax filter', () => {
  it("matches a contact's numbers against the other party, however the record writes them", () => {
    const party = { kind: 'numbers', label: 'Dr. Chen', numbers: ['+16175550199'] } as const;
    assert.deepEqual(
      filterFaxes(FAXES, 'inbox', { party }).map((f) => f.id),
      ['a', 'b'],
    );
    assert.deepEqual(
      filterFaxes(FAXES, 'sent', { party }).map((f) => f.id),
      ['c'],
      'in Sent the other party is the destination',
    );
  });

  it('matches typed digits anywhere in the number', () => {
    assert.deepEqual(
      filterFaxes(FAXES, 'inbox', { party: { kind: 'digits', digits: '7946' } }).map((f) => f.id),
      ['c'],
    );
  });

  it('keeps a day range inclusive of its start and exclusive of its end, and leaves out faxes without a date', () => {
    const since = new Date(2026, 10, 4);
    const until = new Date(2026, 10, 5);
    assert.deepEqual(
      filterFaxes(FAXES, 'inbox', { since, until }).map((f) => f.id),
      ['b'],
    );
    assert.deepEqual(
      filterFaxes(FAXES, 'inbox', { since }).map((f) => f.id),
      ['b', 'c'],
    );
  });

  it('combines status and unread, every part having to hold', () => {
    assert.deepEqual(
      filterFaxes(FAXES, 'inbox', { statuses: ['success'], unreadOnly: true }).map((f) => f.id),
      ['a', 'c', 'd'],
    );
    assert.deepEqual(filterFaxes(FAXES, 'inbox', { statuses: ['failed'], unreadOnly: true }), []);
  });

  it('an empty filter is no filter', () => {
    assert.equal(isFilterEmpty({ statuses: [] }), true);
    assert.equal(isFilterEmpty({ unreadOnly: true }), false);
    assert.equal(filterFaxes(FAXES, 'inbox', {}).length, FAXES.length);
  });
});
