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
  private building = false;
  private readonly sessionsChanged = this.register(
    new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>(),
  );
  private readonly decorationsChanged = this.register(new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>());

  constructor(private readonly build: (treeViews: SidebarTreeViews) => ExtensionParts) {
    super();
    this.treeViews = this.register(new ShellTreeViews(() => this.parts()));
    for (const id of Object.values(COMMANDS)) {
      this.register(vscode.commands.registerCommand(id, (...args: unknown[]) => this.parts().runCommand(id, args)));
    }
    for (const name of Object.values(CHAT_TOOLS)) {
      this.register(
        vscode.lm.registerTool<unknown>(name, {
          invoke: (options, token) => this.parts().chatTools.tool(name).invoke(options, token),
          prepareInvocation: (options, token) => this.parts().chatTools.tool(name).prepareInvocation?.(options, token),
        }),
      );
    }
    this.register(
      vscode.window.registerWebviewPanelSerializer(FAX_VIEWER_TYPE, {
        deserializeWebviewPanel: (panel, state) => this.parts().viewerSerializer.deserializeWebviewPanel(panel, state),
      }),
    );
    this.register(
      vscode.authentication.registerAuthenticationProvider(
        AUTH_PROVIDER_ID,
        vscode.l10n.t('Fax.Plus'),
        {
          onDidChangeSessions: this.sessionsChanged.event,
          getSessions: (scopes, options) => this.parts().authenticationProvider.getSessions(scopes, options),
          createSession: (scopes, options) => this.parts().authenticationProvider.createSession(scopes, options),
          removeSession: (id) => this.parts().authenticationProvider.removeSession(id),
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

  /** The rest of the extension, built on the first call. */
  parts(): ExtensionParts {
    if (this.built) return this.built;
    if (this.building) throw new Error('the extension was asked for a part while it was being built');
    this.building = true;
    try {
      const built = this.build(this.treeViews);
      this.register(built.authenticationProvider.onDidChangeSessions((e) => this.sessionsChanged.fire(e)));
      const decorations = built.fileDecorations.onDidChangeFileDecorations;
      if (decorations) this.register(decorations((uris) => this.decorationsChanged.fire(uris)));
      this.built = built;
    } finally {
      this.building = false;
    }
    this.decorationsChanged.fire(undefined);
    return this.built;
  }
}
