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

/** The requests each Fax.Plus view makes when it is first shown expanded (Numbers names the members a number is assigned to). */
export const VIEW_LOADS = {
  outbox: ['listOutboxFaxes'],
  inbox: ['listFaxes'],
  sent: ['listFaxes'],
  spam: ['listFaxes'],
  numbers: ['listNumbers', 'getAccounts'],
  members: ['getAccounts'],
} as const satisfies Record<string, readonly string[]>;

/** The views VS Code shows expanded in a new window (the others start collapsed and load when expanded). */
export const DEFAULT_EXPANDED: readonly (keyof typeof VIEW_LOADS)[] = ['outbox', 'inbox'];

/**
 * A container-opening budget for the views a window has expanded: `budget` (written for the
 * default layout) with the default views' loads replaced by those of `expanded`. A test run
 * after others finds the layout they left; the rule stays: what each expanded view needs, nothing for a collapsed one.
 */
export function forExpandedViews(budget: readonly string[], expanded: readonly (keyof typeof VIEW_LOADS)[]): string[] {
  const rest = [...budget];
  for (const view of DEFAULT_EXPANDED) for (const load of VIEW_LOADS[view]) rest.splice(rest.indexOf(load), 1);
  return [...rest, ...expanded.flatMap((view) => VIEW_LOADS[view])].sort();
}

/** A log's operationIds (method and path when unrouted), sorted, to compare with a budget. */
export function operationsOf(requests: readonly { operationId?: string; method: string; path: string }[]): string[] {
  return requests.map((r) => r.operationId ?? `${r.method} ${r.path}`).sort();
}
