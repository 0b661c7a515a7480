import * as vscode from 'vscode';
import { Redactor } from './logging/redactor';
import { OutputLogger } from './logging/outputLogger';
import { registerCommands } from './commands/commandRegistry';
import { EndpointSettings } from './config/endpointSettings';
import { ClientProvider } from './client/clientProvider';
import { ClientFactory } from './client/clientFactory';
import { SecretStore } from './auth/secretStore';
import { AuthSession } from './auth/authSession';
import { ApiTokenValidator } from './auth/apiTokenValidator';
import { CommandPermissions } from './auth/commandPermissions';
import { ContextKeys } from './auth/contextKeys';
import { CommandGate } from './auth/commandGate';
import { AuthStatusBar } from './auth/authStatusBar';
import { ExpiryMonitor } from './auth/expiryMonitor';
import { SignInErrorMessages } from './auth/signInErrorMessages';
import { UnauthorizedPrompt } from './errors/unauthorizedPrompt';
import { ErrorPresenter } from './errors/errorPresenter';
import type { UserNotifiedError } from './util/userNotifiedError';
import { FaxEvents } from './events/faxEvents';
import { Sidebar } from './views/sidebar';
import { OAuthSecretStorage } from './auth/oauthSecretStorage';
import { OAuthClientSecretStore } from './auth/oauthClientSecretStore';
import { OAuthCredentials } from './auth/oauthCredentials';
import { OAuthBrowser } from './auth/oauthBrowser';
import { OAuthSettings } from './auth/oauthSettings';
import { OAuthSignInFlow } from './auth/oauthSignInFlow';
import { FaxPlusAuthenticationProvider } from './auth/faxPlusAuthenticationProvider';
import { RunningTasks } from './commands/targets/runningTasks';
import { FaxViewerPanels } from './viewer/faxViewerPanels';
import { BalanceStatusBar } from './balance/balanceStatusBar';
import { allCommands } from './commands/allCommands';
import { createSendFaxFeature } from './sendFlow/sendFaxFeature';
import { QuickInputPrompter } from './sendFlow/quickInputPrompter';
import { NotificationProgressUi, type ProgressUi } from './sendFlow/progressUi';
import type { Prompter } from './sendFlow/prompter';
import { switchablePort } from './util/switchablePort';
import { extensionExports, type FaxPlusTestApi } from './extensionExports';
import { shareL10nBundle } from './l10n/vscodeFreeBundle';
import { FaxViewerSerializer } from './viewer/faxViewerSerializer';
import { registerChatTools } from './chat/registerChatTools';

/** How long a command waits for the session's start-up check (restore, token validation) before judging it signed out. */
const SESSION_CHECK_WAIT_MS = 15_000;

/** Wires the parts together; each part owns its own behaviour. */
export function activate(context: vscode.ExtensionContext): FaxPlusTestApi | undefined {
  shareL10nBundle();
  const version = context.extension.packageJSON.version as string;
  const redactor = new Redactor();
  const logger = new OutputLogger(redactor);
  const endpoints = new EndpointSettings();
  const secrets = new SecretStore(context.secrets);
  const userAgent = `faxplus-vscode/${version} (VS Code ${vscode.version}; node ${process.version})`;

  const clientFactory = new ClientFactory(endpoints, logger, userAgent);
  const session = new AuthSession(secrets, context.globalState, new ApiTokenValidator(clientFactory), redactor, logger);
  const clients = new ClientProvider(clientFactory, session, endpoints);
  const oauthClientSecrets = new OAuthClientSecretStore(secrets, redactor);
  const oauthCredentials = new OAuthCredentials(new OAuthSecretStorage(secrets, redactor), oauthClientSecrets, endpoints, secrets, logger);
  session.useOAuth(oauthCredentials);
  const oauthBrowser = new OAuthBrowser();
  const oauthSettings = new OAuthSettings();
  const oauthFlow = new OAuthSignInFlow(endpoints, oauthBrowser, oauthCredentials, oauthClientSecrets, session, redactor, logger);
  const oauthProvider = new FaxPlusAuthenticationProvider(oauthCredentials, session);

  const permissions = new CommandPermissions();
  const contextKeys = new ContextKeys(session, permissions);
  const gate = new CommandGate(session, permissions);
  const unauthorizedPrompt = new UnauthorizedPrompt(session);
  const errors = new ErrorPresenter(logger);
  const statusBar = new AuthStatusBar(session, permissions, () => Math.max(0, ...ExpiryMonitor.thresholds()), () => endpoints.describeOverrides());
  const expiry = new ExpiryMonitor(session, context.globalState, () => statusBar.refresh());
  const signInMessages = new SignInErrorMessages();
  const refusals: UserNotifiedError[] = [];
  const events = new FaxEvents();
  const sidebar = new Sidebar({ session, permissions, clients, errors, events, logger });
  const tasks = new RunningTasks();
  const viewers = new FaxViewerPanels(context.extensionUri);
  const viewerSerializer = new FaxViewerSerializer(viewers, session, clients, errors, logger);
  const balance = new BalanceStatusBar(session, permissions, clients, logger, sidebar.activity, events.onDidSendFax);
  // Only the integration host may swap the send questions and progress for scripted ones.
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  const prompter = switchablePort<Prompter>(new QuickInputPrompter(context.extensionUri));
  const progressUi = switchablePort<ProgressUi>(new NotificationProgressUi());
  const sendFax = createSendFaxFeature({ gate, session, clients, errors, events, logger, globalState: context.globalState, extensionUri: context.extensionUri },
    testMode ? { prompter: prompter.port, progressUi: progressUi.port } : undefined);

  context.subscriptions.push(
    logger, endpoints, session, clients, contextKeys, statusBar, expiry, events, unauthorizedPrompt,
    oauthCredentials, oauthBrowser, oauthProvider, sidebar, tasks, viewers, viewerSerializer, balance, sendFax.watches,
    registerCommands(allCommands({
      services: { gate, clients, errors, events, tasks },
      logger, session, signInMessages, sidebar, viewers, balance,
      oauth: { flow: oauthFlow, settings: oauthSettings, clientSecrets: oauthClientSecrets, credentials: oauthCredentials },
      sendFlow: sendFax.flow,
      sendOutcomes: sendFax.outcomes,
      recentRecipients: sendFax.recent,
      reportsFolder: vscode.Uri.joinPath(context.globalStorageUri, 'reports'),
      endpointOverrides: () => endpoints.describeOverrides(),
    }), logger, (e) => refusals.push(e), () => session.whenSettled(SESSION_CHECK_WAIT_MS)),
  );
  context.subscriptions.push(registerChatTools({ gate, clients, errors, logger, sendFax, globalState: context.globalState, globalStorage: context.globalStorageUri }));

  // Restoring reads SecretStorage and globalState only; the network check runs in the background.
  void session.restore().then((state) => {
    if (state.status === 'signedIn') {
      void session.revalidate();
    }
  });
  logger.info(`Fax.Plus ${version} activated in VS Code ${vscode.version}`);
  const overrides = endpoints.describeOverrides();
  if (overrides) {
    logger.warn(overrides);
  }
  return extensionExports(context.extensionMode, () => ({ session, contextKeys, statusBar, expiry, unauthorizedPrompt, refusals, errors, gate, clients, events,
    endpoints, sidebar, oauth: { browser: oauthBrowser, credentials: oauthCredentials, provider: oauthProvider }, viewers, viewerSerializer, tasks, balance,
    sendFlow: sendFax.flow, creationWatches: sendFax.watches, sendUi: { usePrompter: (p) => prompter.use(p), useProgress: (p) => progressUi.use(p) } }));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
