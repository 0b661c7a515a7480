import { contentSecurityPolicy, escapeAttr, escapeText, pageViewMarkup, scriptTags } from './pageMarkup';
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
  const csp = contentSecurityPolicy(parts.cspSource, parts.nonce);
  const scripts = scriptTags(parts.nonce, parts.scriptUris);
  const styles = parts.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeAttr(uri)}">`).join('\n    ');
  const findings =
    parts.findings.length > 0
      ? `<ul class="warning">${parts.findings.map((f) => `<li>${escapeText(f)}</li>`).join('')}</ul>`
      : `<p class="ok">${escapeText(s.allClear)}</p>`;
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${styles}
    <title>${escapeText(s.title)}</title>
  </head>
  <body data-loading="${escapeAttr(s.loading)}" data-cannot-show="${escapeAttr(s.cannotShow)}" data-page-of="${escapeAttr(s.pageOf)}">
    <div class="preview-summary">
      <h2 id="previewHeading">${escapeText(s.heading)}</h2>
      ${findings}
      <div class="preview-actions">
        <button class="primary" data-action="send">${escapeText(s.send)}</button>
        <button data-action="save">${escapeText(s.save)}</button>
        <button data-action="close">${escapeText(s.close)}</button>
      </div>
    </div>
    ${pageViewMarkup(s)}
    ${scripts}
  </body>
</html>`;
}
