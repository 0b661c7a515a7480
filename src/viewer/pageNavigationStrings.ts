import * as vscode from 'vscode';
import type { ViewerStrings } from './viewerHtml';

/** The page toolbar's texts, the same in the fax viewer and the render preview. */
export function pageNavigationStrings(): Pick<ViewerStrings, 'pageOf' | 'previous' | 'next' | 'zoomIn' | 'zoomOut' | 'fitWidth'> {
  return {
    pageOf: vscode.l10n.t('Page {0} of {1}'),
    previous: vscode.l10n.t('Previous page (Page Up)'),
    next: vscode.l10n.t('Next page (Page Down)'),
    zoomIn: vscode.l10n.t('Zoom in (+)'),
    zoomOut: vscode.l10n.t('Zoom out (−)'),
    fitWidth: vscode.l10n.t('Fit width'),
  };
}
