import * as vscode from 'vscode';
import type { SecretStore } from './auth/secretStore';
import type { AuthSession } from './auth/authSession';
import type { ContextKeys } from './auth/contextKeys';
import type { AuthStatusBar } from './auth/authStatusBar';
import type { ExpiryMonitor } from './auth/expiryMonitor';
import type { RecordingNotifier } from './util/recordingNotifier';
import type { ErrorPresenter } from './errors/errorPresenter';
import type { CommandGate } from './auth/commandGate';
import type { ClientProvider } from './client/clientProvider';
import type { FaxEvents } from './events/faxEvents';
import type { Sidebar } from './views/sidebar';
import type { EndpointSettings } from './config/endpointSettings';
import type { OAuthBrowser } from './auth/oauthBrowser';
import type { OAuthCredentials } from './auth/oauthCredentials';
import type { FaxPlusAuthenticationProvider } from './auth/faxPlusAuthenticationProvider';
import type { CreationWatches } from './sendFlow/creationWatches';
import type { FaxViewerSerializer } from './viewer/faxViewerSerializer';
import type { FaxViewerPanels } from './viewer/faxViewerPanels';
import type { RunningTasks } from './commands/targets/runningTasks';
import type { BalanceStatusBar } from './balance/balanceStatusBar';
import type { SendFlow } from './sendFlow/sendFlow';
import type { Prompter } from './sendFlow/prompter';
import type { ProgressUi } from './sendFlow/progressUi';
import type { AddressBook } from './contacts/addressBook';
import type { ReceiptsFeature } from './faxHistory/receiptsFeature';
import type { Wiring } from './activation/activationShell';

/** What the integration tests reach through `extension.exports`; not a public API. */
export interface FaxPlusTestApi {
  readonly session: AuthSession;
  readonly contextKeys: ContextKeys;
  readonly statusBar: AuthStatusBar;
  readonly expiry: ExpiryMonitor;
  /** Everything the person was told or asked in notifications (`history`) and what is still on screen (`pending`), recorded only in the test host. */
  readonly notifications: Pick<RecordingNotifier, 'history' | 'pending'>;
  readonly errors: ErrorPresenter;
  readonly gate: CommandGate;
  readonly clients: ClientProvider;
  readonly events: FaxEvents;
  readonly sidebar: Sidebar;
  readonly endpoints: EndpointSettings;
  readonly oauth: {
    readonly browser: OAuthBrowser;
    readonly credentials: OAuthCredentials;
    readonly provider: FaxPlusAuthenticationProvider;
  };
  readonly viewers: FaxViewerPanels;
  readonly viewerSerializer: FaxViewerSerializer;
  readonly tasks: RunningTasks;
  readonly balance: BalanceStatusBar;
  readonly sendFlow: SendFlow;
  readonly creationWatches: CreationWatches;
  readonly contacts: AddressBook;
  readonly receipts: ReceiptsFeature;
  /** What first used the extension (and wired the rest after activation) and what wiring took: the bench reports it. */
  readonly wiring: Wiring | undefined;
  /** What the extension keeps in SecretStorage: tests check what is kept and that a sign-out deletes it. */
  readonly secrets: SecretStore;
  /** Replace the send questions / progress with scripted ones until disposed. */
  readonly sendUi: { usePrompter(prompter: Prompter): vscode.Disposable; useProgress(progressUi: ProgressUi): vscode.Disposable };
}

/**
 * What `activate()` returns. Only the integration host (ExtensionMode.Test) gets
 * the internals; in Production and Development another extension calling
 * `getExtension(...).exports` gets nothing, so no credential is reachable that way.
 * The surface is built when a test first reads a member, not at activation, so
 * activation in the test host costs what it costs for a person.
 */
export function extensionExports(mode: vscode.ExtensionMode, surface: () => FaxPlusTestApi): FaxPlusTestApi | undefined {
  if (mode !== vscode.ExtensionMode.Test) return undefined;
  let built: FaxPlusTestApi | undefined;
  return new Proxy({} as FaxPlusTestApi, {
    // VS Code resolves activate()'s promise with this object, which reads `then`: that builds nothing.
    get: (_target, member) => (typeof member === 'string' && member !== 'then' ? Reflect.get((built ??= surface()), member) : undefined),
  });
}
