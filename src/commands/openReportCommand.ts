import * as vscode from 'vscode';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from './command';
import type { ActionServices } from './targets/actionServices';
import { plainArgs, stringArg } from './targets/commandArgs';
import { faxTargetOf } from './targets/faxTarget';
import { pickFax } from './targets/pickFax';
import { transferProgress } from './targets/transferProgress';
import { checkDestination, safeFileName } from './targets/downloadPaths';
import { destinationProblem } from './targets/destinationProblem';
import { COMMANDS } from '../manifest/commandIds';

/**
 * Fetches the confirmation report of a sent fax (a PDF) into the extension's
 * storage and opens it with the system's PDF viewer. The in-editor viewer
 * shows faxes as TIFF and does not render PDF (see src/viewer/README.md).
 * Argument: a Sent node, `{ faxId, destination?: '/abs/report.pdf', open?: boolean }`
 * (`open` defaults to true: the system's PDF viewer), or nothing (quick pick).
 */
export class OpenReportCommand implements Command {
  readonly id = COMMANDS.openReport;

  constructor(
    private readonly services: ActionServices,
    private readonly reportsFolder: vscode.Uri,
  ) {}

  async execute(arg?: unknown): Promise<string | undefined> {
    const { gate, clients, errors, tasks } = this.services;
    gate.ensure(this.id);
    const args = plainArgs(arg);
    const target =
      faxTargetOf(arg) ?? (await pickFax(clients, errors, { title: vscode.l10n.t('Open Confirmation Report'), categories: ['sent'] }));
    if (!target) {
      return undefined;
    }
    const given = stringArg(args, 'destination');
    if (given !== undefined) {
      const check = checkDestination(given, ['.pdf']);
      if (!check.ok) {
        throw errors.show(new Error(destinationProblem(check.reason, '.pdf')), vscode.l10n.t('Opening the confirmation report'));
      }
    }
    const destination = given ?? join(this.reportsFolder.fsPath, `fax-${safeFileName(target.faxId)}-report.pdf`);
    let written: string;
    try {
      await mkdir(this.reportsFolder.fsPath, { recursive: true });
      await tasks.run(vscode.l10n.t('Downloading the confirmation report…'), (signal, progress) =>
        clients.get().downloadReport(target.faxId, destination, { signal, onProgress: transferProgress(progress) }),
      );
      written = destination;
    } catch (e) {
      throw errors.show(e, vscode.l10n.t('Opening the confirmation report'));
    }
    if (args?.open !== false) {
      // Only the PDF this call has just written goes to the system's handler, never some other file.
      void vscode.env.openExternal(vscode.Uri.file(written));
    }
    return written;
  }
}
