import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';

/**
 * Sends the user to the Fax.Plus authorization page. Automation and tests
 * ask it not to open a browser; they follow the published URL themselves
 * (an HTTP client following the redirect to the loopback server).
 */
export class OAuthBrowser extends Disposable {
  private readonly prepared = this.register(new vscode.EventEmitter<string>());
  /** The authorization URL of each sign-in attempt (not a secret: the state only matches one attempt). */
  readonly onDidPrepareAuthorizeUrl = this.prepared.event;
  private last: string | undefined;

  get lastAuthorizeUrl(): string | undefined {
    return this.last;
  }

  /** False when VS Code could not open it or the user declined to. */
  async open(authorizeUrl: string, openExternal: boolean): Promise<boolean> {
    this.last = authorizeUrl;
    this.prepared.fire(authorizeUrl);
    return openExternal ? vscode.env.openExternal(vscode.Uri.parse(authorizeUrl)) : true;
  }
}
