import type * as vscode from 'vscode';
import { ActivationShell } from './activation/activationShell';
import { extensionExports } from './extensionExports';
import type { WiredExtension } from './extensionMain';

/**
 * Activation registers what the manifest contributes and nothing more; the rest is
 * wired on first use (activation/activationShell.ts), from dist/main.js.
 */
export function activate(context: vscode.ExtensionContext) {
  let wired: WiredExtension | undefined;
  const shell = new ActivationShell((treeViews) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load the build maps to dist/main.js.
    const { wireExtension } = require('./extensionMain') as typeof import('./extensionMain');
    wired = wireExtension(context, treeViews, () => shell.wiring);
    return wired.parts;
  });
  context.subscriptions.push(shell);
  return extensionExports(context.extensionMode, () => {
    shell.parts('the test surface');
    return wired!.testApi;
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
