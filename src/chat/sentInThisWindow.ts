import type { OutgoingFax } from '../send/sentFaxMatch';

/**
 * The faxes chat created in this window, by outbox id: what faxplus_faxStatus
 * needs to find a fax's Sent record once it left the Outbox under a new id.
 */
export class SentFromChat {
  private readonly faxes = new Map<string, OutgoingFax>();

  remember(ids: Readonly<Record<string, string>>, from: string, startedAt: Date): void {
    for (const [to, outboxId] of Object.entries(ids)) this.faxes.set(outboxId, { outboxId, to, from, startedAt });
  }

  get(outboxId: string): OutgoingFax | undefined {
    return this.faxes.get(outboxId);
  }
}
