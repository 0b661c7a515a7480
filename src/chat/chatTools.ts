import type * as vscode from 'vscode';
import { faxStatusMeaning, outboxStatusMeaning } from '../views/faxStatusMeaning';
import { AuditLog } from './auditLog';
import type { ChatDrafts } from './chatDrafts';
import { ChatSettings } from './chatSettings';
import type { ChatToolContext } from './chatToolContext';
import { CHAT_TOOLS, type ChatToolName } from './chatToolNames';
import { DailySendLimit } from './dailySendLimit';
import { FaxStatusTool } from './faxStatusTool';
import { GetFaxTool } from './getFaxTool';
import { ListFaxesTool } from './listFaxesTool';
import { PrepareFaxTool } from './prepareFaxTool';
import type { ChatToolDependencies } from './chatToolsOnDemand';
import { SendFaxTool } from './sendFaxTool';
import type { SentInThisWindow } from './sentInThisWindow';

export type ChatTools = Record<ChatToolName, vscode.LanguageModelTool<unknown>>;

/**
 * The chat tools themselves: a file of their own (dist/chat.js), loaded when chat first calls a
 * tool, so activation registers only their names (chatToolsOnDemand.ts).
 */
export function buildChatTools(deps: ChatToolDependencies, auditFile: string, drafts: ChatDrafts, sent: SentInThisWindow): ChatTools {
  const context: ChatToolContext = {
    gate: deps.gate,
    clients: deps.clients,
    errors: deps.errors,
    audit: new AuditLog(auditFile, (line) => deps.logger.info(line)),
    words: { fax: (status, direction) => faxStatusMeaning(status, direction), outbox: (status) => outboxStatusMeaning(status) },
  };
  return {
    [CHAT_TOOLS.listFaxes]: new ListFaxesTool(context),
    [CHAT_TOOLS.getFax]: new GetFaxTool(context),
    [CHAT_TOOLS.prepareFax]: new PrepareFaxTool(context, deps.sendFax.get().documents, drafts),
    [CHAT_TOOLS.sendFax]: new SendFaxTool(context, deps.sendFax.get(), drafts, new ChatSettings(), new DailySendLimit(deps.globalState)),
    [CHAT_TOOLS.faxStatus]: new FaxStatusTool(context, sent),
  };
}
