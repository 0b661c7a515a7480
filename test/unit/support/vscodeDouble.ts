/**
 * A small stand-in for the `vscode` module so unit tests on Node can load
 * classes that need only events, disposables, l10n and a recorded window.
 * Registered for every unit test by .mocharc.json; tests read and reset the
 * recordings through `vscodeDouble`. Behaviour that needs the workbench
 * belongs in test/integration instead.
 */
import Module from 'node:module';

type Listener<T> = (e: T) => unknown;

class Disposable {
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  constructor(private readonly callOnDispose: () => unknown) {}
  dispose(): void {
    this.callOnDispose();
  }
}

class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.push(listener);
    return new Disposable(() => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    });
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class CancellationTokenSource {
  private readonly emitter = new EventEmitter<void>();
  readonly token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event };
  cancel(): void {
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: unknown,
  ) {}
}
class ThemeColor {
  constructor(readonly id: string) {}
}
class TreeItem {
  constructor(
    readonly label: unknown,
    readonly collapsibleState?: number,
  ) {}
}
class MarkdownString {
  isTrusted = false;
  supportThemeIcons = false;
  constructor(public value = '') {}
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
  appendText(text: string): this {
    this.value += text;
    return this;
  }
}

export interface ShownMessage {
  readonly severity: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly items: readonly unknown[];
}

/** A tree view as `window.createTreeView` returns it: visibility is set by the test (`show`). */
export class TreeViewDouble {
  visible = false;
  private readonly visibility = new EventEmitter<{ visible: boolean }>();
  readonly onDidChangeVisibility = this.visibility.event;
  disposed = false;
  constructor(
    readonly id: string,
    readonly options: { treeDataProvider: unknown; dragAndDropController?: unknown },
  ) {}
  show(): void {
    this.visible = true;
    this.visibility.fire({ visible: true });
  }
  dispose(): void {
    this.disposed = true;
  }
}

/** Something the code under test registered with VS Code, by kind and id, with what answers for it. */
export interface Registration {
  readonly kind: 'command' | 'treeView' | 'tool' | 'webviewSerializer' | 'authenticationProvider' | 'fileDecorations';
  readonly id: string;
  readonly handler: unknown;
  disposed: boolean;
}

/** What the code under test asked the window and the command service to do. */
export const vscodeDouble = {
  messages: [] as ShownMessage[],
  executed: [] as { command: string; args: unknown[] }[],
  registered: [] as Registration[],
  /** The answer the next message gets (an item or undefined, as when the person dismisses it). */
  answer: undefined as ((m: ShownMessage) => unknown) | undefined,
  reset(): void {
    this.messages = [];
    this.executed = [];
    this.registered = [];
    this.answer = undefined;
  },
};

function show(severity: ShownMessage['severity']) {
  return async (message: string, ...rest: unknown[]): Promise<unknown> => {
    const items = rest.filter((r) => typeof r === 'string' || (typeof r === 'object' && r !== null && 'title' in r));
    const shown = { severity, message, items };
    vscodeDouble.messages.push(shown);
    return vscodeDouble.answer?.(shown);
  };
}

function register(kind: Registration['kind'], id: string, handler: unknown): Disposable {
  const registration: Registration = { kind, id, handler, disposed: false };
  vscodeDouble.registered.push(registration);
  return new Disposable(() => (registration.disposed = true));
}

const vscode = {
  Disposable,
  EventEmitter,
  CancellationTokenSource,
  ThemeIcon,
  ThemeColor,
  TreeItem,
  MarkdownString,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  version: '1.139.0-double',
  l10n: {
    t: (message: string | { message: string }, ...args: unknown[]): string => {
      const text = typeof message === 'string' ? message : message.message;
      const values = args.length === 1 && typeof args[0] === 'object' && args[0] !== null ? (args[0] as Record<string, unknown>) : args;
      return text.replace(/\{(\w+)\}/g, (_m, key: string) => String((values as Record<string, unknown>)[key]));
    },
  },
  window: {
    showInformationMessage: show('info'),
    showWarningMessage: show('warning'),
    showErrorMessage: show('error'),
    withProgress: <T>(_options: unknown, task: (progress: { report(): void }, token: unknown) => Thenable<T>): Thenable<T> =>
      task({ report: () => undefined }, new CancellationTokenSource().token),
    createTreeView: (id: string, options: { treeDataProvider: unknown; dragAndDropController?: unknown }): TreeViewDouble => {
      const view = new TreeViewDouble(id, options);
      vscodeDouble.registered.push({ kind: 'treeView', id, handler: view, disposed: false });
      return view;
    },
    registerWebviewPanelSerializer: (viewType: string, serializer: unknown) => register('webviewSerializer', viewType, serializer),
    registerFileDecorationProvider: (provider: unknown) => register('fileDecorations', '', provider),
  },
  authentication: {
    registerAuthenticationProvider: (id: string, _label: string, provider: unknown) => register('authenticationProvider', id, provider),
  },
  lm: {
    registerTool: (name: string, tool: unknown) => register('tool', name, tool),
  },
  commands: {
    registerCommand: (id: string, handler: unknown) => register('command', id, handler),
    executeCommand: async (command: string, ...args: unknown[]): Promise<unknown> => {
      vscodeDouble.executed.push({ command, args });
      return undefined;
    },
  },
  env: { language: 'en' },
};

const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string; _cache: Record<string, unknown> };
const resolve = loader._resolveFilename;
loader._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
loader._cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };
