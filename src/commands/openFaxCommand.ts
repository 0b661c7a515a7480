import * as vscode from 'vscode';
import type { Command } from './command';
import type { ActionServices } from './targets/actionServices';
import type { FaxViewerPanels } from '../viewer/faxViewerPanels';
import { categoryOf, faxTargetOf } from './targets/faxTarget';
import { faxTitle } from '../views/faxTitle';
import { markOpenedFaxRead } from './targets/markOpenedRead';
import { pickFax } from './targets/pickFax';
import { COMMANDS } from '../manifest/commandIds';

export interface OpenFaxResult {
  readonly faxId: string;
  readonly title: string;
}

/**
 * Shows a fax's pages in an editor tab (the TIFF variant, painted by the
 * viewer webview). Opening a fax that is already open reveals its tab.
 * Opening an unread received fax marks it read when the token may.
 * Argument: a fax node, `{ faxId, category? }`, or nothing (quick pick).
 */
export class OpenFaxCommand implements Command {
  readonly id = COMMANDS.openFax;

  constructor(
    private readonly services: ActionServices,
    private readonly viewers: FaxViewerPanels,
  ) {}

  async execute(arg?: unknown): Promise<OpenFaxResult | undefined> {
    const { gate, clients, errors, tasks } = this.services;
    gate.ensure(this.id);
    const target =
      faxTargetOf(arg) ?? (await pickFax(clients, errors, { title: vscode.l10n.t('Open Fax'), categories: ['inbox', 'sent', 'spam'] }));
    if (!target) {
      return undefined;
    }
    const open = this.viewers.get(target.faxId);
    if (open) {
      open.reveal();
      return { faxId: target.faxId, title: open.title };
    }
    // The tab opens at once (with a loading line); closing it cancels the download.
    const panel = this.viewers.create(target.faxId, faxTitle(target.fax, target.category, target.faxId));
    try {
      const { fax, bytes } = await tasks.run(
        vscode.l10n.t('Downloading the fax from Fax.Plus…'),
        async (signal) => {
          const client = clients.get();
          let fax = target.fax;
          if (!fax) {
            fax = await client.getFax(target.faxId, { signal });
            panel.setTitle(faxTitle(fax, categoryOf(target, fax), target.faxId));
          }
          return { fax, bytes: await client.downloadFileBytes(target.faxId, 'tiff', { signal }) };
        },
        panel.signal,
      );
      panel.show(bytes);
      await markOpenedFaxRead(this.services, target, fax);
      return { faxId: target.faxId, title: panel.title };
    } catch (e) {
      panel.dispose();
      throw errors.show(e, vscode.l10n.t('Opening the fax'));
    }
  }
}
