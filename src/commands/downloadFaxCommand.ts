import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Command } from './command';
import type { FileFormat } from '../api/models';
import type { ActionServices } from './targets/actionServices';
import { plainArgs, stringArg } from './targets/commandArgs';
import { categoryOf, counterpartOf, faxTargetOf, type FaxTarget } from './targets/faxTarget';
import { pickFax } from './targets/pickFax';
import { transferProgress } from './targets/transferProgress';
import { checkDestination, faxFileName } from './targets/downloadPaths';
import { destinationProblem } from './targets/destinationProblem';
import { COMMANDS } from '../manifest/commandIds';
import { commandAction } from '../util/noticeActions';

/**
 * Saves a fax as PDF or TIFF where the person chooses (the save dialog's
 * file type picks the format). The file appears only once complete: a
 * cancelled or broken download leaves nothing behind (see fileDownload.ts).
 * Argument: a fax node, `{ faxId, format?: 'pdf' | 'tiff', destination?: '/abs/path.pdf' }`, or nothing (quick pick).
 */
export class DownloadFaxCommand implements Command {
  readonly id = COMMANDS.downloadFax;

  constructor(private readonly services: ActionServices) {}

  async execute(arg?: unknown): Promise<string | undefined> {
    const { gate, clients, errors, tasks } = this.services;
    gate.ensure(this.id);
    const args = plainArgs(arg);
    const target =
      faxTargetOf(arg) ?? (await pickFax(clients, errors, { title: vscode.l10n.t('Download Fax'), categories: ['inbox', 'sent', 'spam'] }));
    if (!target) {
      return undefined;
    }
    const requested = stringArg(args, 'format');
    const given = stringArg(args, 'destination');
    if (given !== undefined) {
      const check = checkDestination(given, ['.pdf', '.tif', '.tiff']);
      if (!check.ok) {
        throw errors.show(new Error(destinationProblem(check.reason, '.pdf, .tif, .tiff')), vscode.l10n.t('Downloading the fax'));
      }
    }
    const destination = given ?? (await this.askDestination(target, requested === 'tiff' ? 'tiff' : 'pdf'));
    if (!destination) {
      return undefined;
    }
    const format: FileFormat = requested === 'tiff' || requested === 'pdf' ? requested : /\.tiff?$/i.test(destination) ? 'tiff' : 'pdf';
    try {
      await tasks.run(vscode.l10n.t('Downloading the fax as {0}…', format.toUpperCase()), (signal, progress) =>
        clients.get().downloadFile(target.faxId, format, destination, { signal, onProgress: transferProgress(progress) }),
      );
    } catch (e) {
      throw errors.show(e, vscode.l10n.t('Downloading the fax'));
    }
    void this.services.notifier.notify(
      'info',
      vscode.l10n.t('Fax saved to {0}', destination),
      commandAction(vscode.l10n.t('Reveal in File Explorer'), 'revealFileInOS', vscode.Uri.file(destination)),
    );
    return destination;
  }

  private async askDestination(target: FaxTarget, format: FileFormat): Promise<string | undefined> {
    const uri = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save Fax'),
      saveLabel: vscode.l10n.t('Save Fax'),
      defaultUri: vscode.Uri.file(join(defaultFolder(), suggestedName(target, format))),
      filters:
        format === 'tiff'
          ? { [vscode.l10n.t('TIFF image')]: ['tif', 'tiff'], [vscode.l10n.t('PDF document')]: ['pdf'] }
          : { [vscode.l10n.t('PDF document')]: ['pdf'], [vscode.l10n.t('TIFF image')]: ['tif', 'tiff'] },
    });
    return uri?.fsPath;
  }
}

function defaultFolder(): string {
  const downloads = join(homedir(), 'Downloads');
  return existsSync(downloads) ? downloads : homedir();
}

function suggestedName(target: FaxTarget, format: FileFormat): string {
  const fax = target.fax;
  const date = fax?.startTime?.toISOString().slice(0, 10);
  const party = fax ? counterpartOf(fax, categoryOf(target, fax)) : undefined;
  return faxFileName(date, party?.replace(/[^+\d]/g, ''), target.faxId, format === 'tiff' ? 'tif' : 'pdf');
}
