import * as vscode from 'vscode';
import type { CommandGate } from '../auth/commandGate';
import type { ClientProvider } from '../client/clientProvider';
import type { ErrorPresenter } from '../errors/errorPresenter';
import type { Logger } from '../api/logger';
import type { FaxEvents } from '../events/faxEvents';
import type { SendFaxFeature } from '../sendFlow/sendFaxFeature';
import { ChatDrafts } from './chatDrafts';
import { CHAT_TOOLS, type ChatToolName } from './chatToolNames';
import type { ChatTools } from './chatTools';
import { SentInThisWindow } from './sentInThisWindow';

export interface ChatToolDependencies {
  readonly gate: CommandGate;
  readonly clients: ClientProvider;
  readonly errors: ErrorPresenter;
  readonly logger: Logger;
  /** Faxes created in this window are remembered from their announcement (faxplus_faxStatus follows them to Sent). */
  readonly events: FaxEvents;
  /** "Send as fax", built on first use: the tools reuse its checks, rendering and questions. */
  readonly sendFax: { get(): SendFaxFeature };
  readonly globalState: vscode.Memento;
  readonly globalStorage: vscode.Uri;
  /** The JSON-lines audit log (Open Chat Audit Log opens the same file). */
  readonly auditFile: string;
}

/**
 * The chat tools, registered in one call (Open Chat Audit Log is built with the other commands). The tools
 * are built on their first use (their modules load then), so activation only
 * registers names.
 */
export function registerChatTools(deps: ChatToolDependencies): vscode.Disposable {
  const auditFile = deps.auditFile;
  const drafts = new ChatDrafts(deps.globalStorage);
  const sent = new SentInThisWindow(deps.events);
  let tools: ChatTools | undefined;
  const toolNamed = (name: ChatToolName) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- dist/chat.js, loaded when chat first calls a tool
    tools ??= (require('./chatTools') as typeof import('./chatTools')).buildChatTools(deps, auditFile, drafts, sent);
    return tools[name];
  };
  return vscode.Disposable.from(
    drafts,
    sent,
    ...Object.values(CHAT_TOOLS).map((name) =>
      vscode.lm.registerTool<unknown>(name, {
        invoke: (options, token) => toolNamed(name).invoke(options, token),
        prepareInvocation: (options, token) => toolNamed(name).prepareInvocation?.(options, token),
      }),
    ),
  );
}
