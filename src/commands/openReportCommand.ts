import * as vscode from 'vscode';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from './command';
import type { ActionServices } from './targets/actionServices';
import { plainArgs, stringArg } from './targets/commandArgs';
import { faxTargetOf } from './targets/faxTarget';
import { pickFax } from './targets/pickFax';
import { transferProgress } from './targets/transferProgress';
import { COMMANDS } from '../manifest/commandIds';

/** Plain-object form: `{ faxId, destination?: '/abs/report.pdf', open?: boolean }`. */
export interface OpenReportArgs {
  readonly faxId: string;
  readonly destination?: string;
  /** Open it in the system's PDF viewer (default true). */
  readonly open?: boolean;
}

/**
 * Fetches the confirmation report of a sent fax (a PDF) into the extension's
 * storage and opens it with the system's PDF viewer. The in-editor viewer
 * shows faxes as TIFF and does not render PDF (see src/viewer/README.md).
 */
export class OpenReportCommand implements Command {
  readonly id = COMMANDS.openReport;

  constructor(private readonly services: ActionServices, private readonly reportsFolder: vscode.Uri) {}

  async execute(arg?: unknown): Promise<string | undefined> {
    const { gate, clients, errors, tasks } = this.services;
    gate.ensure(this.id);
    const args = plainArgs(arg);
    const target = faxTargetOf(arg) ?? await pickFax(clients, errors, { title: vscode.l10n.t('Open Confirmation Report'), categories: ['sent'] });
    if (!target) {
      return undefined;
    }
    const destination = stringArg(args, 'destination') ?? join(this.reportsFolder.fsPath, `fax-${target.faxId.replace(/[^\w-]/g, '_')}-report.pdf`);
    try {
      await mkdir(this.reportsFolder.fsPath, { recursive: true });
      await tasks.run(vscode.l10n.t('Downloading the confirmation report…'), (signal, progress) =>
        clients.get().downloadReport(target.faxId, destination, { signal, onProgress: transferProgress(progress) }));
    } catch (e) {
      throw errors.show(e, vscode.l10n.t('Opening the confirmation report'));
    }
    if (args?.open !== false) {
      void vscode.env.openExternal(vscode.Uri.file(destination));
    }
    return destination;
  }
}
