import * as vscode from 'vscode';
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { sha256Of } from '../receipts/hashedUpload';
import type { SourceFingerprint } from '../receipts/receipt';
import { decodeText } from '../sendFlow/textRendering';

/** Text files larger than this are not laid out (TextRendering), so they are not compared as text either. */
const MAX_TEXT_BYTES = 2 * 1024 * 1024;
/** Nothing larger can be faxed (150 MB in total). */
const MAX_BYTES = 150 * 1024 * 1024;

interface Cached {
  readonly mtime: number;
  readonly size: number;
  readonly sha256: Promise<string | undefined>;
}

/**
 * The current fingerprint of a file, as a receipt recorded it (bytes or text),
 * computed off the UI path (streamed, asynchronous) and cached by modification
 * time and size, so a decoration asks the disk again only after the file changed.
 */
export class FileFingerprints {
  private readonly cache = new Map<string, Cached>();

  /** The file's SHA-256 in the way `kind` says; undefined when it is gone, too large or not text. */
  async current(uri: vscode.Uri, kind: SourceFingerprint['kind']): Promise<string | undefined> {
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return undefined;
    }
    const key = `${kind} ${uri.toString()}`;
    const known = this.cache.get(key);
    if (known && known.mtime === stat.mtime && known.size === stat.size) return known.sha256;
    const sha256 = this.compute(uri, kind, stat.size).catch(() => undefined);
    this.cache.set(key, { mtime: stat.mtime, size: stat.size, sha256 });
    return sha256;
  }

  forget(uri: vscode.Uri): void {
    for (const kind of ['bytes', 'text'] as const) this.cache.delete(`${kind} ${uri.toString()}`);
  }

  private async compute(uri: vscode.Uri, kind: SourceFingerprint['kind'], size: number): Promise<string | undefined> {
    if (kind === 'text') {
      if (size > MAX_TEXT_BYTES) return undefined;
      const text = decodeText(await vscode.workspace.fs.readFile(uri));
      return text === undefined ? undefined : sha256Of(text);
    }
    if (size > MAX_BYTES) return undefined;
    return uri.scheme === 'file' ? hashFile(uri.fsPath) : sha256Of(await vscode.workspace.fs.readFile(uri));
  }
}

/** Streams the file through SHA-256: a large PDF never sits in memory whole. */
function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
