import type { Command } from './command';
import type { ActionServices } from './targets/actionServices';
import { setReadState } from './targets/readState';
import { COMMANDS } from '../manifest/commandIds';

/** Argument: fax node(s), `{ faxId, category? }`, or nothing (quick pick of read faxes). Returns how many changed. */
export class MarkUnreadCommand implements Command {
  readonly id = COMMANDS.markUnread;

  constructor(private readonly services: ActionServices) {}

  execute(arg?: unknown, selection?: unknown): Promise<number> {
    return setReadState(this.services, this.id, false, arg, selection);
  }
}
