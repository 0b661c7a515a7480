/** Same shape as the extension's logger; `src/api` declares it so it stays free of `vscode`. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
