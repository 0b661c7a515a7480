import type { CommandGate } from '../auth/commandGate';
import type { Command } from './command';
import { COMMANDS } from '../manifest/commandIds';

export interface AllViewsRefresher {
  refreshAll(): Promise<void>;
}

/** Refreshes every sidebar view (hidden ones reload when they are next shown). */
export class RefreshCommand implements Command {
  readonly id = COMMANDS.refresh;

  constructor(
    private readonly views: AllViewsRefresher,
    private readonly gate: CommandGate,
  ) {}

  async execute(): Promise<void> {
    this.gate.ensure(this.id);
    await this.views.refreshAll();
  }
}
