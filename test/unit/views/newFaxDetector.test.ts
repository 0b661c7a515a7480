import * as assert from 'node:assert/strict';
import type { Fax } from '../../../src/api/models';
import { NewFaxDetector } from '../../../src/views/newFaxDetector';

const T0 = Date.UTC(2024, 5, 1, 12, 0, 0);
const fax = (id: string, secondsAfter: number): Fax => ({
  id,
  status: 'success',
  comment: '',
  isRead: false,
  startTime: new Date(T0 + secondsAfter * 1000),
});

describe('views: NewFaxDetector', () => {
  it('treats the first load as the baseline', () => {
    const detector = new NewFaxDetector();
    assert.deepEqual(detector.observe([fax('a', 0), fax('b', -10)]), []);
  });

  it('reports faxes that arrived since the last load, once', () => {
    const detector = new NewFaxDetector();
    detector.observe([fax('a', 0), fax('b', -10)]);
    const arrived = detector.observe([fax('c', 20), fax('d', 5), fax('a', 0), fax('b', -10)]);
    assert.deepEqual(
      arrived.map((f) => f.id),
      ['c', 'd'],
    );
    assert.deepEqual(detector.observe([fax('c', 20), fax('d', 5), fax('a', 0)]), []);
  });

  it('does not count older faxes brought by Load more, or ones older than what we had', () => {
    const detector = new NewFaxDetector();
    detector.observe([fax('a', 0)]);
    detector.remember([fax('old', -500)]);
    assert.deepEqual(detector.observe([fax('a', 0), fax('back-from-spam', -100)]), []);
  });

  it('starts over after clear (another account)', () => {
    const detector = new NewFaxDetector();
    detector.observe([fax('a', 0)]);
    detector.clear();
    assert.deepEqual(detector.observe([fax('z', 100)]), []);
  });
});
