import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { Command } from './command';
import { COMMANDS } from '../manifest/commandIds';
import type { Notifier } from '../util/notifier';
import type { SendFlow } from '../sendFlow/sendFlow';
import type { SentIds } from '../sendFlow/sendOutcomes';

/**
 * "Send Selection as Fax": the selected text of the active editor (several selections in
 * document order, one after the other) laid out as its own document, with its line numbers.
 */
export class SendSelectionCommand implements Command {
  readonly id = COMMANDS.sendSelection;

  constructor(
    private readonly flow: SendFlow,
    private readonly notifier: Notifier,
  ) {}

  async execute(): Promise<SentIds | undefined> {
    const editor = vscode.window.activeTextEditor;
    const selections = editor ? [...editor.selections].filter((s) => !s.isEmpty).sort((a, b) => a.start.compareTo(b.start)) : [];
    if (!editor || selections.length === 0) {
      void this.notifier.notify('info', vscode.l10n.t('Select the text to fax first, or use Send as Fax for the whole file.'));
      return undefined;
    }
    const { document } = editor;
    const first = selections[0].start.line + 1;
    // A selection ending at the start of a line does not include that line.
    const lastSelection = selections[selections.length - 1];
    const last = lastSelection.end.line + (lastSelection.end.character === 0 && lastSelection.end.line > lastSelection.start.line ? 0 : 1);
    const name = basename(document.uri.path) || 'untitled';
    return this.flow.run({
      kind: 'text',
      text: {
        uri: document.uri,
        name,
        title: first === last ? vscode.l10n.t('{0}, line {1}', name, first) : vscode.l10n.t('{0}, lines {1}–{2}', name, first, last),
        text: selections.map((s) => document.getText(s)).join('\n'),
        languageId: document.languageId,
        // Line numbers match the file only for one selection that starts at a line's beginning.
        firstLine: selections.length === 1 && selections[0].start.character === 0 ? first : undefined,
        suffix: `.lines-${first}-${last}`,
      },
    });
  }
}
