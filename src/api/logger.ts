/** The logger every part of the extension receives (logging/outputLogger.ts writes it to the output channel); declared here so `src/api` stays free of `vscode`. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
