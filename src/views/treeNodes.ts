import type { Account, Fax, FaxCategory, FaxNumber, OutboxFax } from '../api/models';

/**
 * The elements of the sidebar trees. Plain data (no `vscode`), so actions in
 * other folders can import them and unit tests can build them. Every node is
 * a root node (the trees are flat lists), so `getParent` returns undefined.
 *
 * Menus match on `TreeItem.contextValue`; see contextValues.ts for its grammar.
 */

/** The six sidebar views, by the part after `faxplus.`. */
export type ViewName = 'outbox' | 'inbox' | 'sent' | 'spam' | 'numbers' | 'members';

export const VIEW_NAMES: readonly ViewName[] = ['outbox', 'inbox', 'sent', 'spam', 'numbers', 'members'];

/** A received, sent or spam fax (`category` says which list it is in). */
export interface FaxNode {
  readonly kind: 'fax';
  readonly category: FaxCategory;
  readonly fax: Fax;
}

/** A fax waiting to be sent. */
export interface OutboxNode {
  readonly kind: 'outbox';
  readonly fax: OutboxFax;
}

/** One of the account's fax numbers; `assignees` are display names resolved from member uids when possible. */
export interface NumberNode {
  readonly kind: 'number';
  readonly number: FaxNumber;
  readonly assignees?: readonly string[];
}

/** A member of a corporate account (admins only). */
export interface MemberNode {
  readonly kind: 'member';
  readonly account: Account;
}

/** Loading the view failed; the item offers Retry. */
export interface ErrorNode {
  readonly kind: 'error';
  readonly view: ViewName;
  readonly message: string;
}

/** The token cannot read this view; the item offers to replace the token. */
export interface MissingScopeNode {
  readonly kind: 'missingScope';
  readonly view: ViewName;
  /** Alternatives, any one of which would do (e.g. `['fax:fax:read', 'fax:all:read']`). */
  readonly scopes: readonly string[];
  /** Set when the node is about one command of the view (e.g. `faxplus.buyNumber`) rather than reading the view. */
  readonly command?: string;
}

/** More faxes may exist; clicking loads the next page. */
export interface LoadMoreNode {
  readonly kind: 'loadMore';
  readonly view: ViewName;
}

/** The list is empty, or cannot apply to this account; `message` says why. */
export interface EmptyNode {
  readonly kind: 'empty';
  readonly view: ViewName;
  readonly message: string;
}

export type ItemNode = FaxNode | OutboxNode | NumberNode | MemberNode;
export type MessageNode = ErrorNode | MissingScopeNode | LoadMoreNode | EmptyNode;
export type TreeNode = ItemNode | MessageNode;
