import type * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import { FaxViewerPanel } from './faxViewerPanel';

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
    this.panels.get(faxId)?.dispose();
    const panel = new FaxViewerPanel(faxId, title, this.extensionUri);
    this.panels.set(faxId, panel);
    panel.onDidClose(() => {
      if (this.panels.get(faxId) === panel) {
        this.panels.delete(faxId);
      }
    });
    return panel;
  }
}
