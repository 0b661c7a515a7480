import type * as vscode from 'vscode';
import { OPERATIONS } from '../api/operations';
import { isPermitted } from '../api/scopes';
import type { AuthSession } from '../auth/authSession';
import type { ClientProvider } from '../client/clientProvider';
import type { Logger } from '../api/logger';

const LAST_SENDER_KEY = 'faxplus.send.lastFrom';

/**
 * The numbers the account may send from, and the one used last (globalState).
 * Listing numbers is optional for sending: a token without a numbers scope, or
 * a failed listing, yields `undefined` and the flow asks for the number as text.
 */
export class SenderNumbers {
  constructor(
    private readonly session: AuthSession,
    private readonly clients: ClientProvider,
    private readonly memento: vscode.Memento,
    private readonly logger: Logger,
  ) {}

  async active(signal?: AbortSignal): Promise<string[] | undefined> {
    const scopes = this.session.facts?.scopes ?? [];
    if (!isPermitted(scopes, OPERATIONS.listNumbers.permittedScopes)) return undefined;
    try {
      const numbers = await this.clients.get().listNumbers(undefined, { signal });
      return numbers.filter((n) => n.status === 'active').map((n) => n.number);
    } catch (e) {
      this.logger.warn(`Send as fax: could not list the sender numbers (${e instanceof Error ? e.name : String(e)}); asking instead`);
      return undefined;
    }
  }

  lastUsed(): string | undefined {
    const value = this.memento.get<unknown>(LAST_SENDER_KEY);
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  }

  async remember(from: string): Promise<void> {
    await this.memento.update(LAST_SENDER_KEY, from);
  }
}
