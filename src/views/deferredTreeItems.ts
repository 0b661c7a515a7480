import type * as vscode from 'vscode';
import type { NumberOwner } from '../format/phoneDisplay';
import type { TreeNode } from './treeNodes';

/** Turns any sidebar node into the TreeItem VS Code shows. */
export interface TreeItems {
  create(node: TreeNode): vscode.TreeItem;
}

/**
 * The tree items' code (titles, tooltips, icons, status wording, date formats) loads
 * with the first item shown, not at activation: the views have no items then, and a
 * list's first items wait on the network anyway. The build maps the require() to
 * dist/treeItems.js.
 */
export function deferredTreeItems(language: string, ownerOf?: NumberOwner): TreeItems {
  let factory: TreeItems | undefined;
  return {
    create(node) {
      if (!factory) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load (esbuild.mjs LAZY_MODULES).
        const { TreeItemFactory } = require('./treeItemFactory') as typeof import('./treeItemFactory');
        factory = new TreeItemFactory(language, ownerOf);
      }
      return factory.create(node);
    },
  };
}
