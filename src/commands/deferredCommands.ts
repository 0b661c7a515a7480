import type { Command } from './command';
import type { CommandDependencies } from './allCommands';
import { COMMANDS, type CommandId } from '../manifest/commandIds';

/**
 * Every contributed command by id, with a thin handler: the command classes (and
 * what only they use) are required on the first run of any command, not at
 * activation; the build maps that require to dist/commands.js. `dependencies`
 * is called then too, so parts only commands need can be built late as well.
 */
export function deferredCommands(dependencies: () => CommandDependencies): Command[] {
  let byId: ReadonlyMap<CommandId, Command> | undefined;
  const command = (id: CommandId): Command => {
    if (!byId) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load the build maps to dist/commands.js.
      const { allCommands } = require('./allCommands') as typeof import('./allCommands');
      byId = new Map(allCommands(dependencies()).map((c) => [c.id, c]));
    }
    const found = byId.get(id);
    if (!found) throw new Error(`${id} is declared in COMMANDS but allCommands() builds no command for it`);
    return found;
  };
  return Object.values(COMMANDS).map((id) => ({ id, execute: (...args: unknown[]) => command(id).execute(...args) }));
}
