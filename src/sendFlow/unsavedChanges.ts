import * as vscode from 'vscode';

export type UnsavedOutcome = { ok: true } | { ok: false; message?: string };

/**
 * A file with unsaved changes would be faxed as it is on disk, not as the
 * person sees it. Interactively the person is asked to save first. Driven by
 * automation without confirmation the files are saved (what the editor shows
 * is what gets faxed; VS Code's save participants run as on any save), and the
 * send is refused if saving fails. Untitled editors are sent from memory.
 */
export class UnsavedChanges {
  async settle(uris: readonly vscode.Uri[], ask: ((names: readonly string[]) => Promise<boolean>) | undefined): Promise<UnsavedOutcome> {
    const wanted = new Set(uris.map((u) => u.toString()));
    const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isUntitled && wanted.has(d.uri.toString()));
    if (dirty.length === 0) return { ok: true };
    const names = dirty.map((d) => d.fileName.split(/[\\/]/).pop() ?? d.fileName);
    if (ask && !(await ask(names))) return { ok: false };
    const failed: string[] = [];
    for (const [index, document] of dirty.entries()) {
      if (!(await document.save())) failed.push(names[index]);
    }
    return failed.length === 0
      ? { ok: true }
      : { ok: false, message: vscode.l10n.t('Could not save {0}, so it was not sent. Save it, then send again.', failed.join(', ')) };
  }
}
