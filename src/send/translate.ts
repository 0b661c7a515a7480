/**
 * The translate function the send modules receive instead of importing `vscode`.
 * The extension passes `vscode.l10n.t`; unit tests pass a plain `{0}` formatter.
 * Placeholders are `{0}`, `{1}`, … as in `vscode.l10n.t`.
 */
export type Translate = (message: string, ...args: Array<string | number>) => string;
