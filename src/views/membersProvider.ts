import * as vscode from 'vscode';
import { accountTypeText } from './accountTypeText';
import { isAdmin } from '../auth/tokenFacts';
import type { SectionDependencies } from './sectionDependencies';
import type { MemberList } from './memberList';
import { SectionTreeProvider } from './sectionTreeProvider';
import type { ItemNode, TreeNode } from './treeNodes';

/** Members of a corporate account. Only administrators may list them; everyone else sees why the list is empty. */
export class MembersProvider extends SectionTreeProvider {
  constructor(
    deps: SectionDependencies,
    private readonly members: MemberList,
  ) {
    super('members', deps);
  }

  protected override blockedNodes(): TreeNode[] | undefined {
    const facts = this.deps.session.facts;
    // An unknown account type (older stored facts) is left to the server to decide.
    if (facts?.account?.type && !isAdmin(facts)) {
      return [
        {
          kind: 'empty',
          view: this.view,
          message: vscode.l10n.t(
            'Only administrators of a corporate Fax.Plus account can see its members; this token belongs to a {0} account.',
            accountTypeText(facts.account.type),
          ),
        },
      ];
    }
    return super.blockedNodes();
  }

  protected async fetchFresh(signal: AbortSignal): Promise<ItemNode[]> {
    const members = await this.members.list(signal);
    return members.map((account) => ({ kind: 'member', account }));
  }

  protected emptyMessage(): string {
    return vscode.l10n.t('This account has no members.');
  }
}
