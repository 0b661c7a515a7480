/** The tool names package.json contributes under `languageModelTools` (a unit test keeps the two equal). */
export const CHAT_TOOLS = {
  listFaxes: 'faxplus_listFaxes',
  getFax: 'faxplus_getFax',
  prepareFax: 'faxplus_prepareFax',
  sendFax: 'faxplus_sendFax',
  faxStatus: 'faxplus_faxStatus',
} as const;

export type ChatToolName = (typeof CHAT_TOOLS)[keyof typeof CHAT_TOOLS];
