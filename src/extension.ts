import * as vscode from 'vscode';
import { Redactor } from './logging/redactor';
import { OutputLogger } from './logging/outputLogger';
import { registerCommands } from './commands/commandRegistry';
import { ShowLogsCommand } from './commands/showLogsCommand';
import { SignInCommand } from './commands/signInCommand';
import { SignOutCommand } from './commands/signOutCommand';
import { RotateTokenCommand } from './commands/rotateTokenCommand';
import { ShowTokenInfoCommand } from './commands/showTokenInfoCommand';
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
import { sidebarCommands } from './views/sidebarCommands';
import { OAuthSecretStorage } from './auth/oauthSecretStorage';
import { OAuthClientSecretStore } from './auth/oauthClientSecretStore';
import { OAuthCredentials } from './auth/oauthCredentials';
import { OAuthBrowser } from './auth/oauthBrowser';
import { OAuthSettings } from './auth/oauthSettings';
import { OAuthSignInFlow } from './auth/oauthSignInFlow';
import { FaxPlusAuthenticationProvider } from './auth/faxPlusAuthenticationProvider';
import { SignInWithOAuthCommand } from './commands/signInWithOAuthCommand';
import { ForgetOAuthClientCommand } from './commands/forgetOAuthClientCommand';
import { RunningTasks } from './commands/targets/runningTasks';
import { FaxViewerPanels } from './viewer/faxViewerPanels';
import { BalanceStatusBar } from './balance/balanceStatusBar';
import { itemActionCommands } from './commands/itemActionCommands';
import { createSendFaxFeature } from './sendFlow/sendFaxFeature';
import type { SendFlow } from './sendFlow/sendFlow';

/** What the integration tests reach through `extension.exports`; not a public API. */
export interface FaxPlusTestApi {
  readonly session: AuthSession;
  readonly contextKeys: ContextKeys;
  readonly statusBar: AuthStatusBar;
  readonly expiry: ExpiryMonitor;
  readonly unauthorizedPrompt: UnauthorizedPrompt;
  readonly refusals: UserNotifiedError[];
  readonly errors: ErrorPresenter;
  readonly gate: CommandGate;
  readonly clients: ClientProvider;
  readonly events: FaxEvents;
  readonly sidebar: Sidebar;
  readonly endpoints: EndpointSettings;
  readonly oauth: { readonly browser: OAuthBrowser; readonly credentials: OAuthCredentials; readonly provider: FaxPlusAuthenticationProvider };
  readonly viewers: FaxViewerPanels;
  readonly tasks: RunningTasks;
  readonly balance: BalanceStatusBar;
  readonly sendFlow: SendFlow;
}

/** Wires the parts together; each part owns its own behaviour. */
export function activate(context: vscode.ExtensionContext): FaxPlusTestApi {
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
  const errors = new ErrorPresenter(session, logger);
  const statusBar = new AuthStatusBar(session, () => Math.max(0, ...ExpiryMonitor.thresholds()));
  const expiry = new ExpiryMonitor(session, context.globalState, () => statusBar.refresh());
  const signInMessages = new SignInErrorMessages();
  const refusals: UserNotifiedError[] = [];
  const events = new FaxEvents();
  const sidebar = new Sidebar({ session, permissions, clients, errors, events, logger });
  const tasks = new RunningTasks();
  const viewers = new FaxViewerPanels(context.extensionUri);
  const balance = new BalanceStatusBar(session, permissions, clients, logger);
  const sendFax = createSendFaxFeature({ gate, session, clients, errors, events, logger, globalState: context.globalState, extensionUri: context.extensionUri });

  context.subscriptions.push(
    logger, endpoints, session, clients, contextKeys, statusBar, expiry, events, unauthorizedPrompt,
    oauthCredentials, oauthBrowser, oauthProvider, sidebar, tasks, viewers, balance,
    // A dead OAuth refresh token is a rejected credential: one "sign in again" prompt follows the state.
    oauthCredentials.onDidRequireSignIn(() => session.markRejected('unauthorized')),
    registerCommands([
      new ShowLogsCommand(logger),
      new SignInCommand(session, signInMessages),
      new SignOutCommand(session),
      new RotateTokenCommand(session, signInMessages),
      new ShowTokenInfoCommand(session),
      ...sidebarCommands(sidebar, gate),
      new SignInWithOAuthCommand(oauthFlow, oauthSettings, oauthClientSecrets),
      new ForgetOAuthClientCommand(session, oauthClientSecrets, oauthCredentials),
      ...sendFax.commands,
      ...itemActionCommands({ gate, clients, errors, events, tasks }, viewers, balance, vscode.Uri.joinPath(context.globalStorageUri, 'reports')),
    ], logger, (e) => refusals.push(e)),
  );

  // Restoring reads SecretStorage and globalState only; the network check runs in the background.
  void session.restore().then((state) => {
    if (state.status === 'signedIn') {
      void session.revalidate();
    }
  });
  logger.info(`Fax.Plus ${version} activated in VS Code ${vscode.version}`);
  return { session, contextKeys, statusBar, expiry, unauthorizedPrompt, refusals, errors, gate, clients, events, endpoints, sidebar,
    oauth: { browser: oauthBrowser, credentials: oauthCredentials, provider: oauthProvider }, viewers, tasks, balance, sendFlow: sendFax.flow };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
