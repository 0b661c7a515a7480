import { formatFaxDate } from './dates';
import type { FaxRecord } from './records';
import type { EmulatorState } from './state';

/** One callback POSTed to a registered webhook target. */
export interface WebhookDelivery {
  at: number;
  target: string;
  event: 'fax_sent' | 'fax_received';
  body: unknown;
  /** HTTP status of the target's answer, or 0 when it could not be reached. */
  status?: number;
  error?: string;
}

/** POSTs WebhookCallback bodies to registered targets (best effort, never retried). */
export class WebhookDispatcher {
  readonly deliveries: WebhookDelivery[] = [];
  private readonly pending = new Set<Promise<void>>();

  dispatch(state: EmulatorState, event: 'fax_sent' | 'fax_received', fax: FaxRecord, now: number): void {
    for (const hook of state.webhooks.filter((w) => w.uid === fax.owner_id && w.event === event)) {
      const body = {
        hook: { id: fax.id, event, event_time: formatFaxDate(now), target: hook.target },
        data: {
          id: fax.id,
          uid: fax.owner_id,
          pages: fax.pages,
          from: fax.from ?? fax.from_number,
          to: fax.to,
          start_time: fax.start_time,
          file: fax.file,
          file_name: fax.file_name,
          cost: fax.cost,
          status: fax.status,
        },
      };
      const delivery: WebhookDelivery = { at: now, target: hook.target, event, body };
      this.deliveries.push(delivery);
      const p = fetch(hook.target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      })
        .then(async (res) => {
          delivery.status = res.status;
          await res.arrayBuffer();
        })
        .catch((err: unknown) => {
          delivery.status = 0;
          delivery.error = err instanceof Error ? err.message : String(err);
        })
        .finally(() => this.pending.delete(p));
      this.pending.add(p);
    }
  }

  /** Resolves when every callback sent so far has been answered or failed. */
  async idle(): Promise<void> {
    while (this.pending.size) {
      await Promise.all([...this.pending]);
    }
  }

  clear(): void {
    this.deliveries.length = 0;
  }
}
