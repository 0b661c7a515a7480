import type * as vscode from 'vscode';
import type { UploadSource } from '../api/uploadSource';
import type { RenderedText } from './textRendering';

/** One document of the fax, sized and ready to stream. */
export interface FaxDocument {
  readonly uri: vscode.Uri;
  /** The file name Fax.Plus sees (it decides the conversion by its extension). */
  readonly name: string;
  readonly size: number;
  readonly source: UploadSource;
  /** Set when the document is a text file laid out as PDF pages by the extension. */
  readonly rendered?: RenderedText;
}
