import * as assert from 'assert';
import { viewerHtml, type ViewerPageParts } from '../../../src/viewer/viewerHtml';

const parts: ViewerPageParts = {
  faxId: '5f0c1a2b3c4d5e6f7a8b9c0d',
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'bm9uY2Utdmk=',
  scriptUris: [
    'https://file+.vscode-resource.vscode-cdn.net/ext/dist/viewer/tiff-decoder.js',
    'https://file+.vscode-resource.vscode-cdn.net/ext/media/viewer/viewer.js',
  ],
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/viewer/viewer.css',
  strings: {
    title: 'Fax from <b>+1 555</b> "x"',
    loading: 'Loading…',
    cannotShow: 'Cannot show',
    pageOf: 'Page {0} of {1}',
    previous: 'Previous',
    next: 'Next',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fitWidth: 'Fit width',
  },
};

function cspOf(html: string): Map<string, string> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(content, 'the page declares a CSP');
  return new Map(
    content
      .replace(/&#39;/g, "'")
      .split(';')
      .map(
        (d) =>
          d
            .trim()
            .split(/\s+(.*)/)
            .slice(0, 2) as [string, string],
      ),
  );
}

describe('viewer: page HTML and Content-Security-Policy', () => {
  const html = viewerHtml(parts);

  it('forbids everything by default and runs only scripts carrying the nonce', () => {
    const csp = cspOf(html);
    assert.strictEqual(csp.get('default-src'), "'none'");
    assert.strictEqual(csp.get('script-src'), `'nonce-${parts.nonce}'`);
    assert.strictEqual(csp.get('style-src'), parts.cspSource, 'no inline styles');
    assert.ok(!html.includes('unsafe-'), 'no unsafe-inline / unsafe-eval');
  });

  it('loads each script with the nonce and has no inline script', () => {
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.strictEqual(scripts.length, parts.scriptUris.length);
    for (const [, attrs, body] of scripts) {
      assert.match(attrs, new RegExp(`nonce="${parts.nonce}"`));
      assert.strictEqual(body.trim(), '', 'no inline code');
    }
  });

  it('references no resource outside the extension', () => {
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(urls.length >= 3);
    for (const url of urls) {
      assert.ok(url.startsWith(parts.cspSource), `${url} is the extension's`);
    }
  });

  it('escapes the texts it shows (a number or comment cannot inject markup)', () => {
    assert.ok(!html.includes('<b>'));
    assert.ok(html.includes('Fax from &lt;b&gt;+1 555&lt;/b&gt;'));
    assert.ok(html.includes('aria-label="Fax from &lt;b&gt;+1 555&lt;/b&gt; &quot;x&quot;"'));
  });

  it('gives the script the localised texts it needs', () => {
    assert.match(html, /data-page-of="Page \{0\} of \{1\}"/);
    assert.match(html, /data-loading="Loading…"/);
  });
});
