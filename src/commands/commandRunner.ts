import type { Command } from './command';
import type { CommandId } from '../manifest/commandIds';
import type { Logger } from '../api/logger';
import { UserNotifiedError } from '../util/userNotifiedError';

/** Runs the command registered under `id` with VS Code's arguments. */
export type CommandRunner = (id: CommandId, args: readonly unknown[]) => Promise<unknown>;

/**
 * How every command runs (activation registers each id and hands the call here).
 * Errors the user was already told about settle the command with `undefined` (so
 * VS Code adds no second notification); anything else is logged (redacted) and
 * rejects, as VS Code expects.
 */
export function commandRunner(
  commands: readonly Command[],
  logger: Logger,
  /** Awaited before each command (the session finishing its start-up check, bounded). */
  beforeRun?: () => Promise<void>,
): CommandRunner {
  const byId = new Map(commands.map((command) => [command.id, command]));
  return async (id, args) => {
    const command = byId.get(id);
    if (!command) throw new Error(`${id} is registered but no command runs it`);
    try {
      await beforeRun?.();
      return await command.execute(...args);
    } catch (error) {
      if (error instanceof UserNotifiedError) {
        logger.info(`${command.id}: ${error.message}`);
        return undefined;
      }
      logger.error(`${command.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  };
}
