import type { Account } from '../api/models';
import { CancelledError } from '../api/errors';
import type { ClientProvider } from '../client/clientProvider';

interface SharedRequest {
  readonly answer: Promise<Account[]>;
  readonly controller: AbortController;
  waiting: number;
}

/**
 * The account's members for the Numbers and Members views together. Both ask
 * GET /accounts (Numbers to name whom each number is assigned to), so when both
 * load at once (the sidebar opened with both expanded, Refresh All) one request
 * answers both. A view that stops waiting (reset, signed out, disposed) leaves the
 * request to the other; it is aborted only when no view waits for it any more.
 */
export class MemberList {
  private shared: SharedRequest | undefined;

  constructor(private readonly clients: Pick<ClientProvider, 'get'>) {}

  /** The members, from the request already on its way if there is one. */
  list(signal: AbortSignal): Promise<Account[]> {
    if (signal.aborted) {
      return Promise.reject(cancelled());
    }
    const request = (this.shared ??= this.start());
    request.waiting++;
    return new Promise<Account[]>((resolve, reject) => {
      const stopWaiting = () => {
        request.waiting--;
        if (request.waiting === 0) {
          this.drop(request);
          request.controller.abort();
        }
        reject(cancelled());
      };
      signal.addEventListener('abort', stopWaiting, { once: true });
      request.answer.then(
        (members) => {
          signal.removeEventListener('abort', stopWaiting);
          resolve(members);
        },
        (e: unknown) => {
          signal.removeEventListener('abort', stopWaiting);
          reject(e);
        },
      );
    });
  }

  /**
   * The next caller starts a new request: the members changed, or the person asked
   * for a refresh, so an answer already on its way may be from before.
   */
  forget(): void {
    this.shared = undefined;
  }

  private start(): SharedRequest {
    const controller = new AbortController();
    const request: SharedRequest = {
      answer: this.clients.get().listMembers({ signal: controller.signal }),
      controller,
      waiting: 0,
    };
    const settled = () => this.drop(request);
    request.answer.then(settled, settled);
    return request;
  }

  private drop(request: SharedRequest): void {
    if (this.shared === request) {
      this.shared = undefined;
    }
  }
}

function cancelled(): CancelledError {
  return new CancelledError('Fax.Plus getAccounts was cancelled', { operationId: 'getAccounts', maybeDelivered: false });
}
