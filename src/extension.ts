import * as vscode from 'vscode';
import { Redactor } from './logging/redactor';
import { OutputLogger } from './logging/outputLogger';
import { registerCommands } from './commands/commandRegistry';
import { ShowLogsCommand } from './commands/showLogsCommand';

/** Wires the parts together; each part owns its own behaviour. */
export function activate(context: vscode.ExtensionContext): void {
  const redactor = new Redactor();
  const logger = new OutputLogger(redactor);
  context.subscriptions.push(logger, registerCommands([new ShowLogsCommand(logger)], logger));
  logger.info(`Fax.Plus ${context.extension.packageJSON.version as string} activated in VS Code ${vscode.version}`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
