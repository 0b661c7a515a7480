import type { Command } from './command';
import type { OutputLogger } from '../logging/outputLogger';

export class ShowLogsCommand implements Command {
  readonly id = 'faxplus.showLogs';

  constructor(private readonly logger: OutputLogger) {}

  execute(): void {
    this.logger.show();
  }
}
