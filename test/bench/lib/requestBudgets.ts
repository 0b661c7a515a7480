/**
 * The requests each everyday journey may cost (operationIds, sorted), one
 * place for both the real-host test that fails when a journey asks for more
 * (test/integration/requestBudget.test.ts) and the benchmark that prints
 * what each journey asked for (npm run bench).
 */
export const REQUEST_BUDGETS = {
  /** From the sign-in command, sidebar hidden: the token's facts (two requests in parallel); the balance waits for a visible view. */
  signIn: ['getTokenInfo', 'getUser'],
  /** Opening the container, signed in: the two views expanded by default (collapsed ones load when expanded) and the balance, now that a view is visible. */
  openSidebar: ['getBalance', 'listFaxes', 'listOutboxFaxes'],
  /**
   * A returning person (facts stored) opening the container: the same, plus the background check of the token.
   * The stored account is kept, so /accounts/self is not asked again; nothing waits on the check.
   */
  returning: ['getBalance', 'getTokenInfo', 'listFaxes', 'listOutboxFaxes'],
  /** One file to one number, sender given, Outbox visible: the upload, the fax, the Outbox showing it, and the balance the fax cost. */
  sendFax: ['getBalance', 'listOutboxFaxes', 'sendFax', 'uploadFile'],
  /** An unread fax from the Inbox: its pages and the read mark (the row is redrawn without a list reload). */
  openFax: ['getFile', 'updateFax'],
  /** The next unread fax of the list: the same, nothing more. */
  openNextFax: ['getFile', 'updateFax'],
} as const satisfies Record<string, readonly string[]>;

export type Journey = keyof typeof REQUEST_BUDGETS;

/** A log's operationIds (method and path when unrouted), sorted, to compare with a budget. */
export function operationsOf(requests: readonly { operationId?: string; method: string; path: string }[]): string[] {
  return requests.map((r) => r.operationId ?? `${r.method} ${r.path}`).sort();
}
