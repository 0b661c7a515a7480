import * as vscode from 'vscode';

/**
 * One text file of the extension's own storage (e.g. under globalStorageUri),
 * written through a temporary file and a rename so a crash mid-write never
 * leaves half a file behind.
 */
export class StorageFile {
  constructor(private readonly uri: vscode.Uri) {}

  async read(): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri));
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
      throw e;
    }
  }

  async write(text: string): Promise<void> {
    const folder = vscode.Uri.joinPath(this.uri, '..');
    await vscode.workspace.fs.createDirectory(folder);
    const temporary = this.uri.with({ path: `${this.uri.path}.tmp` });
    await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(text));
    await vscode.workspace.fs.rename(temporary, this.uri, { overwrite: true });
  }
}
