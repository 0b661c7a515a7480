import * as vscode from 'vscode';
import { confirmationWaived, type ArgObject } from './commandArgs';

/**
 * A modal question before something that cannot be undone. Only an argument
 * object saying `confirm: false` skips it (automation that already decided).
 */
export async function confirmed(args: ArgObject | undefined, message: string, detail: string, action: string): Promise<boolean> {
  if (confirmationWaived(args)) {
    return true;
  }
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
}
