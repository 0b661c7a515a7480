import * as vscode from 'vscode';
import { Redactor } from './logging/redactor';
import { OutputLogger } from './logging/outputLogger';
import { commandRunner } from './commands/commandRunner';
import { deferredCommands } from './commands/deferredCommands';
import { EndpointSettings } from './config/endpointSettings';
import { ClientProvider } from './client/clientProvider';
import { ClientFactory } from './client/clientFactory';
import { SecretStore } from './auth/secretStore';
import { StoredFirstPage } from './views/storedFirstPage';
import { AuthSession } from './auth/authSession';
import { ApiTokenValidator } from './auth/apiTokenValidator';
import { CommandPermissions } from './auth/commandPermissions';
import { ContextKeys } from './auth/contextKeys';
import { CommandGate } from './auth/commandGate';
import { AuthStatusBar } from './auth/authStatusBar';
import { ExpiryMonitor } from './auth/expiryMonitor';
import { UnauthorizedPrompt } from './errors/unauthorizedPrompt';
import { ErrorPresenter } from './errors/errorPresenter';
import type { Notifier } from './util/notifier';
import { WindowNotifier } from './util/windowNotifier';
import { RecordingNotifier } from './util/recordingNotifier';
import { FaxEvents } from './events/faxEvents';
import { Sidebar } from './views/sidebar';
import { OAuthSecretStorage } from './auth/oauthSecretStorage';
import { OAuthClientSecretStore } from './auth/oauthClientSecretStore';
import { OAuthCredentials } from './auth/oauthCredentials';
import { OAuthBrowser } from './auth/oauthBrowser';
import { OAuthSettings } from './auth/oauthSettings';
import { FaxPlusAuthenticationProvider } from './auth/faxPlusAuthenticationProvider';
import { RunningTasks } from './commands/targets/runningTasks';
import { FaxViewerPanels } from './viewer/faxViewerPanels';
import { BalanceStatusBar } from './balance/balanceStatusBar';
import { DeferredSendFaxFeature } from './sendFlow/deferredSendFaxFeature';
import type { FaxPlusTestApi } from './extensionExports';
import { shareL10nBundle } from './l10n/vscodeFreeBundle';
import { FaxViewerSerializer } from './viewer/faxViewerSerializer';
import { AddressBook } from './contacts/addressBook';
import { StorageFile } from './util/storageFile';
import { SendSettings } from './sendFlow/sendSettings';
import { ReceiptsFeature } from './faxHistory/receiptsFeature';
import { ChatToolsOnDemand } from './chat/chatToolsOnDemand';
import type { ExtensionParts, Wiring } from './activation/activationShell';
import type { SidebarTreeViews } from './views/sidebarTreeViews';

/** How long a command waits for the session's start-up check (restore, token validation) before judging it signed out. */
const SESSION_CHECK_WAIT_MS = 15_000;

/** The extension, wired: what activation hands VS Code's calls to, and what the integration tests reach. */
export interface WiredExtension {
  readonly parts: ExtensionParts;
  readonly testApi: FaxPlusTestApi;
}

/**
 * Wires the parts together; each part owns its own behaviour. Activation registers
 * only what the manifest contributes (activation/activationShell.ts) and calls this
 * on first use (dist/main.js); the commands, "Send as fax", the API client, undici
 * and libphonenumber-js load later still, on their own first use (docs/ARCHITECTURE.md,
 * "Bundles").
 */
