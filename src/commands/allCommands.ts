import type * as vscode from 'vscode';
import type { Command } from './command';
import type { ActionServices } from './targets/actionServices';
import type { FaxViewerPanels } from '../viewer/faxViewerPanels';
import type { BalanceStatusBar } from '../balance/balanceStatusBar';
import type { AuthSession } from '../auth/authSession';
import { SignInErrorMessages } from '../auth/signInErrorMessages';
import { OAuthSignInFlow } from '../auth/oauthSignInFlow';
import type { OAuthBrowser } from '../auth/oauthBrowser';
import type { EndpointSettings } from '../config/endpointSettings';
import type { Redactor } from '../logging/redactor';
import type { OAuthSettings } from '../auth/oauthSettings';
import type { OAuthClientSecretStore } from '../auth/oauthClientSecretStore';
import type { OAuthCredentials } from '../auth/oauthCredentials';
import type { OutputLogger } from '../logging/outputLogger';
import type { Sidebar } from '../views/sidebar';
import type { SendFlow } from '../sendFlow/sendFlow';
import type { RecentRecipients } from '../send/recentRecipients';
import { ShowLogsCommand } from './showLogsCommand';
import { SignInCommand } from './signInCommand';
import { SignOutCommand } from './signOutCommand';
import { RotateTokenCommand } from './rotateTokenCommand';
import type { SendOutcomes } from '../sendFlow/sendOutcomes';
import { SendSelectionCommand } from './sendSelectionCommand';
import { ShowTokenInfoCommand } from './showTokenInfoCommand';
import { BuyNumberCommand } from './buyNumberCommand';
import { EditAccountCommand } from './editAccountCommand';
import { SignInWithOAuthCommand } from './signInWithOAuthCommand';
import { ForgetOAuthClientCommand } from './forgetOAuthClientCommand';
import { RefreshCommand } from './refreshCommand';
import { RefreshViewCommand } from './refreshViewCommand';
import { LoadMoreCommand } from './loadMoreCommand';
import { SendFaxCommand } from './sendFaxCommand';
import { ClearRecentRecipientsCommand } from './clearRecentRecipientsCommand';
import { OpenFaxCommand } from './openFaxCommand';
import { DownloadFaxCommand } from './downloadFaxCommand';
import { OpenReportCommand } from './openReportCommand';
import { MarkReadCommand } from './markReadCommand';
import { MarkUnreadCommand } from './markUnreadCommand';
import { DeleteFaxCommand } from './deleteFaxCommand';
import { EditCommentCommand } from './editCommentCommand';
import { CancelFaxCommand } from './cancelFaxCommand';
import { ResendFaxCommand } from './resendFaxCommand';
import { CopyNumberCommand } from './copyNumberCommand';
import { AssignNumberCommand } from './assignNumberCommand';
import { RevokeNumberCommand } from './revokeNumberCommand';
import { EditMemberCommand } from './editMemberCommand';
import { ManageWebhooksCommand } from './manageWebhooksCommand';
import { ShowBalanceCommand } from './showBalanceCommand';
import { COMMANDS } from '../manifest/commandIds';
import type { AddressBook } from '../contacts/addressBook';
import { AddContactCommand } from './contacts/addContactCommand';
import { EditContactCommand } from './contacts/editContactCommand';
import { DeleteContactCommand } from './contacts/deleteContactCommand';
import { SaveAsContactCommand } from './contacts/saveAsContactCommand';
import { ImportContactsCommand } from './contacts/importContactsCommand';
import { ExportContactsCommand } from './contacts/exportContactsCommand';
import { ShowContactsCommand } from './contacts/showContactsCommand';
import { ClearFilterCommand, FilterFaxesCommand } from './filterFaxesCommand';
import { ShowFaxHistoryCommand } from './showFaxHistoryCommand';
import { OpenChatAuditLogCommand } from './openChatAuditLogCommand';
import type { ReceiptBook } from '../faxHistory/receiptBook';

/**
 * Everything a command may be built with; feature modules provide these, only this file builds commands
 * (and the two parts only commands use: the sign-in error messages and the OAuth sign-in flow, so they load with them).
 */
export interface CommandDependencies {
  readonly services: ActionServices;
  readonly logger: OutputLogger;
  readonly session: AuthSession;
  readonly redactor: Redactor;
  readonly endpoints: EndpointSettings;
  /** The OAuth parts activation needs too (restore, refresh, the authentication provider); the sign-in flow is built here, on first use. */
  readonly oauth: {
    readonly browser: OAuthBrowser;
    readonly settings: OAuthSettings;
    readonly clientSecrets: OAuthClientSecretStore;
    readonly credentials: OAuthCredentials;
  };
  readonly sidebar: Sidebar;
  readonly sendFlow: SendFlow;
  /** The never-twice judgement of a failed POST /outbox, shared by Send and Resend. */
  readonly sendOutcomes: Pick<SendOutcomes, 'settleCreateFailure' | 'announce'>;
  readonly recentRecipients: RecentRecipients;
  readonly viewers: FaxViewerPanels;
  readonly balance: BalanceStatusBar;
  readonly reportsFolder: vscode.Uri;
  readonly contacts: AddressBook;
  /** The receipts of faxes sent from this editor (Show Fax History). */
  readonly receipts: ReceiptBook;
  /** The chat tools' JSON-lines audit log. */
  readonly chatAuditFile: string;
}

