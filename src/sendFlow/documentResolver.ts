import * as vscode from 'vscode';
import { basename } from 'node:path';
import { checkFilesToSend, nameForUntitled } from '../send/fileRules';
import type { FaxDocument } from './faxDocument';
import { bytesUploadSource, diskUploadSource, workspaceUploadSource } from './uploadSources';

export type DocumentsCheck = { ok: true; documents: FaxDocument[] } | { ok: false; message: string };

/**
 * Turns the chosen URIs into sized documents and applies the file rules
 * (types, count, total size, empty files) before a single byte is uploaded.
 * Sizes come from `workspace.fs.stat`, so remote and virtual files are
 * measured the same way as local ones; untitled editors become `.txt` text.
 */
export class DocumentResolver {
  constructor(private readonly now: () => Date = () => new Date()) {}

  async resolve(uris: readonly vscode.Uri[]): Promise<DocumentsCheck> {
    const documents: FaxDocument[] = [];
    const unreadable: string[] = [];
    for (const uri of uris) {
      const document = await this.documentFor(uri).catch((e: unknown) => {
        unreadable.push(vscode.l10n.t('Cannot read {0}: {1}', labelOf(uri), e instanceof Error ? e.message : String(e)));
        return undefined;
      });
      if (document) documents.push(document);
    }
    if (unreadable.length > 0) return { ok: false, message: unreadable.join(' ') };

    const check = checkFilesToSend(
      documents.map((d) => ({ uri: d.uri.toString(), name: d.name, size: d.size })),
    );
    if (!check.ok) return { ok: false, message: check.message };
    const kept = new Set(check.files.map((f) => f.uri));
    return { ok: true, documents: documents.filter((d) => kept.delete(d.uri.toString())) };
  }

  private async documentFor(uri: vscode.Uri): Promise<FaxDocument> {
    if (uri.scheme === 'untitled') return this.untitled(uri);
    const name = basename(uri.path);
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) {
      throw new Error(vscode.l10n.t('it is a folder. Choose the files inside it.'));
    }
    const source = uri.scheme === 'file' ? diskUploadSource(uri, name, stat.size) : workspaceUploadSource(uri, name, stat.size);
    return { uri, name, size: stat.size, source };
  }

  private untitled(uri: vscode.Uri): FaxDocument {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!document) throw new Error(vscode.l10n.t('the editor is no longer open.'));
    const text = document.getText();
    const name = nameForUntitled(text.split(/\r?\n/, 1)[0] ?? '', this.now());
    const bytes = Buffer.from(text, 'utf8');
    return { uri, name, size: bytes.byteLength, source: bytesUploadSource(name, bytes) };
  }
}

function labelOf(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}
