import type { ViewerStrings } from './viewerHtml';

/** The render preview's page: the viewer's toolbar and canvas, under a summary with the legibility check and the actions. */
export interface PreviewPageParts {
  readonly cspSource: string;
  readonly nonce: string;
  /** preview.js first (it acquires the webview API), then the viewer's scripts. */
  readonly scriptUris: readonly string[];
  readonly styleUris: readonly string[];
  readonly strings: ViewerStrings & PreviewStrings;
  /** Already localised, one line per finding; empty when nothing needs attention. */
  readonly findings: readonly string[];
}

export interface PreviewStrings {
  /** E.g. "3 pages at fine resolution (204 × 196 dpi)". */
  readonly heading: string;
  readonly allClear: string;
  readonly send: string;
  readonly save: string;
  readonly close: string;
}

/** Same Content-Security-Policy as the fax viewer: nonce scripts only, styles from the extension, nothing remote. */
export function previewHtml(parts: PreviewPageParts): string {
  const s = parts.strings;
  const csp = ["default-src 'none'", `style-src ${parts.cspSource}`, `img-src ${parts.cspSource} data:`, `script-src 'nonce-${parts.nonce}'`].join('; ');
  const scripts = parts.scriptUris.map((uri) => `<script nonce="${attr(parts.nonce)}" src="${attr(uri)}"></script>`).join('\n    ');
  const styles = parts.styleUris.map((uri) => `<link rel="stylesheet" href="${attr(uri)}">`).join('\n    ');
  const findings = parts.findings.length > 0
    ? `<ul class="warning">${parts.findings.map((f) => `<li>${text(f)}</li>`).join('')}</ul>`
    : `<p class="ok">${text(s.allClear)}</p>`;
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${styles}
    <title>${text(s.title)}</title>
  </head>
  <body data-loading="${attr(s.loading)}" data-cannot-show="${attr(s.cannotShow)}" data-page-of="${attr(s.pageOf)}">
    <div class="preview-summary">
      <h2 id="previewHeading">${text(s.heading)}</h2>
      ${findings}
      <div class="preview-actions">
        <button class="primary" data-action="send">${text(s.send)}</button>
        <button data-action="save">${text(s.save)}</button>
        <button data-action="close">${text(s.close)}</button>
      </div>
    </div>
    <div class="toolbar" role="toolbar" aria-label="${attr(s.title)}">
      <button id="previous" title="${attr(s.previous)}" aria-label="${attr(s.previous)}" hidden>&#8249;</button>
      <span id="pageLabel" class="label" aria-live="polite"></span>
      <button id="next" title="${attr(s.next)}" aria-label="${attr(s.next)}" hidden>&#8250;</button>
      <span class="spacer"></span>
      <button id="zoomOut" title="${attr(s.zoomOut)}" aria-label="${attr(s.zoomOut)}" hidden>&#8722;</button>
      <span id="zoomLabel" class="label"></span>
      <button id="zoomIn" title="${attr(s.zoomIn)}" aria-label="${attr(s.zoomIn)}" hidden>+</button>
      <button id="fit" title="${attr(s.fitWidth)}" hidden>${text(s.fitWidth)}</button>
    </div>
    <div id="stage" tabindex="0">
      <div id="status" role="status"></div>
      <canvas id="page" role="img" hidden></canvas>
    </div>
    ${scripts}
  </body>
</html>`;
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
