import type { TreeNode } from './treeNodes';
import { statusOutcome } from './faxStatusOutcome';

/**
 * The `contextValue` of every sidebar item, so menus (ours and the actions')
 * can match with `viewItem =~ /…/`. Grammar: a kind, then `;`-separated
 * `key=value` facts and bare flags, always in this order:
 *
 *   fax;category=<inbox|sent|spam>;status=<raw status>;outcome=<outcome>;<read|unread>
 *   outbox;status=<raw status>
 *   number;status=<raw status>;<assigned|unassigned>
 *   member;type=<account type>;role=<role or none>
 *   message;kind=<error|missingScope|loadMore|empty>;view=<view name>[;command=<command without faxplus.>]
 *
 * `outcome` is success | partial | failure | unknown (see
 * faxStatusOutcome.ts). Values never contain `;` or `=`, so a menu can match
 * e.g. `viewItem =~ /^fax;.*;outcome=(failure|partial)(;|$)/` or
 * `viewItem =~ /^fax;category=inbox;.*;unread$/`.
 */
export function contextValueOf(node: TreeNode): string {
  switch (node.kind) {
    case 'fax':
      return [
        'fax',
        `category=${node.category}`,
        `status=${clean(node.fax.status)}`,
        `outcome=${statusOutcome(node.fax.status)}`,
        node.fax.isRead === false ? 'unread' : 'read',
      ].join(';');
    case 'outbox':
      return ['outbox', `status=${clean(node.fax.status)}`].join(';');
    case 'number':
      return ['number', `status=${clean(node.number.status)}`, node.number.assignedTo.length > 0 ? 'assigned' : 'unassigned'].join(';');
    case 'member':
      return ['member', `type=${clean(node.account.accountType)}`, `role=${clean(node.account.role ?? 'none')}`].join(';');
    default: {
      const parts = ['message', `kind=${node.kind}`, `view=${node.view}`];
      if (node.kind === 'missingScope' && node.command) {
        parts.push(`command=${clean(node.command.replace(/^faxplus\./, ''))}`);
      }
      return parts.join(';');
    }
  }
}

/** Raw server values may hold anything; keep them matchable. */
function clean(value: string): string {
  return value.replace(/[;=\s]+/g, '_') || 'none';
}
