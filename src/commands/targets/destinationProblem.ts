import * as vscode from 'vscode';
import type { DestinationCheck } from './downloadPaths';

/** Why a `destination` argument was refused, and what to pass instead. */
export function destinationProblem(reason: Extract<DestinationCheck, { ok: false }>['reason'], extensions: string): string {
  switch (reason) {
    case 'relative':
      return vscode.l10n.t('"destination" must be an absolute path. Nothing was downloaded.');
    case 'control':
      return vscode.l10n.t('"destination" contains control characters. Nothing was downloaded.');
    case 'parent':
      return vscode.l10n.t('"destination" must not contain "..". Nothing was downloaded.');
    default:
      return vscode.l10n.t('"destination" must end in one of {0}. Nothing was downloaded.', extensions);
  }
}
