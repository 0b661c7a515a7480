import * as vscode from 'vscode';
import type { OutboxFax } from '../api/models';
import type { SectionDependencies } from './sectionDependencies';
import { SectionTreeProvider } from './sectionTreeProvider';
import type { ItemNode } from './treeNodes';

/** Faxes waiting to be sent. Announces every list it loads so the sidebar can notice faxes leaving it. */
export class OutboxProvider extends SectionTreeProvider {
  private readonly loaded = this.register(new vscode.EventEmitter<readonly OutboxFax[]>());
  readonly onDidLoad = this.loaded.event;

  constructor(deps: SectionDependencies) {
    super('outbox', deps);
  }

  protected async fetchFresh(signal: AbortSignal): Promise<ItemNode[]> {
    const faxes = await this.deps.clients.get().listOutbox({ signal });
    this.loaded.fire(faxes);
    return faxes.map((fax) => ({ kind: 'outbox', fax }));
  }

  protected emptyMessage(): string {
    return vscode.l10n.t('Nothing waiting to be sent.');
  }
}
