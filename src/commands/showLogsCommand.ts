import type { Command } from './command';
import type { OutputLogger } from '../logging/outputLogger';
import { COMMANDS } from '../manifest/commandIds';

export class ShowLogsCommand implements Command {
  readonly id = COMMANDS.showLogs;

  constructor(private readonly logger: OutputLogger) {}

  execute(): void {
    this.logger.show();
  }
}
