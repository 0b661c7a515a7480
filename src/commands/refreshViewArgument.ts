import * as vscode from 'vscode';
import { VIEW_NAMES, type ViewName } from '../views/treeNodes';
import { viewTitle } from '../views/viewTitle';

/**
 * Reads which view a refresh/load-more command is about from whatever the
 * surface passed: `{ view: 'inbox' }` (keybindings, tests, tree message
 * nodes), `'inbox'` or `'faxplus.inbox'`. Undefined when nothing usable was given.
 */
export function viewFromArgument(arg: unknown, allowed: readonly ViewName[] = VIEW_NAMES): ViewName | undefined {
  const raw = typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null ? (arg as { view?: unknown }).view : undefined;
  if (typeof raw !== 'string') {
    return undefined;
  }
  const name = raw.replace(/^faxplus\./, '');
  return (allowed as readonly string[]).includes(name) ? (name as ViewName) : undefined;
}

/** Asks which view (palette use); undefined when the person dismissed the pick. */
export async function pickView(allowed: readonly ViewName[], placeHolder: string): Promise<ViewName | undefined> {
  const picked = await vscode.window.showQuickPick(
    allowed.map((view) => ({ label: viewTitle(view), view })),
    { placeHolder },
  );
  return picked?.view;
}
