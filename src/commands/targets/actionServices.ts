import type { CommandGate } from '../../auth/commandGate';
import type { ClientProvider } from '../../client/clientProvider';
import type { ErrorPresenter } from '../../errors/errorPresenter';
import type { FaxEvents } from '../../events/faxEvents';
import type { RunningTasks } from './runningTasks';
import type { Notifier } from '../../util/notifier';

/** What every sidebar action needs: the scope check, the client, one error path, the notifier, change events, progress. */
export interface ActionServices {
  readonly gate: CommandGate;
  readonly clients: ClientProvider;
  readonly errors: ErrorPresenter;
  readonly notifier: Notifier;
  readonly events: FaxEvents;
  readonly tasks: RunningTasks;
}
