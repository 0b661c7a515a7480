import { contentSecurityPolicy, escapeAttr, escapeText, pageViewMarkup, scriptTags } from './pageMarkup';

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
  const csp = contentSecurityPolicy(parts.cspSource, parts.nonce);
  const scripts = scriptTags(parts.nonce, parts.scriptUris);
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <link rel="stylesheet" href="${escapeAttr(parts.styleUri)}">
    <title>${escapeText(s.title)}</title>
  </head>
  <body data-fax-id="${escapeAttr(parts.faxId)}" data-loading="${escapeAttr(s.loading)}" data-cannot-show="${escapeAttr(s.cannotShow)}" data-page-of="${escapeAttr(s.pageOf)}">
    ${pageViewMarkup(s)}
    ${scripts}
  </body>
</html>`;
}
