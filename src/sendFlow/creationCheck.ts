import type { ClientProvider } from '../client/clientProvider';
import type { Logger } from '../api/logger';
import { attemptStartOnServerClock, CLOCK_TOLERANCE_MS, findAttemptOnServer, type SendAttempt } from './faxMatch';

export type CreationVerdict =
  | { readonly kind: 'created'; readonly ids: ReadonlyMap<string, string> }
  | { readonly kind: 'notFoundYet' }
  | { readonly kind: 'unknown'; readonly error: unknown };

/** A second look catches a fax the server was still writing when the connection broke. */
const SECOND_LOOK_AFTER_MS = 2_000;
const SENT_PAGE_LIMIT = 1000;

/**
 * Never twice: after an outbox request that may have reached Fax.Plus fails,
 * nothing is repeated. Instead the outbox and the recent sent faxes are
 * searched for this attempt's fax (see findAttemptOnServer for the rule).
 * Finding nothing proves nothing: the fax may still appear (CreationWatches).
 */
export class CreationCheck {
  constructor(
    private readonly clients: ClientProvider,
    private readonly logger: Logger,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async verify(attempt: SendAttempt): Promise<CreationVerdict> {
    for (const wait of [0, SECOND_LOOK_AFTER_MS]) {
      if (wait > 0) await this.sleep(wait);
      let found: ReadonlyMap<string, string>;
      try {
        found = await this.look(attempt);
      } catch (error) {
        this.logger.warn(
          `Send as fax: could not look for the fax after a failed outbox request (${error instanceof Error ? error.name : String(error)})`,
        );
        return { kind: 'unknown', error };
      }
      if (found.size > 0) return { kind: 'created', ids: found };
    }
    return { kind: 'notFoundYet' };
  }

  /** One look at the Outbox and the recent Sent faxes; throws when Fax.Plus could not be asked. */
  async look(attempt: SendAttempt): Promise<ReadonlyMap<string, string>> {
    const client = this.clients.get();
    const outbox = await client.listOutbox();
    const sent = await client.listFaxes({
      category: 'sent',
      after: new Date(attemptStartOnServerClock(attempt).getTime() - CLOCK_TOLERANCE_MS),
      limit: SENT_PAGE_LIMIT,
    });
    return findAttemptOnServer(attempt, outbox, sent);
  }
}
