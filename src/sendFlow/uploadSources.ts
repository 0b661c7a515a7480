import * as vscode from 'vscode';
import { chunksOf, localFileSource, type UploadSource } from '../api/uploadSource';

/** A `file:` document read from disk into reused buffers. */
export function diskUploadSource(uri: vscode.Uri, name: string, size: number): UploadSource {
  return localFileSource(uri.fsPath, name, size);
}

/**
 * A document on a remote or virtual file system. `workspace.fs` offers no
 * streaming read, so the bytes are read when the upload starts (not before)
 * and handed over in chunks; `open()` reads again for a repeat after a 401.
 */
export function workspaceUploadSource(uri: vscode.Uri, name: string, size: number): UploadSource {
  return {
    name,
    size,
    open: () => chunksOf(() => vscode.workspace.fs.readFile(uri)),
  };
}
