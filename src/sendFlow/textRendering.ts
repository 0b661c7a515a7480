import * as vscode from 'vscode';
import type { FaxPreview, LaidOutDocument } from '../render/index';
import type { RenderArgs } from '../send/sendFaxArgs';
import type { FaxDocument } from './faxDocument';
import type { LazyRenderer } from './rendererModule';
import type { RenderSettings } from './renderSettings';
import { bytesUploadSource } from '../api/uploadSource';
import { sha256Of } from '../receipts/hashedUpload';

/** Longer text would make hundreds of fax pages; the person should split or export it. */
const MAX_TEXT_BYTES = 2 * 1024 * 1024;
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** Bytes looked at to tell text from binary (as git and VS Code do: a NUL byte means binary). */
const SNIFF_BYTES = 8192;

/** What a rendered text became: kept for the preview and "Save as PDF". */
export interface RenderedText {
  /** The file name (or "name, lines a–b") printed in the page header. */
  readonly title: string;
  readonly source: vscode.Uri;
  readonly layout: LaidOutDocument;
  readonly pdf: Uint8Array;
  /** SHA-256 of the whole file's text as UTF-8 (for "changed since faxed"); absent for a part of a file. */
  readonly textSha256?: string;
}

export interface TextToRender {
  readonly uri: vscode.Uri;
  /** The file's own name ('notes.md'). */
  readonly name: string;
  readonly title: string;
  readonly text: string;
  readonly languageId?: string;
  readonly firstLine?: number;
  /** Part of the upload's name: 'notes.md' + '.lines-3-9' + '.pdf'. */
  readonly suffix?: string;
}

/**
 * Text of any kind (Markdown, code, CSV, JSON, logs, plain text, untitled editors) is laid
 * out here as PDF pages. An open editor's text is used as shown, unsaved changes
 * included; a closed file is read and refused when it is not text.
 */
export class TextRendering {
  constructor(
    private readonly renderer: LazyRenderer,
    private readonly settings: RenderSettings,
  ) {}

  /** The documents' pages at the preview resolution, from the layouts their PDFs were written from. */
  preview(documents: readonly RenderedText[]): FaxPreview {
    return this.renderer.renderer.preview(
      documents.map((d) => d.layout),
      this.settings.resolution(),
    );
  }

  /** The rendered document, or undefined when the file is not text. */
  async fromFile(uri: vscode.Uri, name: string, size: number, args: RenderArgs | undefined): Promise<FaxDocument | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return this.render({ uri, name, title: name, text: open.getText(), languageId: open.languageId }, args);
    if (size > MAX_TEXT_BYTES) {
      throw new Error(
        vscode.l10n.t(
          'it is larger than {0} MB, too long to lay out as fax pages. Export it to PDF, or send a selection.',
          MAX_TEXT_BYTES / (1024 * 1024),
        ),
      );
    }
    const text = decodeText(await vscode.workspace.fs.readFile(uri));
    return text === undefined ? undefined : this.render({ uri, name, title: name, text }, args);
  }

  async render(input: TextToRender, args: RenderArgs | undefined): Promise<FaxDocument> {
    if (input.text.trim() === '') {
      // Nothing to print: the file rules refuse an empty document with their own words.
      const name = `${input.name}${input.suffix ?? ''}.pdf`;
      return { uri: input.uri, name, size: 0, source: bytesUploadSource(name, new Uint8Array(0)) };
    }
    const { api, renderer } = this.renderer;
    const kind = api.documentKindFor(input.name, input.languageId);
    const images = kind === 'markdown' ? await readImages(input.uri, api.markdownImageSources(input.text)) : new Map<string, Uint8Array>();
    const layout = renderer.layout(
      { name: input.title, kind, text: input.text, firstLine: input.firstLine, readImage: (src) => images.get(src) },
      this.settings.options(input.uri, args),
    );
    const pdf = await renderer.pdf(layout, input.title);
    const name = `${input.name}${input.suffix ?? ''}.pdf`;
    return {
      uri: input.uri,
      name,
      size: pdf.byteLength,
      source: bytesUploadSource(name, pdf),
      rendered: {
        title: input.title,
        source: input.uri,
        layout,
        pdf,
        ...(input.suffix === undefined && input.firstLine === undefined ? { textSha256: sha256Of(input.text) } : {}),
      },
    };
  }
}

/** UTF-8 (or UTF-16 with a byte order mark); Windows-1252 when it is not valid UTF-8; undefined for binary. */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * The PNG and JPEG pictures a Markdown file shows, read from its workspace folder (or its
 * own folder outside a workspace). Nothing is fetched from the network.
 */
async function readImages(document: vscode.Uri, sources: readonly string[]): Promise<Map<string, Uint8Array>> {
  const images = new Map<string, Uint8Array>();
  const folder = vscode.workspace.getWorkspaceFolder(document)?.uri ?? vscode.Uri.joinPath(document, '..');
  for (const src of sources) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || !/\.(png|jpe?g)$/i.test(src.split(/[?#]/)[0])) continue;
    let path: string;
    try {
      path = decodeURIComponent(src.split(/[?#]/)[0]);
    } catch {
      continue;
    }
    const target = path.startsWith('/') ? vscode.Uri.joinPath(folder, path) : vscode.Uri.joinPath(document, '..', path);
    if (!target.path.startsWith(folder.path.endsWith('/') ? folder.path : `${folder.path}/`)) continue;
    try {
      const stat = await vscode.workspace.fs.stat(target);
      if (stat.size > MAX_IMAGE_BYTES) continue;
      images.set(src, await vscode.workspace.fs.readFile(target));
    } catch {
      // Reported by the layout as a missing image.
    }
  }
  return images;
}
