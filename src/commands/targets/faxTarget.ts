import type { FaxPlusClient } from '../../api/faxPlusClient';
import type { Fax, FaxCategory } from '../../api/models';
import type { FaxNode } from '../../views/treeNodes';
import { plainArgs, stringArg } from './commandArgs';

/** The fax a command acts on: from a tree node (record included) or `{ faxId, category? }`. */
export interface FaxTarget {
  readonly faxId: string;
  readonly category?: FaxCategory;
  readonly fax?: Fax;
}

const CATEGORIES: readonly string[] = ['inbox', 'sent', 'spam'];

export function isFaxNode(arg: unknown): arg is FaxNode {
  const node = arg as Partial<FaxNode> | undefined;
  return node?.kind === 'fax' && typeof node.fax?.id === 'string';
}

/** Undefined when the argument names no fax (the palette then asks). */
export function faxTargetOf(arg: unknown): FaxTarget | undefined {
  if (isFaxNode(arg)) {
    return { faxId: arg.fax.id, category: arg.category, fax: arg.fax };
  }
  const args = plainArgs(arg);
  const faxId = stringArg(args, 'faxId');
  if (!faxId) {
    return undefined;
  }
  const category = stringArg(args, 'category');
  return { faxId, category: category && CATEGORIES.includes(category) ? (category as FaxCategory) : undefined };
}

/** The fax record: the node's, or fetched (plain arguments carry only the id). */
export async function faxRecordOf(target: FaxTarget, client: FaxPlusClient, signal?: AbortSignal): Promise<Fax> {
  return target.fax ?? client.getFax(target.faxId, { signal });
}

/** The list a fax lives in: known from the node, or guessed from its record. */
export function categoryOf(target: FaxTarget, fax?: Fax): FaxCategory {
  if (target.category) {
    return target.category;
  }
  if (fax?.isSpam) {
    return 'spam';
  }
  return fax?.direction === 'outgoing' ? 'sent' : 'inbox';
}

/** The other party's number: the sender of a received fax, the destination of a sent one. */
export function counterpartOf(fax: Fax, category: FaxCategory): string | undefined {
  return category === 'sent' ? fax.to : fax.from;
}
