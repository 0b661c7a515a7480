import * as vscode from 'vscode';
import { pageNavigationStrings } from './pageNavigationStrings';
import { Disposable } from '../util/disposable';
import { createNonce } from './nonce';
import { previewHtml, type PreviewStrings } from './previewHtml';
import { parseViewerMessage, type RenderReport } from './viewerMessages';

export const RENDER_PREVIEW_TYPE = 'faxplus.renderPreview';

export type PreviewChoice = 'send' | 'close';

export interface PreviewContent {
  readonly title: string;
  /** Multi-page bilevel TIFF: the pages as the fax machine prints them. */
  readonly tiff: Uint8Array;
  readonly strings: PreviewStrings;
  readonly findings: readonly string[];
  /** "Save as PDF": the panel stays open. */
  save(): Promise<void>;
}

/**
 * Rendered text shown as the recipient will get it, before anything is sent. The viewer's
 * scripts paint the pages (same CSP); the summary above them lists the legibility check
 * and offers Send…, Save as PDF and Close. Closing the tab counts as Close.
 */
export class RenderPreviewPanel extends Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly rendered = this.register(new vscode.EventEmitter<RenderReport>());
  private settle: ((choice: PreviewChoice) => void) | undefined;
  /** The person's answer. */
  readonly choice: Promise<PreviewChoice>;
  /** The webview painted the pages (tests wait for it). */
  readonly onDidRender = this.rendered.event;

  constructor(
    extensionUri: vscode.Uri,
    private readonly content: PreviewContent,
  ) {
    super();
    this.choice = new Promise((resolve) => (this.settle = resolve));
    const media = vscode.Uri.joinPath(extensionUri, 'media', 'viewer');
    const decoder = vscode.Uri.joinPath(extensionUri, 'dist', 'viewer');
    this.panel = vscode.window.createWebviewPanel(RENDER_PREVIEW_TYPE, content.title, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media, decoder],
    });
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'faxplus-activitybar.svg');
    const webview = this.panel.webview;
    const uri = (base: vscode.Uri, file: string) => webview.asWebviewUri(vscode.Uri.joinPath(base, file)).toString();
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUris: [uri(media, 'preview.js'), uri(decoder, 'tiff-decoder.js'), uri(media, 'faxDocument.js'), uri(media, 'viewer.js')],
      styleUris: [uri(media, 'viewer.css'), uri(media, 'preview.css')],
      findings: content.findings,
      strings: {
        ...content.strings,
        title: content.title,
        loading: vscode.l10n.t('Drawing the pages…'),
        cannotShow: vscode.l10n.t('The pages cannot be shown here. Save as PDF to look at them.'),
        ...pageNavigationStrings(),
      },
    });
    this.register(webview.onDidReceiveMessage((raw) => this.receive(raw)));
    this.register(
      this.panel.onDidDispose(() => {
        this.settle?.('close');
        this.dispose();
      }),
    );
    this.register({ dispose: () => this.panel.dispose() });
  }

  private receive(raw: unknown): void {
    if (typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'action') {
      const action = (raw as { action?: unknown }).action;
      if (action === 'send' || action === 'close') this.settle?.(action);
      else if (action === 'save') void this.content.save();
      return;
    }
    const message = parseViewerMessage(raw);
    if (message?.type === 'ready') {
      // A plain Uint8Array crosses as binary (a Buffer would become JSON).
      void this.panel.webview.postMessage({ type: 'document', format: 'tiff', bytes: new Uint8Array(this.content.tiff) });
    } else if (message?.type === 'rendered') {
      const { type: _type, ...report } = message;
      this.rendered.fire(report);
    }
  }
}
