import * as assert from 'assert';
import { parseViewerMessage } from '../../../src/viewer/viewerMessages';

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
    for (const value of [null, 'ready', 42, {}, { type: 'navigate', url: 'https://evil.example' }, { type: 'rendered', pageCount: '3', page: 1, width: 1, height: 1, byteLength: 1 }, { type: 'rendered', pageCount: -1, page: 1, width: 1, height: 1, byteLength: 1 }]) {
      assert.strictEqual(parseViewerMessage(value), undefined, JSON.stringify(value));
    }
  });

  it('bounds the length of a failure text', () => {
    const parsed = parseViewerMessage({ type: 'failed', message: 'x'.repeat(10_000) });
    assert.strictEqual(parsed?.type === 'failed' && parsed.message.length, 500);
  });
});
