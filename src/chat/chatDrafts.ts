import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { FaxDocument } from '../sendFlow/faxDocument';
import type { RenderedText } from '../sendFlow/textRendering';

/** A fax prepared in chat: its documents as checked, the files that will be uploaded, and whether it went out. */
export interface ChatDraft {
  readonly id: string;
  readonly createdAt: Date;
  readonly documents: readonly FaxDocument[];
  /** What is uploaded, in order: the rendered PDFs as written at preparation, other files as they are. */
  readonly files: readonly vscode.Uri[];
  readonly rendered: readonly RenderedText[];
  /** Pages of the rendered documents; undefined when a document is uploaded as it is (Fax.Plus counts those). */
  readonly pages: number | undefined;
  /** Set when a send of this draft started: a draft goes out once. */
  sentAt?: Date;
}

/**
 * Drafts live in memory for this window, their rendered PDFs in a folder of
 * global storage that belongs to this window alone (other windows share the
 * storage) and is removed when the window closes.
 */
export class ChatDrafts implements vscode.Disposable {
  private readonly drafts = new Map<string, ChatDraft>();
  private readonly folder: vscode.Uri;

  constructor(storage: vscode.Uri) {
    this.folder = vscode.Uri.joinPath(storage, 'chat-drafts', randomBytes(6).toString('hex'));
  }

  get(id: string): ChatDraft | undefined {
    return this.drafts.get(id);
  }

  async add(documents: readonly FaxDocument[]): Promise<ChatDraft> {
    const id = `draft-${randomBytes(4).toString('hex')}`;
    const files: vscode.Uri[] = [];
    for (const document of documents) {
      if (document.rendered) {
        const file = vscode.Uri.joinPath(this.folder, id, document.name);
        await vscode.workspace.fs.writeFile(file, document.rendered.pdf);
        files.push(file);
      } else {
        files.push(document.uri);
      }
    }
    const rendered = documents.flatMap((d) => (d.rendered ? [d.rendered] : []));
    const pages = rendered.length === documents.length ? rendered.reduce((n, r) => n + r.layout.pages.length, 0) : undefined;
    const draft: ChatDraft = { id, createdAt: new Date(), documents, files, rendered, pages };
    this.drafts.set(id, draft);
    return draft;
  }

  dispose(): void {
    this.drafts.clear();
    void Promise.resolve(vscode.workspace.fs.delete(this.folder, { recursive: true, useTrash: false })).catch(() => undefined);
  }
}

/** Pages of one document for the texts: its count when the extension laid it out. */
export function documentPages(document: FaxDocument): number | undefined {
  return document.rendered?.layout.pages.length;
}
