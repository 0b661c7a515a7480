import * as vscode from 'vscode';
import { basename } from 'node:path';
import { checkFilesToSend, nameForUntitled } from '../send/fileRules';
import { faxMimeType } from '../api/mimeTypes';
import type { RenderArgs } from '../send/sendFaxArgs';
import type { FaxDocument } from './faxDocument';
import type { RenderedText, TextRendering } from './textRendering';
import type { FaxPreview } from '../render/index';
import { diskUploadSource, workspaceUploadSource } from './uploadSources';

export type DocumentsCheck = { ok: true; documents: FaxDocument[] } | { ok: false; message: string };

/**
 * Turns the chosen URIs into sized documents and applies the file rules
 * (types, count, total size, empty files) before a single byte is uploaded.
 * Sizes come from `workspace.fs.stat`, so remote and virtual files are
 * measured the same way as local ones. Every text document (Markdown, code,
 * CSV, JSON, plain `.txt`, untitled editors) is laid out as PDF pages here, so
 * the preview is what is sent; binary files of other types are refused by the file rules.
 */
export class DocumentResolver {
  constructor(
    private readonly rendering: TextRendering,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * True when the URI's document is laid out by the extension rather than uploaded as it is on disk.
   * `.txt` too: how Fax.Plus lays out plain text is unknown, ours is what the preview shows.
   */
  static isRendered(uri: vscode.Uri): boolean {
    if (uri.scheme === 'untitled') return true;
    const mimeType = faxMimeType(uri.path);
    return mimeType === undefined || mimeType === 'text/plain';
  }

  async resolve(uris: readonly vscode.Uri[], render?: RenderArgs): Promise<DocumentsCheck> {
    return this.check(uris, (uri) => this.documentFor(uri, render));
  }

  preview(documents: readonly RenderedText[]): FaxPreview {
    return this.rendering.preview(documents);
  }

  /** A selection (or any text held in memory) laid out as its own document. */
  async resolveText(input: Parameters<TextRendering['render']>[0], render?: RenderArgs): Promise<DocumentsCheck> {
    return this.check([input.uri], () => this.rendering.render(input, render));
  }

  private async check(uris: readonly vscode.Uri[], documentFor: (uri: vscode.Uri) => Promise<FaxDocument>): Promise<DocumentsCheck> {
    const documents: FaxDocument[] = [];
    const unreadable: string[] = [];
    for (const uri of uris) {
      const document = await documentFor(uri).catch((e: unknown) => {
        unreadable.push(vscode.l10n.t('Cannot read {0}: {1}', labelOf(uri), e instanceof Error ? e.message : String(e)));
        return undefined;
      });
      if (document) documents.push(document);
    }
    if (unreadable.length > 0) return { ok: false, message: unreadable.join(' ') };

    const check = checkFilesToSend(documents.map((d) => ({ uri: d.uri.toString(), name: d.name, size: d.size })));
    if (!check.ok) return { ok: false, message: check.message };
    const kept = new Set(check.files.map((f) => f.uri));
    return { ok: true, documents: documents.filter((d) => kept.delete(d.uri.toString())) };
  }

  private async documentFor(uri: vscode.Uri, render: RenderArgs | undefined): Promise<FaxDocument> {
    if (uri.scheme === 'untitled') return this.untitled(uri, render);
    const name = basename(uri.path);
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) {
      throw new Error(vscode.l10n.t('it is a folder. Choose the files inside it.'));
    }
    if (DocumentResolver.isRendered(uri)) {
      const rendered = await this.rendering.fromFile(uri, name, stat.size, render);
      // Not text: kept under its own name, so the file rules refuse it with their message.
      if (rendered) return rendered;
    }
    const source = uri.scheme === 'file' ? diskUploadSource(uri, name, stat.size) : workspaceUploadSource(uri, name, stat.size);
    return { uri, name, size: stat.size, source };
  }

  /** An untitled editor's text, named after its first line and laid out in its language. */
  private untitled(uri: vscode.Uri, render: RenderArgs | undefined): Promise<FaxDocument> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!document) throw new Error(vscode.l10n.t('the editor is no longer open.'));
    const text = document.getText();
    const name = nameForUntitled(text.split(/\r?\n/, 1)[0] ?? '', this.now());
    return this.rendering.render({ uri, name, title: name, text, languageId: document.languageId }, render);
  }
}

function labelOf(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}
