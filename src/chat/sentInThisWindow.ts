import type * as vscode from 'vscode';
import type { FaxEvents, SentFax } from '../events/faxEvents';
import { outgoingFaxesOf, type OutgoingFax } from '../send/sentFaxMatch';

/**
 * The faxes created in this window (from chat or a command), by outbox id: what faxplus_faxStatus
 * needs to find a fax's Sent record once it left the Outbox under a new id. Recorded from the send
 * announcement, so it has the server's clock of the answer (its `Date`), not only ours.
 */
export class SentInThisWindow implements vscode.Disposable {
  private readonly faxes = new Map<string, OutgoingFax>();
  private readonly subscription: vscode.Disposable;

  constructor(events: Pick<FaxEvents, 'onDidSendFax'>) {
    this.subscription = events.onDidSendFax((sent) => this.record(sent));
  }

  get(outboxId: string): OutgoingFax | undefined {
    return this.faxes.get(outboxId);
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private record(sent: SentFax): void {
    for (const fax of outgoingFaxesOf(sent)) {
      this.faxes.set(fax.outboxId, fax);
    }
  }
}
