import * as vscode from 'vscode';
import { NotFoundError, UnauthorizedError } from '../api/errors';
import type { AuthSession } from '../auth/authSession';
import type { ClientProvider } from '../client/clientProvider';
import type { ErrorPresenter } from '../errors/errorPresenter';
import type { Logger } from '../api/logger';
import { Disposable } from '../util/disposable';
import type { FaxViewerPanel } from './faxViewerPanel';
import type { FaxViewerPanels } from './faxViewerPanels';
import { parseSavedViewerState } from './viewerMessages';

/**
 * Brings fax tabs back after a window reload: the same fax at the same page,
 * or a line in the tab saying why it cannot (signed out, fax deleted). A tab
 * restored while signed out loads by itself once the user signs in.
 * Activation registers it for the viewer's type (activation/activationShell.ts).
 */
export class FaxViewerSerializer extends Disposable implements vscode.WebviewPanelSerializer {
  constructor(
    private readonly viewers: FaxViewerPanels,
    private readonly session: AuthSession,
    private readonly clients: ClientProvider,
    private readonly errors: ErrorPresenter,
    private readonly logger: Logger,
  ) {
    super();
  }

  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    await this.restore(webviewPanel, state);
  }

  /** What VS Code calls for each restored tab; the restored viewer, if the state names a fax. */
  async restore(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<FaxViewerPanel | undefined> {
    const saved = parseSavedViewerState(state);
    if (!saved) {
      // Saved by a version that did not record the fax: nothing to show, so no empty tab either.
      webviewPanel.dispose();
      return undefined;
    }
    const panel = this.viewers.adopt(saved.faxId, webviewPanel, saved.page);
    await this.load(panel);
    return panel;
  }

  private async load(panel: FaxViewerPanel): Promise<void> {
    // The window is starting: read the stored sign-in (no request) before deciding.
    const auth = this.session.state.status === 'signedIn' ? this.session.state : await this.session.restore();
    if (panel.isClosed) return;
    if (auth.status !== 'signedIn') {
      panel.showUnavailable(vscode.l10n.t('Sign in to Fax.Plus to see this fax. It appears here as soon as you are signed in.'));
      this.retryOnSignIn(panel);
      return;
    }
    try {
      panel.show(await this.clients.get().downloadFileBytes(panel.faxId, 'tiff', { signal: panel.signal }));
    } catch (e) {
      if (panel.isClosed) return;
      this.logger.warn(`Restoring the fax tab ${panel.faxId}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
      if (e instanceof NotFoundError) {
        panel.showUnavailable(vscode.l10n.t('This fax is no longer in your Fax.Plus account: it was deleted. Close this tab.'));
      } else if (e instanceof UnauthorizedError) {
        // The client already reported the 401 to the session (AuthSession.onUnauthorized), which signed out.
        panel.showUnavailable(
          vscode.l10n.t('Fax.Plus rejected the token. Sign in again to see this fax; it appears here as soon as you are signed in.'),
        );
        this.retryOnSignIn(panel);
      } else {
        panel.showUnavailable(
          vscode.l10n.t(
            'This fax could not be loaded: {0} Close the tab and open the fax again from the sidebar.',
            this.errors.describe(e),
          ),
        );
      }
    }
  }

  private retryOnSignIn(panel: FaxViewerPanel): void {
    const listener = this.session.onDidChange(() => {
      if (this.session.state.status === 'signedIn') {
        listener.dispose();
        void this.load(panel);
      }
    });
    panel.onDidClose(() => listener.dispose());
  }
}
