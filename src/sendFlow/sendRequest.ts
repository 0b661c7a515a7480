import * as vscode from 'vscode';
import { mimeTypeFor } from '../send/fileRules';
import { validateSendFaxArgs, type SendFaxArgs } from '../send/sendFaxArgs';
import type { SendInvocation } from './sendInvocation';

/** What one run of "Send as fax" starts from. */
export interface SendRequest {
  /** The documents, when known without asking (undefined: ask with the open dialog). */
  readonly uris: readonly vscode.Uri[] | undefined;
  readonly args: SendFaxArgs;
  /** False for an argument object with `confirm: false`: nobody is asked anything. */
  readonly interactive: boolean;
  /** True when an argument object decided the options (no options step). */
  readonly fromArguments: boolean;
}

export type SendRequestCheck = { ok: true; request: SendRequest } | { ok: false; message: string };

const NO_ARGS: SendFaxArgs = { files: [], to: [], confirm: true };

export function sendRequestFor(invocation: SendInvocation): SendRequestCheck {
  switch (invocation.kind) {
    case 'resources':
      return { ok: true, request: { uris: invocation.uris, args: NO_ARGS, interactive: true, fromArguments: false } };
    case 'current':
      return { ok: true, request: { uris: currentDocument(), args: NO_ARGS, interactive: true, fromArguments: false } };
    case 'arguments': {
      const check = validateSendFaxArgs(invocation.raw);
      if (!check.ok) return { ok: false, message: check.message };
      const { args } = check;
      const uris = args.files.length > 0 ? args.files.map((s) => vscode.Uri.parse(s, true)) : undefined;
      return { ok: true, request: { uris, args, interactive: args.confirm, fromArguments: true } };
    }
  }
}

/**
 * The palette and the Outbox title send the active editor's document when it
 * can be faxed (an accepted type, or an untitled text); otherwise they ask
 * with the open dialog rather than refuse a file the person did not choose.
 */
function currentDocument(): vscode.Uri[] | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri = vscode.window.activeTextEditor?.document.uri
    ?? (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined);
  if (!uri) return undefined;
  return uri.scheme === 'untitled' || mimeTypeFor(uri.path) !== undefined ? [uri] : undefined;
}
