import type { LegibilityFinding } from '../render/index';
import * as vscode from 'vscode';

/** One sentence per finding of the legibility check, prefixed with the document it is about when there are several. */
export function describeFindings(titles: readonly string[], findings: readonly (readonly LegibilityFinding[])[]): string[] {
  return findings.flatMap((list, index) =>
    list.map((finding) => (titles.length > 1 ? `${titles[index]}: ` : '') + describeFinding(finding)),
  );
}

export function describeFinding(finding: LegibilityFinding): string {
  switch (finding.kind) {
    case 'smallText':
      return vscode.l10n.t(
        'Text at {0} pt (pages {1}) is below {2} pt, the smallest that stays legible at this resolution.',
        finding.size,
        finding.pages.join(', '),
        finding.minimum,
      );
    case 'shrunkImage':
      return vscode.l10n.t(
        'A picture is shrunk to {0} % to fit (pages {1}): small print in it may not be legible.',
        finding.percent,
        finding.pages.join(', '),
      );
    case 'manyPages':
      return vscode.l10n.t('{0} pages: an unusually long fax. Check that this is the document you mean to send.', finding.pages);
    case 'missingGlyphs':
      return vscode.l10n.t('Characters the font cannot print, shown as \u{FFFD}: {0}', finding.characters.map(codePoint).join(', '));
    case 'wrappedLines':
      return vscode.l10n.t('{0} long lines wrap onto the next line (marked with ↪).', finding.count);
    case 'cutContent':
      return vscode.l10n.t('A table row is taller than a page and is cut: "{0}".', finding.what);
    case 'imageMissing':
      return vscode.l10n.t('Picture not found in the workspace (only PNG and JPEG files there are printed): {0}', finding.src);
    case 'coloursLost':
      return vscode.l10n.t(
        'Colours and greys in {0} ({1} % of it) become black-and-white dots on a fax.',
        finding.src,
        Math.round(finding.share * 100),
      );
    case 'notJson':
      return vscode.l10n.t('Not valid JSON ({0}): printed as written.', finding.reason);
  }
}

function codePoint(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  const label = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? label : `${char} (${label})`;
}
