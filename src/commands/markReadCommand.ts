import type { Command } from './command';
import type { ActionServices } from './targets/actionServices';
import { setReadState } from './targets/readState';
import { COMMANDS } from '../manifest/commandIds';

/** Argument: fax node(s), `{ faxId, category? }`, or nothing (quick pick of unread faxes). Returns how many changed. */
export class MarkReadCommand implements Command {
  readonly id = COMMANDS.markRead;

  constructor(private readonly services: ActionServices) {}

  execute(arg?: unknown, selection?: unknown): Promise<number> {
    return setReadState(this.services, this.id, true, arg, selection);
  }
}
