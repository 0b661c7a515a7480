import * as vscode from 'vscode';
import { COMMANDS } from '../manifest/commandIds';
import { AUTH_PROVIDER_ID } from '../manifest/authenticationProviderId';
import { CHAT_TOOLS, type ChatToolName } from '../chat/chatToolNames';
import { FAX_VIEWER_TYPE } from '../viewer/faxViewerType';
import type { CommandRunner } from '../commands/commandRunner';
import type { SidebarTreeViews } from '../views/sidebarTreeViews';
import { Disposable } from '../util/disposable';
import { ShellTreeViews } from './shellTreeViews';

/** What the rest of the extension gives activation to answer VS Code with, once built (src/extensionMain.ts). */
export interface ExtensionParts {
  readonly runCommand: CommandRunner;
  readonly viewerSerializer: vscode.WebviewPanelSerializer;
  readonly authenticationProvider: vscode.AuthenticationProvider;
  readonly fileDecorations: vscode.FileDecorationProvider;
  readonly chatTools: { tool(name: ChatToolName): vscode.LanguageModelTool<unknown> };
}

/** What first used the extension (and so wired the rest), and what wiring took: the log and the bench read it. */
export interface Wiring {
  readonly firstUse: string;
  readonly ms: number;
}

/**
 * All that activation does: registers what the manifest contributes (commands,
 * views, chat tools, the viewer's serializer, the Accounts menu's provider and the
 * explorer's decorations) with thin handlers. The first time VS Code or a person
 * uses one of them (a view shown, a command run, a tool called, a tab restored,
 * the Accounts menu asking), `build` loads and wires the rest of the extension;
 * every handler then passes its call on. So activating costs VS Code almost
 * nothing, and what a person uses first pays for the rest once.
 */
export class ActivationShell extends Disposable {
  readonly treeViews: ShellTreeViews;
  private built: ExtensionParts | undefined;
  private failed: unknown;
  private building = false;
  private wired: Wiring | undefined;
  private readonly sessionsChanged = this.register(
    new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>(),
  );
  private readonly decorationsChanged = this.register(new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>());

  constructor(private readonly build: (treeViews: SidebarTreeViews) => ExtensionParts) {
    super();
    this.treeViews = this.register(new ShellTreeViews((view) => this.parts(`the ${view} view`)));
    for (const id of Object.values(COMMANDS)) {
      this.register(vscode.commands.registerCommand(id, (...args: unknown[]) => this.parts(`the command ${id}`).runCommand(id, args)));
    }
    for (const name of Object.values(CHAT_TOOLS)) {
      const tool = () => this.parts(`the chat tool ${name}`).chatTools.tool(name);
      this.register(
        vscode.lm.registerTool<unknown>(name, {
          invoke: (options, token) => tool().invoke(options, token),
          prepareInvocation: (options, token) => tool().prepareInvocation?.(options, token),
        }),
      );
    }
    this.register(
      vscode.window.registerWebviewPanelSerializer(FAX_VIEWER_TYPE, {
        deserializeWebviewPanel: (panel, state) => this.parts('a fax tab restored').viewerSerializer.deserializeWebviewPanel(panel, state),
      }),
    );
    const accounts = () => this.parts("VS Code's Accounts menu").authenticationProvider;
    this.register(
      vscode.authentication.registerAuthenticationProvider(
        AUTH_PROVIDER_ID,
        vscode.l10n.t('Fax.Plus'),
        {
          onDidChangeSessions: this.sessionsChanged.event,
          getSessions: (scopes, options) => accounts().getSessions(scopes, options),
          createSession: (scopes, options) => accounts().createSession(scopes, options),
          removeSession: (id) => accounts().removeSession(id),
        },
        { supportsMultipleAccounts: false },
      ),
    );
    // The explorer asks for every file it draws: that alone builds nothing, and files are decorated once built.
    this.register(
      vscode.window.registerFileDecorationProvider({
        onDidChangeFileDecorations: this.decorationsChanged.event,
        provideFileDecoration: (uri, token) => this.built?.fileDecorations.provideFileDecoration(uri, token),
      }),
    );
  }

  /** What first used the extension and what wiring the rest took; undefined until then. */
  get wiring(): Wiring | undefined {
    return this.wired;
  }

  /** The rest of the extension, built on the first call (`firstUse` says what called). A failed build is not tried again. */
  parts(firstUse: string): ExtensionParts {
    if (this.built) return this.built;
    if (this.isDisposed) throw new Error('Fax.Plus was deactivated');
    if (this.failed !== undefined) throw this.failed;
    if (this.building) throw new Error('the extension was asked for a part while it was being built');
    this.building = true;
    const t0 = performance.now();
    try {
      const built = this.build(this.treeViews);
      this.register(built.authenticationProvider.onDidChangeSessions((e) => this.sessionsChanged.fire(e)));
      const decorations = built.fileDecorations.onDidChangeFileDecorations;
      if (decorations) this.register(decorations((uris) => this.decorationsChanged.fire(uris)));
      this.built = built;
      this.wired = { firstUse, ms: performance.now() - t0 };
    } catch (error) {
      // Half a build may hold status bars and timers: building again would double them.
      this.failed = error;
      throw error;
    } finally {
      this.building = false;
    }
    this.decorationsChanged.fire(undefined);
    return this.built;
  }
}
