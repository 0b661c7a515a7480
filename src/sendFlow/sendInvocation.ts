import * as vscode from 'vscode';
import type { TextToRender } from './textRendering';

/**
 * What the command was called with, by surface:
 *  - editor title / editor context: `(uri)` (the editor title adds an editor-group object);
 *  - explorer: `(clickedUri, selectedUris[])`;
 *  - palette, Outbox view title, plain keybinding: `()`;
 *  - keybinding, task or test with arguments: `({ files, to, … })`;
 *  - Send Selection as Fax: the selected text (built by its command, not read from arguments).
 */
export type SendInvocation =
  | { readonly kind: 'resources'; readonly uris: readonly vscode.Uri[] }
  | { readonly kind: 'text'; readonly text: TextToRender }
  | { readonly kind: 'current' }
  | { readonly kind: 'arguments'; readonly raw: unknown };

export function readInvocation(args: readonly unknown[]): SendInvocation {
  const [first, second] = args;
  if (first instanceof vscode.Uri) {
    // The explorer passes the whole selection (the clicked file included) as the second argument.
    const selection =
      Array.isArray(second) && second.length > 0 && second.every((u) => u instanceof vscode.Uri) ? (second as vscode.Uri[]) : [first];
    return { kind: 'resources', uris: selection };
  }
  if (first === undefined || first === null) return { kind: 'current' };
  return { kind: 'arguments', raw: first };
}
