import * as vscode from 'vscode';
import type { Logger } from '../api/logger';
import type { AuthSession } from '../auth/authSession';
import type { CommandPermissions } from '../auth/commandPermissions';
import type { TokenFacts } from '../auth/tokenFacts';
import type { ClientProvider } from '../client/clientProvider';
import type { ErrorPresenter } from '../errors/errorPresenter';
import type { FaxEvents } from '../events/faxEvents';
import { Disposable } from '../util/disposable';
import type { Notifier } from '../util/notifier';
import type { AddressBook } from '../contacts/addressBook';
import { FaxFilters } from './faxFilters';
import type { OutboxDrop } from './outboxDrop';
import type { SidebarTreeViews } from './sidebarTreeViews';
import { FaxListProvider, type FaxListCopy } from './faxListProvider';
import { FaxNotifications } from './faxNotifications';
import { InboxWatcher } from './inboxWatcher';
import { MembersProvider } from './membersProvider';
import { NumbersProvider } from './numbersProvider';
import { OutboxProvider } from './outboxProvider';
import { OutboxWatcher } from './outboxWatcher';
import { SentFaxTracker } from './sentFaxTracker';
import type { PollTimers } from './poller';
import type { SectionDependencies } from './sectionDependencies';
import type { SectionTreeProvider } from './sectionTreeProvider';
import { SidebarActivity } from './sidebarActivity';
import { SidebarPolling } from './sidebarPolling';
import { deferredTreeItems } from './deferredTreeItems';
import { MemberList } from './memberList';
import { VIEW_NAMES, type TreeNode, type ViewName } from './treeNodes';

export interface SidebarDependencies {
  /** The six views VS Code shows; the sidebar's providers answer them. */
  readonly treeViews: SidebarTreeViews;
  readonly session: AuthSession;
  readonly permissions: CommandPermissions;
  readonly clients: ClientProvider;
  readonly errors: ErrorPresenter;
  readonly events: FaxEvents;
  readonly logger: Logger;
  readonly notifier: Notifier;
  readonly timers?: PollTimers;
  /** Names known numbers in the trees and notifications. */
  readonly contacts?: AddressBook;
  /** The Inbox's first page kept between windows, shown while the first load runs. */
  readonly inboxCopy?: FaxListCopy;
}

export interface SidebarProviders {
  readonly outbox: OutboxProvider;
  readonly inbox: FaxListProvider;
  readonly sent: FaxListProvider;
  readonly spam: FaxListProvider;
  readonly numbers: NumbersProvider;
  readonly members: MembersProvider;
}

const DEFAULT_PAGE_SIZE = 50;

/**
 * The Fax.Plus sidebar: six tree views, what keeps them current (events from
 * other features, polling, sign-in changes) and the notifications they raise.
 */
export class Sidebar extends Disposable {
  readonly providers: SidebarProviders;
  readonly views: Readonly<Record<ViewName, vscode.TreeView<TreeNode>>>;
  readonly notifications: FaxNotifications;
  /** Find faxes: the filters of Inbox and Sent. */
  readonly filters: FaxFilters;
  /** Files dropped on the Outbox start Send as Fax. */
  readonly outboxDrop: OutboxDrop;
  readonly inboxWatcher: InboxWatcher;
  readonly outboxWatcher: OutboxWatcher;
  /** Follows faxes sent from this window to their outcome, views visible or not. */
  readonly tracker: SentFaxTracker;
  readonly polling: SidebarPolling;
  /** Whether background work may call the API: a view is visible (or another reason holds). */
  readonly activity: SidebarActivity;
  private identity: string | undefined;
  /** GET /accounts, shared by Numbers (assignees' names) and Members when both load at once. */
  private readonly memberList: MemberList;

