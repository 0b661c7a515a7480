import * as vscode from 'vscode';
import type { FaxPlusClient } from '../api/faxPlusClient';
import type { CredentialsProvider } from '../api/credentials';
import type { EndpointSettings } from '../config/endpointSettings';
import type { ClientFactory } from './clientFactory';
import { Disposable } from '../util/disposable';
import { affectsProxy } from '../config/proxySettings';

/**
 * Owns the one long-lived client the UI uses (one keep-alive pool) and
 * rebuilds it when the endpoint or proxy settings change.
 */
export class ClientProvider extends Disposable {
  private client: FaxPlusClient | undefined;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly factory: ClientFactory,
    private readonly credentials: CredentialsProvider,
    endpoints: EndpointSettings,
  ) {
    super();
    this.register(endpoints.onDidChange(() => this.rebuild()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsProxy(e)) {
          this.rebuild();
        }
      }),
    );
    this.register({ dispose: () => this.client?.dispose() });
  }

  /** The client; throws EndpointError when the configured API URL is not allowed. */
  get(): FaxPlusClient {
    this.client ??= this.factory.create(this.credentials);
    return this.client;
  }

  private rebuild(): void {
    this.client?.dispose();
    this.client = undefined;
    this.changed.fire();
  }
}
