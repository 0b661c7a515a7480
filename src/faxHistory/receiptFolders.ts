import * as vscode from 'vscode';
import { ReceiptStore } from '../receipts/receiptStore';

export type ReceiptsLocation = 'globalStorage' | 'workspace' | 'off';

/** The folder inside a workspace folder that holds receipts when the person chose `workspace`. */
export const WORKSPACE_RECEIPTS_FOLDER = ['.faxplus', 'receipts'] as const;

/**
 * Where receipts are written and read. Faxes often carry health data, so the
 * default is the extension's global storage, never the workspace; the setting
 * is application-scoped so a workspace's own settings cannot move receipts
 * into a folder that may be shared or committed.
 */
export class ReceiptFolders {
  constructor(private readonly globalStorage: vscode.Uri) {}

  location(): ReceiptsLocation {
    const value = vscode.workspace.getConfiguration('faxplus').get<string>('receipts.location', 'globalStorage');
    return value === 'workspace' || value === 'off' ? value : 'globalStorage';
  }

  /** Where the receipt of a fax of these documents goes; undefined when receipts are off. */
  storeFor(sourceUris: readonly string[]): ReceiptStore | undefined {
    const location = this.location();
    if (location === 'off') return undefined;
    if (location === 'workspace') {
      for (const text of sourceUris) {
        const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(text));
        if (folder && folder.uri.scheme === 'file') return this.workspaceStore(folder);
      }
      // A document outside every workspace folder: the private default, not some guessed folder.
    }
    return this.globalStore();
  }

  /** Every place a receipt may be (whatever the setting says now), so history survives a change of setting. */
  allStores(): ReceiptStore[] {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    return [this.globalStore(), ...folders.map((f) => this.workspaceStore(f))];
  }

  private globalStore(): ReceiptStore {
    return new ReceiptStore(vscode.Uri.joinPath(this.globalStorage, 'receipts').fsPath);
  }

  private workspaceStore(folder: vscode.WorkspaceFolder): ReceiptStore {
    return new ReceiptStore(vscode.Uri.joinPath(folder.uri, ...WORKSPACE_RECEIPTS_FOLDER).fsPath);
  }
}