  constructor(private readonly deps: SidebarDependencies) {
    super();
    const ownerOf = deps.contacts && ((number: string) => deps.contacts?.ownerOf(number)?.name);
    this.notifications = new FaxNotifications(deps.notifier, ownerOf);
    const section: SectionDependencies = {
      session: deps.session,
      permissions: deps.permissions,
      clients: deps.clients,
      errors: deps.errors,
      logger: deps.logger,
      items: deferredTreeItems(vscode.env.language, ownerOf),
    };
    this.memberList = new MemberList(deps.clients);
    const pageSize = (): number => vscode.workspace.getConfiguration('faxplus').get<number>('pageSize', DEFAULT_PAGE_SIZE);
    this.providers = {
      outbox: this.register(new OutboxProvider(section)),
      inbox: this.register(new FaxListProvider('inbox', section, pageSize, deps.inboxCopy)),
      sent: this.register(new FaxListProvider('sent', section, pageSize)),
      spam: this.register(new FaxListProvider('spam', section, pageSize)),
      numbers: this.register(new NumbersProvider(section, this.memberList)),
      members: this.register(new MembersProvider(section, this.memberList)),
    };
    this.outboxDrop = deps.treeViews.outboxDrop;
    const views = {} as Record<ViewName, vscode.TreeView<TreeNode>>;
    for (const name of VIEW_NAMES) {
      const provider = this.providers[name];
      const view = deps.treeViews.show(name, provider);
      provider.isVisible = () => view.visible;
      views[name] = view;
    }
    this.views = views;
    this.activity = this.register(new SidebarActivity(Object.values(views)));
    this.filters = this.register(
      new FaxFilters({
        inbox: { provider: this.providers.inbox, view: views.inbox },
        sent: { provider: this.providers.sent, view: views.sent },
      }),
    );
    if (deps.contacts) {
      // A contact added, edited or removed renames rows already drawn; nothing is fetched.
      this.register(deps.contacts.onDidChange(() => VIEW_NAMES.forEach((view) => this.providers[view].redraw())));
    }

    this.inboxWatcher = this.register(new InboxWatcher(this.providers.inbox, views.inbox, this.notifications));
    this.tracker = this.register(new SentFaxTracker(deps, this.notifications));
    this.outboxWatcher = this.register(
      new OutboxWatcher(this.providers.outbox, views.outbox, this.providers.sent, {
        logger: deps.logger,
        events: deps.events,
        tracker: this.tracker,
      }),
    );
    this.polling = this.register(
      new SidebarPolling(
        { provider: this.providers.inbox, view: views.inbox },
        { provider: this.providers.outbox, view: views.outbox },
        () => this.outboxWatcher.pending,
        deps.session,
        deps.timers,
      ),
    );

    this.register(deps.events.onDidChangeList((list) => void this.refresh(list)));
    this.register(deps.events.onDidUpdateFax(({ category, faxId, changes }) => void this.providers[category].showUpdated(faxId, changes)));
    this.identity = identityOf(deps.session.facts);
    this.register(
      deps.session.onDidChange(() => {
        const identity = identityOf(deps.session.facts);
        if (identity !== this.identity) {
          this.identity = identity;
          this.resetAll();
          this.loadVisible();
        }
      }),
    );
  }

  provider(view: ViewName): SectionTreeProvider {
    return this.providers[view];
  }

  /** Refreshes one view (and only it); a hidden view just reloads when shown. */
  refresh(view: ViewName): Promise<void> {
    if (view === 'numbers' || view === 'members') {
      // A refresh asks for what is true now: a member list already on its way may be from before.
      this.memberList.forget();
    }
    return this.providers[view].refresh();
  }

  /** Appends the next page of older faxes (one request). */
  loadMore(view: 'inbox' | 'sent' | 'spam'): Promise<void> {
    return this.providers[view].loadMore();
  }

  /**
   * Shows the Numbers view, reloads it and selects `number` there (after a
   * purchase). Resolves whether the number is in the list.
   */
  async revealNumber(number: string): Promise<boolean> {
    const provider = this.providers.numbers;
    await vscode.commands.executeCommand('faxplus.numbers.focus');
    await provider.poll().catch(() => undefined); // a failed load already shows its error node
    const digits = (s: string) => s.replace(/\D/g, '');
    const node = provider.loadedItems.find((n) => n.kind === 'number' && digits(n.number.number) === digits(number));
    if (!node) {
      return false;
    }
    // Best effort: VS Code refuses to reveal a node it has not drawn yet.
    await Promise.resolve(this.views.numbers.reveal(node, { select: true, focus: false })).catch(() => undefined);
    return true;
  }

  async refreshAll(): Promise<void> {
    // Forgotten once, so Numbers and Members share one new member list.
    this.memberList.forget();
    await Promise.all(VIEW_NAMES.map((view) => this.providers[view].refresh()));
  }

  /**
   * Views on screen start loading for the new identity at once, instead of
   * after the workbench has heard of the change and asked (one trip through
   * the renderer less before the first items); the workbench's own request
   * then shares the load in flight. Hidden views still load only when shown.
   */
  private loadVisible(): void {
    for (const view of VIEW_NAMES) {
      if (this.views[view].visible && this.deps.session.facts) {
        void this.providers[view].getChildren();
      }
    }
  }

  private resetAll(): void {
    this.inboxWatcher.reset();
    this.outboxWatcher.reset();
    this.tracker.reset();
    for (const view of VIEW_NAMES) {
      this.providers[view].reset();
    }
  }
}

/** Who the views show data for: another token or account means starting over. */
function identityOf(facts: TokenFacts | undefined): string | undefined {
  return facts && JSON.stringify([facts.kind, facts.source, facts.preview, facts.tokenName, facts.account?.uid, [...facts.scopes].sort()]);
}