export function wireExtension(
  context: vscode.ExtensionContext,
  treeViews: SidebarTreeViews,
  /** What first used the extension and what wiring took, known once this returns. */
  wiring: () => Wiring | undefined,
): WiredExtension {
  shareL10nBundle();
  const version = context.extension.packageJSON.version as string;
  const redactor = new Redactor();
  const logger = new OutputLogger(redactor);
  const endpoints = new EndpointSettings();
  const secrets = new SecretStore(context.secrets);
  const userAgent = `faxplus-vscode/${version} (VS Code ${vscode.version}; node ${process.version})`;
  // Only the integration host records what the person is told; production keeps no history.
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  const windowNotifier = new WindowNotifier();
  const recorder = new RecordingNotifier(windowNotifier);
  const notifier: Notifier = testMode ? recorder : windowNotifier;

  const clientFactory = new ClientFactory(endpoints, logger, userAgent);
  const session = new AuthSession(secrets, context.globalState, new ApiTokenValidator(clientFactory), redactor, logger);
  const clients = new ClientProvider(clientFactory, session, endpoints);
  const oauthClientSecrets = new OAuthClientSecretStore(secrets, redactor);
  const oauthCredentials = new OAuthCredentials(
    new OAuthSecretStorage(secrets, redactor),
    oauthClientSecrets,
    endpoints,
    secrets,
    logger,
    notifier,
  );
  session.useOAuth(oauthCredentials);
  const oauthBrowser = new OAuthBrowser();
  const oauthSettings = new OAuthSettings();
  const oauthProvider = new FaxPlusAuthenticationProvider(oauthCredentials, session);

  const permissions = new CommandPermissions();
  const contextKeys = new ContextKeys(session, permissions);
  const gate = new CommandGate(session, permissions, notifier);
  const unauthorizedPrompt = new UnauthorizedPrompt(session, notifier);
  const errors = new ErrorPresenter(logger, notifier);
  const statusBar = new AuthStatusBar(
    session,
    permissions,
    () => Math.max(0, ...ExpiryMonitor.thresholds()),
    () => endpoints.describeOverrides(),
  );
  const expiry = new ExpiryMonitor(session, context.globalState, notifier, () => statusBar.refresh());
  const events = new FaxEvents();
  // A file, not globalState: an imported address book can hold thousands of entries, and globalState is read
  // by every window at start-up; a file is written only when contacts change and can be backed up or removed.
  const contacts = new AddressBook(new StorageFile(vscode.Uri.joinPath(context.globalStorageUri, 'contacts.json')), () =>
    new SendSettings().defaultRegion(),
  );
  void contacts.load().then(() => contacts.problem && logger.warn(`The address book could not be read: ${contacts.problem}`));
  const inboxCopy = new StoredFirstPage(secrets, session, logger);
  const sidebar = new Sidebar({ treeViews, session, permissions, clients, errors, events, logger, notifier, contacts, inboxCopy });
  const tasks = new RunningTasks();
  const viewers = new FaxViewerPanels(context.extensionUri);
  const viewerSerializer = new FaxViewerSerializer(viewers, session, clients, errors, logger);
  const balance = new BalanceStatusBar(session, permissions, clients, logger, sidebar.activity, events.onDidSendFax);
  // Only the integration host may swap the send questions and progress for scripted ones.
  const sendFax = new DeferredSendFaxFeature(
    {
      gate,
      session,
      clients,
      errors,
      events,
      logger,
      notifier,
      globalState: context.globalState,
      extensionUri: context.extensionUri,
      contacts,
    },
    testMode,
  );
  const chatAuditFile = vscode.Uri.joinPath(context.globalStorageUri, 'chat-audit.jsonl').fsPath;
  const receipts = new ReceiptsFeature({
    clients,
    session,
    events,
    logger,
    settled: sidebar.tracker.onDidSettle,
    globalStorage: context.globalStorageUri,
  });

  context.subscriptions.push(
    logger,
    endpoints,
    session,
    clients,
    contextKeys,
    statusBar,
    expiry,
    events,
    unauthorizedPrompt,
    oauthCredentials,
    oauthBrowser,
    oauthProvider,
    inboxCopy,
    sidebar,
    tasks,
    viewers,
    viewerSerializer,
    balance,
    sendFax,
    receipts,
  );
  const runCommand = commandRunner(
    deferredCommands(() => ({
      services: { gate, clients, errors, notifier, events, tasks },
      logger,
      session,
      redactor,
      endpoints,
      sidebar,
      viewers,
      balance,
      oauth: { browser: oauthBrowser, settings: oauthSettings, clientSecrets: oauthClientSecrets, credentials: oauthCredentials },
      sendFlow: sendFax.get().flow,
      sendOutcomes: sendFax.get().outcomes,
      recentRecipients: sendFax.get().recent,
      reportsFolder: vscode.Uri.joinPath(context.globalStorageUri, 'reports'),
      contacts,
      receipts: receipts.book,
      chatAuditFile,
    })),
    logger,
    () => session.whenSettled(SESSION_CHECK_WAIT_MS),
  );
  const chatTools = new ChatToolsOnDemand({
    gate,
    clients,
    errors,
    logger,
    events,
    sendFax,
    globalState: context.globalState,
    globalStorage: context.globalStorageUri,
    auditFile: chatAuditFile,
  });
  context.subscriptions.push(chatTools);

  // Restoring reads SecretStorage and globalState only; the network check runs in the background.
  void session.restore().then((state) => {
    if (state.status === 'signedIn') {
      void session.revalidate();
    }
  });
  queueMicrotask(() => {
    const wired = wiring();
    logger.info(
      `Fax.Plus ${version} started in VS Code ${vscode.version}` +
        (wired ? `: first used by ${wired.firstUse}, wired in ${wired.ms.toFixed(0)} ms` : ''),
    );
  });
  const overrides = endpoints.describeOverrides();
  if (overrides) {
    logger.warn(overrides);
  }
  const testApi: FaxPlusTestApi = {
    session,
    contextKeys,
    statusBar,
    expiry,
    notifications: recorder,
    errors,
    gate,
    clients,
    events,
    endpoints,
    sidebar,
    oauth: { browser: oauthBrowser, credentials: oauthCredentials, provider: oauthProvider },
    viewers,
    viewerSerializer,
    tasks,
    balance,
    get sendFlow() {
      return sendFax.get().flow;
    },
    get creationWatches() {
      return sendFax.get().watches;
    },
    contacts,
    receipts,
    secrets,
    get wiring() {
      return wiring();
    },
    sendUi: { usePrompter: (p) => sendFax.usePrompter(p), useProgress: (p) => sendFax.useProgress(p) },
  };
  return {
    parts: {
      runCommand,
      viewerSerializer,
      authenticationProvider: oauthProvider,
      fileDecorations: receipts.decorations,
      chatTools,
    },
    testApi,
  };
}
