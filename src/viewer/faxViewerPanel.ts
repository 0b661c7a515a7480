import * as vscode from 'vscode';
import { pageNavigationStrings } from './pageNavigationStrings';
import { Disposable } from '../util/disposable';
import { createNonce } from './nonce';
import { viewerHtml } from './viewerHtml';
import { parseViewerMessage, type RenderReport, type ToViewerMessage } from './viewerMessages';
import { FAX_VIEWER_TYPE } from './faxViewerType';

/**
 * One fax shown in an editor tab. The document's bytes stay here (not in the
 * webview's state) and are sent again whenever the webview (re)loads, so a
 * hidden tab costs no webview memory (no retainContextWhenHidden).
 */
export class FaxViewerPanel extends Disposable {
  private readonly panel: vscode.WebviewPanel;
  private bytes: Uint8Array | undefined;
  private report: RenderReport | undefined;
  private failure: string | undefined;
  private unavailable: string | undefined;
  private readonly rendered = this.register(new vscode.EventEmitter<RenderReport>());
  private readonly closed = this.register(new vscode.EventEmitter<void>());
  private readonly aborter = new AbortController();
  private readonly firstPage: number | undefined;

  /** The webview painted the document (tests wait for it). */
  readonly onDidRender = this.rendered.event;
  /** The user closed the tab, or the panel was disposed. */
  readonly onDidClose = this.closed.event;

  /**
   * `restored` is a tab VS Code brought back after a window reload (the
   * serializer), with the page it showed; otherwise a new tab opens.
   */
  constructor(
    readonly faxId: string,
    title: string,
    extensionUri: vscode.Uri,
    restored?: { panel: vscode.WebviewPanel; page: number },
  ) {
    super();
    const media = vscode.Uri.joinPath(extensionUri, 'media', 'viewer');
    // The TIFF decoder is built from the utif2 package into dist/viewer (esbuild.mjs).
    const decoder = vscode.Uri.joinPath(extensionUri, 'dist', 'viewer');
    const options = { enableScripts: true, localResourceRoots: [media, decoder] };
    this.firstPage = restored?.page;
    if (restored) {
      this.panel = restored.panel;
      this.panel.webview.options = options;
    } else {
      this.panel = vscode.window.createWebviewPanel(FAX_VIEWER_TYPE, title, vscode.ViewColumn.Active, options);
    }
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'faxplus-activitybar.svg');
    const webview = this.panel.webview;
    webview.html = viewerHtml({
      faxId,
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUris: [
        vscode.Uri.joinPath(decoder, 'tiff-decoder.js'),
        vscode.Uri.joinPath(media, 'faxDocument.js'),
        vscode.Uri.joinPath(media, 'viewer.js'),
      ].map((uri) => webview.asWebviewUri(uri).toString()),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'viewer.css')).toString(),
      strings: {
        title: this.panel.title || title,
        loading: vscode.l10n.t('Downloading the fax from Fax.Plus…'),
        cannotShow: vscode.l10n.t('This fax cannot be shown here. Download it as PDF instead.'),
        ...pageNavigationStrings(),
      },
    });
    this.register(webview.onDidReceiveMessage((raw) => this.receive(raw)));
    // Closing the tab ends a download still running for it.
    this.register(
      this.panel.onDidDispose(() => {
        this.aborter.abort();
        this.closed.fire();
        this.dispose();
      }),
    );
    this.register({ dispose: () => this.panel.dispose() });
  }

  /** Aborted when the tab closes: pass it to the download. */
  get signal(): AbortSignal {
    return this.aborter.signal;
  }

  get title(): string {
    return this.panel.title;
  }

  setTitle(title: string): void {
    if (!this.isDisposed) {
      this.panel.title = title;
    }
  }

  /** The tab was closed (or the panel disposed). */
  get isClosed(): boolean {
    return this.isDisposed;
  }

  get visible(): boolean {
    return this.panel.visible;
  }

  /** What the webview last reported painting; undefined until it has. */
  get lastRender(): RenderReport | undefined {
    return this.report;
  }

  /** Why the webview could not paint the document, if it could not. */
  get lastFailure(): string | undefined {
    return this.failure;
  }

  /** Why the tab shows no document (e.g. a restored tab while signed out), if it does not. */
  get unavailableMessage(): string | undefined {
    return this.unavailable;
  }

  /** Hands the downloaded TIFF to the webview (now, and again on every reload). */
  show(bytes: Uint8Array): void {
    // A Node Buffer would travel as JSON (Buffer#toJSON); a plain Uint8Array is transferred as binary.
    this.bytes = Buffer.isBuffer(bytes) ? new Uint8Array(bytes) : bytes;
    this.unavailable = undefined;
    this.postDocument();
  }

  /** Shows, instead of the document, why it cannot be shown and what to do. */
  showUnavailable(message: string): void {
    this.unavailable = message;
    this.post({ type: 'unavailable', message });
  }

  private postDocument(): void {
    if (this.bytes) {
      this.post({ type: 'document', format: 'tiff', bytes: this.bytes, page: this.firstPage });
    }
  }

  reveal(): void {
    this.panel.reveal();
  }

  private receive(raw: unknown): void {
    const message = parseViewerMessage(raw);
    if (message?.type === 'ready' && this.bytes) {
      this.postDocument();
    } else if (message?.type === 'ready' && this.unavailable) {
      this.post({ type: 'unavailable', message: this.unavailable });
    } else if (message?.type === 'rendered') {
      const { type: _type, ...report } = message;
      this.report = report;
      this.rendered.fire(report);
    } else if (message?.type === 'failed') {
      this.failure = message.message;
    }
  }

  private post(message: ToViewerMessage): void {
    if (!this.isDisposed) {
      void this.panel.webview.postMessage(message);
    }
  }
}
