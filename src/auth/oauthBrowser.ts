import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import { forwardedRedirectUsable, isForwardingRemote } from './remoteRedirect';

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

  /**
   * In a remote window, asks VS Code to forward the loopback port to this
   * computer (where the browser is). False when the forwarded address is not
   * the registered one, so the browser could never come back.
   */
  async reachable(redirectUri: string): Promise<boolean> {
    if (!isForwardingRemote(vscode.env.remoteName)) {
      return true;
    }
    const external = await vscode.env.asExternalUri(vscode.Uri.parse(redirectUri));
    return forwardedRedirectUsable(redirectUri, external.toString(true));
  }

  /** False when VS Code could not open it or the user declined to. */
  async open(authorizeUrl: string, openExternal: boolean): Promise<boolean> {
    this.last = authorizeUrl;
    this.prepared.fire(authorizeUrl);
    return openExternal ? vscode.env.openExternal(vscode.Uri.parse(authorizeUrl)) : true;
  }
}
