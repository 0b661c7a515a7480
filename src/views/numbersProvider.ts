import * as vscode from 'vscode';
import { COMMANDS } from '../manifest/commandIds';
import type { Account } from '../api/models';
import { isAdmin } from '../auth/tokenFacts';
import { personLabel } from '../format/personName';
import type { SectionDependencies } from './sectionDependencies';
import type { MemberList } from './memberList';
import { SectionTreeProvider } from './sectionTreeProvider';
import type { ItemNode, TreeNode } from './treeNodes';

const BUY = COMMANDS.buyNumber;

/**
 * The account's fax numbers and who each is assigned to. Member uids are
 * resolved to names when the token may list members (admins); otherwise, or
 * if that listing fails, the uids are shown: the numbers matter more.
 */
export class NumbersProvider extends SectionTreeProvider {
  constructor(
    deps: SectionDependencies,
    private readonly members: MemberList,
  ) {
    super('numbers', deps);
  }

  protected async fetchFresh(signal: AbortSignal): Promise<ItemNode[]> {
    const client = this.deps.clients.get();
    const [numbers, names] = await Promise.all([client.listNumbers(undefined, { signal }), this.memberNames(signal)]);
    return numbers.map((number) => ({
      kind: 'number',
      number,
      assignees: number.assignedTo.map((uid) => names.get(uid) ?? uid),
    }));
  }

  protected emptyMessage(): string {
    return vscode.l10n.t('This account has no fax numbers.');
  }

  /** Under the numbers: what buying one would need, when the token cannot (the title bar's Buy is hidden or refuses then). */
  protected override trailingNodes(): TreeNode[] {
    const facts = this.deps.session.facts;
    const verdict = facts && this.deps.permissions.verdict(BUY, facts.scopes);
    if (!verdict || verdict.allowed) {
      return [];
    }
    // The purchase is the last operation; its scopes (edit) also permit browsing.
    return [{ kind: 'missingScope', view: 'numbers', command: BUY, scopes: verdict.wouldPermit.at(-1) ?? [] }];
  }

  private async memberNames(signal: AbortSignal): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const facts = this.deps.session.facts;
    if (facts?.account) {
      names.set(facts.account.uid, vscode.l10n.t('you'));
    }
    if (!facts || !isAdmin(facts) || !this.deps.permissions.verdict('faxplus.view.members', facts.scopes).allowed) {
      return names;
    }
    try {
      for (const member of await this.members.list(signal)) {
        if (member.uid !== facts.account?.uid) {
          names.set(member.uid, displayName(member));
        }
      }
    } catch (e) {
      this.deps.logger.warn(`Numbers: could not resolve member names: ${e instanceof Error ? e.message : String(e)}`);
    }
    return names;
  }
}

function displayName(member: Account): string {
  return personLabel(member, member.uid);
}
