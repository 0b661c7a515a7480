import type { CommandGate } from '../auth/commandGate';
import type { Command } from '../commands/command';
import { LoadMoreCommand } from '../commands/loadMoreCommand';
import { RefreshCommand } from '../commands/refreshCommand';
import { RefreshViewCommand } from '../commands/refreshViewCommand';
import type { Sidebar } from './sidebar';

/**
 * The sidebar's own commands: refresh all, refresh one view (by argument, or
 * one command per view for the view title buttons), load more.
 */
export function sidebarCommands(sidebar: Sidebar, gate: CommandGate): Command[] {
  return [
    new RefreshCommand(sidebar, gate),
    new RefreshViewCommand('faxplus.refreshView', sidebar, gate),
    new RefreshViewCommand('faxplus.refreshOutbox', sidebar, gate, 'outbox'),
    new RefreshViewCommand('faxplus.refreshInbox', sidebar, gate, 'inbox'),
    new RefreshViewCommand('faxplus.refreshSent', sidebar, gate, 'sent'),
    new RefreshViewCommand('faxplus.refreshSpam', sidebar, gate, 'spam'),
    new RefreshViewCommand('faxplus.refreshNumbers', sidebar, gate, 'numbers'),
    new RefreshViewCommand('faxplus.refreshMembers', sidebar, gate, 'members'),
    new LoadMoreCommand(sidebar, gate),
  ];
}
