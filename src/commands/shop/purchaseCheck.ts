import { FaxPlusError, ProtocolError } from '../../api/errors';
import type { FaxNumber } from '../../api/models';
import type { ClientProvider } from '../../client/clientProvider';
import type { Logger } from '../../api/logger';

export type PurchaseVerdict =
  | { readonly kind: 'bought'; readonly number: string }
  | { readonly kind: 'notSeen' }
  | { readonly kind: 'unknown'; readonly error?: unknown };

/** A second look catches a number the server was still adding when the connection broke. */
const SECOND_LOOK_AFTER_MS = 2_000;

/**
 * Never twice: a purchase whose answer was unclear is not repeated. The
 * account's numbers are looked at instead: the number bought is the one
 * offered, or (when the offer did not say) one that was not there before.
 */
export class PurchaseCheck {
  constructor(
    private readonly clients: ClientProvider,
    private readonly logger: Logger,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /**
   * Only a 4xx answer proves that nothing was bought. 408 and 499 are what
   * proxies say about a request they gave up on, which may still have arrived.
   */
  static provedRefusal(error: unknown): boolean {
    const status = error instanceof FaxPlusError && !(error instanceof ProtocolError) ? error.status : undefined;
    return status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 499;
  }

  /** The account's numbers now (undefined when they cannot be read: then nothing can be compared later). */
  async snapshot(): Promise<readonly FaxNumber[] | undefined> {
    try {
      return await this.clients.get().listNumbers();
    } catch (e) {
      this.logger.warn(`Buy a Fax Number: could not list the numbers before buying (${e instanceof Error ? e.name : String(e)})`);
      return undefined;
    }
  }

  async verify(expected: string | undefined, before: readonly FaxNumber[] | undefined): Promise<PurchaseVerdict> {
    if (!expected && !before) {
      return { kind: 'unknown' };
    }
    const known = new Set((before ?? []).map((n) => n.number));
    for (const wait of [0, SECOND_LOOK_AFTER_MS]) {
      if (wait > 0) await this.sleep(wait);
      let now: readonly FaxNumber[];
      try {
        now = await this.clients.get().listNumbers();
      } catch (error) {
        this.logger.warn(
          `Buy a Fax Number: could not look at the numbers after an unclear purchase answer (${error instanceof Error ? error.name : String(error)})`,
        );
        return { kind: 'unknown', error };
      }
      const found = expected ? now.find((n) => samePhone(n.number, expected)) : now.find((n) => !known.has(n.number));
      if (found) return { kind: 'bought', number: found.number };
    }
    return { kind: 'notSeen' };
  }
}

function samePhone(a: string, b: string): boolean {
  const digits = (s: string) => s.replace(/[^\d]/g, '');
  return digits(a) === digits(b);
}
