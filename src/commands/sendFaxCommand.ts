import type { Command } from './command';
import { readInvocation } from '../sendFlow/sendInvocation';
import type { SendFlow } from '../sendFlow/sendFlow';
import { COMMANDS } from '../manifest/commandIds';
import type { SentIds } from '../sendFlow/sendOutcomes';

/**
 * "Send as fax" from every surface (editor, explorer selection, palette,
 * Outbox title, argument object). Resolves to the fax ids per destination,
 * or undefined when nothing was sent.
 */
export class SendFaxCommand implements Command {
  readonly id = COMMANDS.sendFax;

  constructor(private readonly flow: SendFlow) {}

  execute(...args: unknown[]): Promise<SentIds | undefined> {
    return this.flow.run(readInvocation(args));
  }
}
