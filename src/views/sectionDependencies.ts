import type { AuthSession } from '../auth/authSession';
import type { CommandPermissions } from '../auth/commandPermissions';
import type { ClientProvider } from '../client/clientProvider';
import type { ErrorPresenter } from '../errors/errorPresenter';
import type { Logger } from '../api/logger';
import type { TreeItems } from './deferredTreeItems';

/** What every sidebar section needs; passed to each provider's constructor. */
export interface SectionDependencies {
  readonly session: AuthSession;
  readonly permissions: CommandPermissions;
  readonly clients: ClientProvider;
  readonly errors: ErrorPresenter;
  readonly items: TreeItems;
  readonly logger: Logger;
}
