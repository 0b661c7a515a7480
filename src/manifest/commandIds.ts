/**
 * The id of every command this extension contributes, as declared in package.json
 * (a unit test keeps the two equal). Code names commands only through these constants.
 */
export const COMMANDS = {
  signIn: 'faxplus.signIn',
  signOut: 'faxplus.signOut',
  rotateToken: 'faxplus.rotateToken',
  showTokenInfo: 'faxplus.showTokenInfo',
  showLogs: 'faxplus.showLogs',
  signInWithOAuth: 'faxplus.signInWithOAuth',
  forgetOAuthClient: 'faxplus.forgetOAuthClient',
  refresh: 'faxplus.refresh',
  refreshView: 'faxplus.refreshView',
  refreshOutbox: 'faxplus.refreshOutbox',
  refreshInbox: 'faxplus.refreshInbox',
  refreshSent: 'faxplus.refreshSent',
  refreshSpam: 'faxplus.refreshSpam',
  refreshNumbers: 'faxplus.refreshNumbers',
  refreshMembers: 'faxplus.refreshMembers',
  loadMore: 'faxplus.loadMore',
  openFax: 'faxplus.openFax',
  downloadFax: 'faxplus.downloadFax',
  openReport: 'faxplus.openReport',
  markRead: 'faxplus.markRead',
  markUnread: 'faxplus.markUnread',
  deleteFax: 'faxplus.deleteFax',
  editComment: 'faxplus.editComment',
  cancelFax: 'faxplus.cancelFax',
  resendFax: 'faxplus.resendFax',
  copyNumber: 'faxplus.copyNumber',
  assignNumber: 'faxplus.assignNumber',
  revokeNumber: 'faxplus.revokeNumber',
  editMember: 'faxplus.editMember',
  manageWebhooks: 'faxplus.manageWebhooks',
  showBalance: 'faxplus.showBalance',
  sendFax: 'faxplus.sendFax',
  clearRecentRecipients: 'faxplus.clearRecentRecipients',
  buyNumber: 'faxplus.buyNumber',
  editAccount: 'faxplus.editAccount',
  sendSelection: 'faxplus.sendSelection',
  showContacts: 'faxplus.showContacts',
  addContact: 'faxplus.addContact',
  editContact: 'faxplus.editContact',
  deleteContact: 'faxplus.deleteContact',
  saveAsContact: 'faxplus.saveAsContact',
  importContacts: 'faxplus.importContacts',
  exportContacts: 'faxplus.exportContacts',
  filterInbox: 'faxplus.filterInbox',
  filterSent: 'faxplus.filterSent',
  clearInboxFilter: 'faxplus.clearInboxFilter',
  clearSentFilter: 'faxplus.clearSentFilter',
  showFaxHistory: 'faxplus.showFaxHistory',
  openChatAuditLog: 'faxplus.openChatAuditLog',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/**
 * Entries of the permission table that are not commands but parts of one a
 * token may be allowed on its own: browsing the number shop without buying,
 * reading the person's details for the account tooltip.
 */
export const CAPABILITIES = {
  shopBrowse: 'faxplus.shop.browse',
  accountDetails: 'faxplus.account.details',
  // The chat tools (src/chat): each is gated like a command. Preparing and sending a draft use faxplus.sendFax.
  chatListFaxes: 'faxplus.chat.listFaxes',
  chatListOutbox: 'faxplus.chat.listOutbox',
  chatGetFax: 'faxplus.chat.getFax',
  chatFaxStatus: 'faxplus.chat.faxStatus',
} as const;
