import * as vscode from 'vscode';
import type { Command } from './command';
import type { Logger } from '../logging/outputLogger';

/** Registers commands and logs (redacted) any error a handler lets escape. */
export function registerCommands(commands: readonly Command[], logger: Logger): vscode.Disposable {
  return vscode.Disposable.from(
    ...commands.map((command) =>
      vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
        try {
          return await command.execute(...args);
        } catch (error) {
          logger.error(`${command.id} failed: ${error instanceof Error ? error.message : String(error)}`);
          throw error;
        }
      }),
    ),
  );
}
