import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

/**
 * The send rules (`src/send`) translate through `@vscode/l10n` because they may not import
 * `vscode`; hand that package the bundle VS Code loaded for the display language.
 */
export function shareL10nBundle(): void {
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
}
