import { isPermitted, scopesThatPermit } from '../api/scopes';
import { OPERATIONS, type OperationId } from '../api/operations';

/**
 * Which API operations each command calls. A command may run when the token
 * permits every one of them (docs/ARCHITECTURE.md, "Scopes"). The README's "command → scopes" table
 * is generated from this map, and a unit test keeps the two in agreement.
 */
export const COMMAND_OPERATIONS: Readonly<Record<string, readonly OperationId[]>> = {
  'faxplus.showTokenInfo': ['getTokenInfo'],
  'faxplus.refresh': [],
  'faxplus.refreshView': [],
  'faxplus.refreshOutbox': [],
  'faxplus.refreshInbox': [],
  'faxplus.refreshSent': [],
  'faxplus.refreshSpam': [],
  'faxplus.refreshNumbers': [],
  'faxplus.refreshMembers': [],
  'faxplus.loadMore': ['listFaxes'],
  'faxplus.view.outbox': ['listOutboxFaxes'],
  'faxplus.view.inbox': ['listFaxes'],
  'faxplus.view.sent': ['listFaxes'],
  'faxplus.view.spam': ['listFaxes'],
  'faxplus.view.numbers': ['listNumbers'],
  'faxplus.view.members': ['getAccounts'],
  // Send as fax (src/sendFlow): listNumbers is optional, so it is not required here.
  'faxplus.sendFax': ['uploadFile', 'sendFax'],
  'faxplus.sendSelection': ['uploadFile', 'sendFax'],
  // Sidebar item actions (src/commands/*Command.ts): every operation each may call, quick picks included.
  'faxplus.openFax': ['listFaxes', 'getFax', 'getFile'],
  'faxplus.downloadFax': ['listFaxes', 'getFile'],
  'faxplus.openReport': ['listFaxes', 'getFaxReport'],
  'faxplus.markRead': ['listFaxes', 'getFax', 'updateFax'],
  'faxplus.markUnread': ['listFaxes', 'getFax', 'updateFax'],
  'faxplus.deleteFax': ['listFaxes', 'deleteFax'],
  'faxplus.editComment': ['listFaxes', 'getFax', 'updateFax'],
  'faxplus.cancelFax': ['listOutboxFaxes', 'deleteOutboxFax'],
  'faxplus.resendFax': ['listFaxes', 'getFax', 'getFile', 'uploadFile', 'sendFax'],
  'faxplus.copyNumber': ['listNumbers'],
  'faxplus.assignNumber': ['listNumbers', 'getAccounts', 'updateNumber', 'updateNumberPost'],
  'faxplus.revokeNumber': ['listNumbers', 'getNumber', 'getAccounts', 'revokeNumber'],
  'faxplus.editMember': ['getAccounts', 'getMemberDetails', 'updateMemberDetails'],
  'faxplus.manageWebhooks': ['getWebhooks', 'createWebhook', 'deleteWebhook'],
  'faxplus.showBalance': ['getBalance'],
  // Buy a Fax Number…: browsing alone (its menus show for this) and the whole purchase.
  'faxplus.shop.browse': ['listCountries', 'listAreas', 'listShopNumbers'],
  'faxplus.buyNumber': ['listCountries', 'listAreas', 'listShopNumbers', 'purchaseNumber'],
  // The signed-in person's own details: shown in the account tooltip and Show Token Info, edited by Edit My Account.
  'faxplus.account.details': ['getUser'],
  'faxplus.editAccount': ['getUser', 'updateUser'],
  // The address book lives in the extension's storage, and filters work over loaded faxes: no API call.
  'faxplus.showContacts': [],
  'faxplus.addContact': [],
  'faxplus.editContact': [],
  'faxplus.deleteContact': [],
  'faxplus.saveAsContact': [],
  'faxplus.importContacts': [],
  'faxplus.exportContacts': [],
  'faxplus.filterInbox': [],
  'faxplus.filterSent': [],
  'faxplus.clearInboxFilter': [],
  'faxplus.clearSentFilter': [],
  // The chat tools (src/chat): read-only ones here; faxplus_prepareFax and faxplus_sendFax use faxplus.sendFax.
  'faxplus.chat.listFaxes': ['listFaxes'],
  'faxplus.chat.listOutbox': ['listOutboxFaxes'],
  'faxplus.chat.getFax': ['getFax'],
  'faxplus.chat.faxStatus': ['listOutboxFaxes', 'getFax', 'listFaxes'],
  'faxplus.openChatAuditLog': [],
};

export type PermittedScopesLookup = (operationId: string) => readonly string[];

/** The operation table's permitted scopes (the spec's x-permitted-scopes). */
export const permittedScopesOf: PermittedScopesLookup = (operationId) => {
  const descriptor = OPERATIONS[operationId as OperationId];
  if (!descriptor) {
    throw new Error(`Unknown operation ${operationId}`);
  }
  return descriptor.permittedScopes;
};

export interface PermissionVerdict {
  readonly allowed: boolean;
  /** The operations the token may not call. */
  readonly refusedOperations: readonly string[];
  /** For each refused operation, the narrowest scopes that would permit it. */
  readonly wouldPermit: readonly (readonly string[])[];
}

/** Decides whether a token may run a command; pure so it is unit tested. */
export class CommandPermissions {
  constructor(
    private readonly scopesOf: PermittedScopesLookup = permittedScopesOf,
    private readonly commandOperations: Readonly<Record<string, readonly string[]>> = COMMAND_OPERATIONS,
  ) {}

  operationsOf(commandId: string): readonly string[] {
    const ops = this.commandOperations[commandId];
    if (!ops) {
      throw new Error(`No operations are declared for ${commandId}`);
    }
    return ops;
  }

  verdict(commandId: string, tokenScopes: readonly string[]): PermissionVerdict {
    const refused = this.operationsOf(commandId).filter((op) => !isPermitted(tokenScopes, this.scopesOf(op)));
    return {
      allowed: refused.length === 0,
      refusedOperations: refused,
      wouldPermit: refused.map((op) => scopesThatPermit(this.scopesOf(op))),
    };
  }

  /** The scopes that would permit the whole command: for each operation, any one of its scopes. */
  requirements(commandId: string): string[][] {
    return this.operationsOf(commandId).map((op) => scopesThatPermit(this.scopesOf(op)));
  }

  /** Context-key name used in `when` clauses: faxplus.can.<command without prefix>. */
  static contextKey(commandId: string): string {
    return `faxplus.can.${commandId.replace(/^faxplus\./, '')}`;
  }

  get commandIds(): string[] {
    return Object.keys(this.commandOperations);
  }
}
