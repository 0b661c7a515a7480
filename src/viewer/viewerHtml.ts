/** Everything the viewer page needs, as strings, so the page is built (and tested) without `vscode`. */
export interface ViewerPageParts {
  /** `webview.cspSource`: the only origin the page may load styles from. */
  readonly cspSource: string;
  /** A fresh random value per page load; only scripts carrying it run. */
  readonly nonce: string;
  readonly scriptUris: readonly string[];
  readonly styleUri: string;
  readonly strings: ViewerStrings;
  /** Saved with the page's state so a reloaded window can bring the tab back. */
  readonly faxId: string;
}

/** Localised texts (the extension passes them through `vscode.l10n.t`). */
export interface ViewerStrings {
  readonly title: string;
  readonly loading: string;
  readonly cannotShow: string;
  /** `{0}` = page, `{1}` = page count. */
  readonly pageOf: string;
  readonly previous: string;
  readonly next: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly fitWidth: string;
}

/**
 * The viewer's HTML with a strict Content-Security-Policy: nothing remote,
 * no inline script, scripts only with the nonce, styles only from the
 * extension, images only from the extension or data: URIs.
 */
export function viewerHtml(parts: ViewerPageParts): string {
  const s = parts.strings;
  const csp = [
    "default-src 'none'",
    `style-src ${parts.cspSource}`,
    `img-src ${parts.cspSource} data:`,
    `script-src 'nonce-${parts.nonce}'`,
  ].join('; ');
  const scripts = parts.scriptUris
    .map((uri) => `<script nonce="${attr(parts.nonce)}" src="${attr(uri)}"></script>`)
    .join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <link rel="stylesheet" href="${attr(parts.styleUri)}">
    <title>${text(s.title)}</title>
  </head>
  <body data-fax-id="${attr(parts.faxId)}" data-loading="${attr(s.loading)}" data-cannot-show="${attr(s.cannotShow)}" data-page-of="${attr(s.pageOf)}">
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
