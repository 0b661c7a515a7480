import type { CommandGate } from '../auth/commandGate';
import type { ClientProvider } from '../client/clientProvider';
import type { ErrorPresenter } from '../errors/errorPresenter';
import type { AuditLog } from './auditLog';
import type { StatusWords } from './faxTexts';

/** What every chat tool needs: the scope gate, the API, error words, status words and the audit log. */
export interface ChatToolContext {
  readonly gate: CommandGate;
  readonly clients: ClientProvider;
  readonly errors: ErrorPresenter;
  readonly audit: AuditLog;
  readonly words: StatusWords;
}
