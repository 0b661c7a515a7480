import * as assert from 'assert';
import { parseSavedViewerState, parseViewerMessage } from '../../../src/viewer/viewerMessages';

describe('viewer: messages from the webview', () => {
  it('accepts ready, rendered and failed messages', () => {
    assert.deepStrictEqual(parseViewerMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(
      parseViewerMessage({ type: 'rendered', pageCount: 3, page: 1, width: 864, height: 560, byteLength: 1234, extra: 'dropped' }),
      { type: 'rendered', pageCount: 3, page: 1, width: 864, height: 560, byteLength: 1234 },
    );
    assert.deepStrictEqual(parseViewerMessage({ type: 'failed', message: 'bad tiff' }), { type: 'failed', message: 'bad tiff' });
  });

  it('ignores anything else the page might send', () => {
    for (const value of [
      null,
      'ready',
      42,
      {},
      { type: 'navigate', url: 'https://evil.example' },
      { type: 'rendered', pageCount: '3', page: 1, width: 1, height: 1, byteLength: 1 },
      { type: 'rendered', pageCount: -1, page: 1, width: 1, height: 1, byteLength: 1 },
    ]) {
      assert.strictEqual(parseViewerMessage(value), undefined, JSON.stringify(value));
    }
  });

  it('bounds the length of a failure text', () => {
    const parsed = parseViewerMessage({ type: 'failed', message: 'x'.repeat(10_000) });
    assert.strictEqual(parsed?.type === 'failed' && parsed.message.length, 500);
  });
});

describe('viewer: the state a reloaded window hands back', () => {
  it('names the fax and the zero-based page the tab showed', () => {
    assert.deepStrictEqual(parseSavedViewerState({ faxId: '5f0c1a2b3c4d5e6f7a8b9c0d', index: 2, zoom: 1.5, fitting: false }), {
      faxId: '5f0c1a2b3c4d5e6f7a8b9c0d',
      page: 2,
    });
    assert.deepStrictEqual(parseSavedViewerState({ faxId: 'abc' }), { faxId: 'abc', page: 0 }, 'no page yet: the first');
  });

  it('refuses a state that names no fax, or a fax id that did not come from our page', () => {
    for (const state of [undefined, null, 'x', {}, { index: 1 }, { faxId: '' }, { faxId: '../../etc' }, { faxId: 5 }]) {
      assert.strictEqual(parseSavedViewerState(state), undefined, JSON.stringify(state));
    }
    assert.deepStrictEqual(parseSavedViewerState({ faxId: 'a1', index: -1 }), { faxId: 'a1', page: 0 });
  });
});
