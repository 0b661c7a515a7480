import * as vscode from 'vscode';
import type { CommandGate } from '../auth/commandGate';
import type { ClientProvider } from '../client/clientProvider';
import type { ErrorPresenter } from '../errors/errorPresenter';
import type { Logger } from '../api/logger';
import type { FaxEvents } from '../events/faxEvents';
import type { SendFaxFeature } from '../sendFlow/sendFaxFeature';
import { ChatDrafts } from './chatDrafts';
import type { ChatToolName } from './chatToolNames';
import { Disposable } from '../util/disposable';
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
 * The chat tools, built on their first use (their modules load then). Activation
 * registers the names the manifest contributes and hands each call to `tool(name)`
 * (activation/activationShell.ts); Open Chat Audit Log is built with the other commands.
 */
export class ChatToolsOnDemand extends Disposable {
  private readonly drafts: ChatDrafts;
  private readonly sent: SentInThisWindow;
  private tools: ChatTools | undefined;

  constructor(private readonly deps: ChatToolDependencies) {
    super();
    this.drafts = this.register(new ChatDrafts(deps.globalStorage));
    this.sent = this.register(new SentInThisWindow(deps.events));
  }

  tool(name: ChatToolName): vscode.LanguageModelTool<unknown> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- dist/chat.js, loaded when chat first calls a tool
    this.tools ??= (require('./chatTools') as typeof import('./chatTools')).buildChatTools(
      this.deps,
      this.deps.auditFile,
      this.drafts,
      this.sent,
    );
    return this.tools[name] as vscode.LanguageModelTool<unknown>;
  }
}
