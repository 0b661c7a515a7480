import type { ViewerStrings } from './viewerHtml';

/**
 * The pieces the fax viewer and the render preview share, so both pages keep
 * one Content-Security-Policy, one escaping rule and one page toolbar.
 */

/** Nothing remote, no inline script, scripts only with the nonce, styles only from the extension, images from it or data: URIs. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return ["default-src 'none'", `style-src ${cspSource}`, `img-src ${cspSource} data:`, `script-src 'nonce-${nonce}'`].join('; ');
}

export function scriptTags(nonce: string, uris: readonly string[]): string {
  return uris.map((uri) => `<script nonce="${escapeAttr(nonce)}" src="${escapeAttr(uri)}"></script>`).join('\n    ');
}

/** The page toolbar (previous/next, zoom, fit) and the canvas stage that viewer.js drives. */
export function pageViewMarkup(s: ViewerStrings): string {
  return `<div class="toolbar" role="toolbar" aria-label="${escapeAttr(s.title)}">
      <button id="previous" title="${escapeAttr(s.previous)}" aria-label="${escapeAttr(s.previous)}" hidden>&#8249;</button>
      <span id="pageLabel" class="label" aria-live="polite"></span>
      <button id="next" title="${escapeAttr(s.next)}" aria-label="${escapeAttr(s.next)}" hidden>&#8250;</button>
      <span class="spacer"></span>
      <button id="zoomOut" title="${escapeAttr(s.zoomOut)}" aria-label="${escapeAttr(s.zoomOut)}" hidden>&#8722;</button>
      <span id="zoomLabel" class="label"></span>
      <button id="zoomIn" title="${escapeAttr(s.zoomIn)}" aria-label="${escapeAttr(s.zoomIn)}" hidden>+</button>
      <button id="fit" title="${escapeAttr(s.fitWidth)}" hidden>${escapeText(s.fitWidth)}</button>
    </div>
    <div id="stage" tabindex="0">
      <div id="status" role="status"></div>
      <canvas id="page" role="img" hidden></canvas>
    </div>`;
}

export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
