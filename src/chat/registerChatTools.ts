import * as vscode from 'vscode';
import type { CommandGate } from '../auth/commandGate';
import type { ClientProvider } from '../client/clientProvider';
import type { ErrorPresenter } from '../errors/errorPresenter';
import type { Logger } from '../api/logger';
import type { SendFaxFeature } from '../sendFlow/sendFaxFeature';
import { faxStatusMeaning, outboxStatusMeaning } from '../views/faxStatusMeaning';
import { AuditLog } from './auditLog';
import { ChatDrafts } from './chatDrafts';
import { ChatSettings } from './chatSettings';
import type { ChatToolContext } from './chatToolContext';
import { CHAT_TOOLS, type ChatToolName } from './chatToolNames';
import { DailySendLimit } from './dailySendLimit';
import { SentFromChat } from './sentFromChat';

export interface ChatToolDependencies {
  readonly gate: CommandGate;
  readonly clients: ClientProvider;
  readonly errors: ErrorPresenter;
  readonly logger: Logger;
  /** "Send as fax", built on first use: the tools reuse its checks, rendering and questions. */
  readonly sendFax: { get(): SendFaxFeature };
  readonly globalState: vscode.Memento;
  readonly globalStorage: vscode.Uri;
  /** The JSON-lines audit log (Open Chat Audit Log opens the same file). */
  readonly auditFile: string;
}

type Tools = Record<ChatToolName, vscode.LanguageModelTool<unknown>>;

/**
 * The chat tools, registered in one call (Open Chat Audit Log is built with the other commands). The tools
 * are built on their first use (their modules load then), so activation only
 * registers names.
 */
export function registerChatTools(deps: ChatToolDependencies): vscode.Disposable {
  const auditFile = deps.auditFile;
  const drafts = new ChatDrafts(deps.globalStorage);
  let tools: Tools | undefined;
  const toolNamed = (name: ChatToolName) => (tools ??= buildTools(deps, auditFile, drafts))[name];
  return vscode.Disposable.from(
    drafts,
    ...Object.values(CHAT_TOOLS).map((name) =>
      vscode.lm.registerTool<unknown>(name, {
        invoke: (options, token) => toolNamed(name).invoke(options, token),
        prepareInvocation: (options, token) => toolNamed(name).prepareInvocation?.(options, token),
      }),
    ),
  );
}

function buildTools(deps: ChatToolDependencies, auditFile: string, drafts: ChatDrafts): Tools {
  /* eslint-disable @typescript-eslint/no-require-imports -- built on first use, so activation does not load them */
  const { ListFaxesTool } = require('./listFaxesTool') as typeof import('./listFaxesTool');
  const { GetFaxTool } = require('./getFaxTool') as typeof import('./getFaxTool');
  const { PrepareFaxTool } = require('./prepareFaxTool') as typeof import('./prepareFaxTool');
  const { SendFaxTool } = require('./sendFaxTool') as typeof import('./sendFaxTool');
  const { FaxStatusTool } = require('./faxStatusTool') as typeof import('./faxStatusTool');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const context: ChatToolContext = {
    gate: deps.gate,
    clients: deps.clients,
    errors: deps.errors,
    audit: new AuditLog(auditFile, (line) => deps.logger.info(line)),
    words: { fax: (status, direction) => faxStatusMeaning(status, direction), outbox: (status) => outboxStatusMeaning(status) },
  };
  const sent = new SentFromChat();
  return {
    [CHAT_TOOLS.listFaxes]: new ListFaxesTool(context),
    [CHAT_TOOLS.getFax]: new GetFaxTool(context),
    [CHAT_TOOLS.prepareFax]: new PrepareFaxTool(context, deps.sendFax.get().documents, drafts),
    [CHAT_TOOLS.sendFax]: new SendFaxTool(
      context,
      deps.sendFax.get(),
      drafts,
      new ChatSettings(),
      new DailySendLimit(deps.globalState),
      sent,
    ),
    [CHAT_TOOLS.faxStatus]: new FaxStatusTool(context, sent),
  };
}
