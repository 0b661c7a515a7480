import type * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import type { FaxViewerPanel } from './faxViewerPanel';

/** The open fax viewers, one per fax: opening a fax that is already open reveals its tab. */
export class FaxViewerPanels extends Disposable {
  private readonly panels = new Map<string, FaxViewerPanel>();

  constructor(private readonly extensionUri: vscode.Uri) {
    super();
    this.register({ dispose: () => [...this.panels.values()].forEach((p) => p.dispose()) });
  }

  get(faxId: string): FaxViewerPanel | undefined {
    return this.panels.get(faxId);
  }

  get size(): number {
    return this.panels.size;
  }

  create(faxId: string, title: string): FaxViewerPanel {
    return this.track(new (panelClass())(faxId, title, this.extensionUri));
  }

  /** Takes over a tab VS Code restored after a window reload, showing `page` (zero-based) first. */
  adopt(faxId: string, restored: vscode.WebviewPanel, page: number): FaxViewerPanel {
    return this.track(new (panelClass())(faxId, restored.title, this.extensionUri, { panel: restored, page }));
  }

  private track(panel: FaxViewerPanel): FaxViewerPanel {
    const faxId = panel.faxId;
    this.panels.get(faxId)?.dispose();
    this.panels.set(faxId, panel);
    panel.onDidClose(() => {
      if (this.panels.get(faxId) === panel) {
        this.panels.delete(faxId);
      }
    });
    return panel;
  }
}

/** The viewer (its page markup, messages and webview wiring) loads with the first fax opened, not at activation (dist/faxViewer.js). */
function panelClass(): typeof FaxViewerPanel {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load (esbuild.mjs LAZY_MODULES).
  return (require('./faxViewerPanel') as typeof import('./faxViewerPanel')).FaxViewerPanel;
}