/** Every contributed command, in one list: the one place to look for where a command is wired. */
export function allCommands(deps: CommandDependencies): Command[] {
  const { services, session, sidebar, oauth } = deps;
  const { gate } = services;
  const signInMessages = new SignInErrorMessages();
  const oauthFlow = new OAuthSignInFlow(
    deps.endpoints,
    oauth.browser,
    oauth.credentials,
    oauth.clientSecrets,
    session,
    deps.redactor,
    deps.logger,
  );
  const editContact = new EditContactCommand(deps.contacts, services.notifier);
  const deleteContact = new DeleteContactCommand(deps.contacts, services.notifier);
  return [
    // Account
    new ShowLogsCommand(deps.logger),
    new SignInCommand(session, signInMessages, services.notifier),
    new SignOutCommand(session, services.notifier),
    new RotateTokenCommand(session, signInMessages, services.notifier),
    new ShowTokenInfoCommand(session, services.notifier, () => deps.endpoints.describeOverrides()),
    new SignInWithOAuthCommand(oauthFlow, oauth.settings, oauth.clientSecrets, services.notifier),
    new ForgetOAuthClientCommand(session, oauth.clientSecrets, oauth.credentials, services.notifier),
    // Sidebar: refresh all, refresh one view (by argument, or one command per view title button), load more
    new RefreshCommand(sidebar, gate),
    new RefreshViewCommand(COMMANDS.refreshView, sidebar, gate),
    new RefreshViewCommand(COMMANDS.refreshOutbox, sidebar, gate, 'outbox'),
    new RefreshViewCommand(COMMANDS.refreshInbox, sidebar, gate, 'inbox'),
    new RefreshViewCommand(COMMANDS.refreshSent, sidebar, gate, 'sent'),
    new RefreshViewCommand(COMMANDS.refreshSpam, sidebar, gate, 'spam'),
    new RefreshViewCommand(COMMANDS.refreshNumbers, sidebar, gate, 'numbers'),
    new RefreshViewCommand(COMMANDS.refreshMembers, sidebar, gate, 'members'),
    new LoadMoreCommand(sidebar, gate),
    // Send as fax
    new SendFaxCommand(deps.sendFlow),
    new SendSelectionCommand(deps.sendFlow, services.notifier),
    new ClearRecentRecipientsCommand(deps.recentRecipients, services.notifier),
    // Actions on sidebar items (and their palette forms)
    new OpenFaxCommand(services, deps.viewers),
    new DownloadFaxCommand(services),
    new OpenReportCommand(services, deps.reportsFolder),
    new MarkReadCommand(services),
    new MarkUnreadCommand(services),
    new DeleteFaxCommand(services),
    new EditCommentCommand(services),
    new CancelFaxCommand(services),
    new ResendFaxCommand(services, deps.sendOutcomes),
    new CopyNumberCommand(services),
    new AssignNumberCommand(services),
    new RevokeNumberCommand(services),
    new EditMemberCommand(services),
    new ManageWebhooksCommand(services),
    new ShowBalanceCommand(services, deps.balance),
    // Shop and own account
    new BuyNumberCommand(services, deps.balance, sidebar, deps.logger),
    new EditAccountCommand(services, session),
    // Address book (no API call: kept in the extension's global storage)
    new ShowContactsCommand(deps.contacts, editContact, deleteContact, services.notifier),
    new AddContactCommand(deps.contacts, services.notifier),
    editContact,
    deleteContact,
    new SaveAsContactCommand(deps.contacts, services.notifier),
    new ImportContactsCommand(deps.contacts, services.notifier),
    new ExportContactsCommand(deps.contacts, services.notifier),
    // Find faxes: the Inbox and Sent title bars
    new FilterFaxesCommand(COMMANDS.filterInbox, 'inbox', sidebar, deps.contacts, services.notifier),
    new FilterFaxesCommand(COMMANDS.filterSent, 'sent', sidebar, deps.contacts, services.notifier),
    new ClearFilterCommand(COMMANDS.clearInboxFilter, 'inbox', sidebar),
    new ClearFilterCommand(COMMANDS.clearSentFilter, 'sent', sidebar),
    // Receipts of faxes sent from the editor
    new ShowFaxHistoryCommand(deps.receipts, services.notifier),
    // The chat tools' record (the tools themselves: chat/chatToolsOnDemand.ts)
    new OpenChatAuditLogCommand(deps.chatAuditFile, services.notifier),
  ];
}
