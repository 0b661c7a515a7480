import * as vscode from 'vscode';
import { COMMANDS } from '../manifest/commandIds';
import type { TreeNode } from './treeNodes';

const URI_LIST = 'text/uri-list';

/**
 * Files dropped on the Outbox view start "Send as Fax" with them, exactly as
 * the explorer's "Send as Fax" does: every question and the summary are asked
 * as usual, so a drop never sends by itself.
 */
export class OutboxDrop implements vscode.TreeDragAndDropController<TreeNode> {
  readonly dropMimeTypes = [URI_LIST];
  readonly dragMimeTypes: readonly string[] = [];

  async handleDrop(_target: TreeNode | undefined, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<void> {
    const text = await dataTransfer.get(URI_LIST)?.asString();
    if (!text || token.isCancellationRequested) return;
    const uris = urisOf(text);
    if (uris.length === 0) return;
    // Not awaited: the drop ends now, the questions follow at the person's pace.
    // A failure is logged and shown by the command itself.
    void vscode.commands.executeCommand(COMMANDS.sendFax, uris[0], uris).then(undefined, () => undefined);
  }
}

/** RFC 2483: one URI per line, lines starting with '#' are comments. */
export function urisOf(uriList: string): vscode.Uri[] {
  return uriList
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .flatMap((line) => {
      try {
        return [vscode.Uri.parse(line, true)];
      } catch {
        return [];
      }
    });
}
