import * as vscode from 'vscode';
import type { Command } from './command';
import type { Logger } from '../api/logger';
import { UserNotifiedError } from '../util/userNotifiedError';

/**
 * Registers commands. Errors the user was already told about settle the
 * command with `undefined` (so VS Code adds no second notification); anything
 * else is logged (redacted) and rejects, as VS Code expects.
 */
export function registerCommands(
  commands: readonly Command[],
  logger: Logger,
  /** Awaited before each command (the session finishing its start-up check, bounded). */
  beforeRun?: () => Promise<void>,
): vscode.Disposable {
  return vscode.Disposable.from(
    ...commands.map((command) =>
      vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
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
      }),
    ),
  );
}
