import * as vscode from 'vscode';
import { faxMimeType } from '../api/mimeTypes';
import { validateSendFaxArgs, type SendFaxArgs } from '../send/sendFaxArgs';
import type { SendInvocation } from './sendInvocation';
import type { TextToRender } from './textRendering';

/** What one run of "Send as fax" starts from. */
export interface SendRequest {
  /** The documents, when known without asking (undefined: ask with the open dialog). */
  readonly uris: readonly vscode.Uri[] | undefined;
  readonly args: SendFaxArgs;
  /** False for an argument object with `confirm: false`: nobody is asked anything. */
  readonly interactive: boolean;
  /** True when an argument object decided the options (no options step). */
  readonly fromArguments: boolean;
  /** Text to lay out instead of the files (Send Selection as Fax). */
  readonly text?: TextToRender;
}

export type SendRequestCheck = { ok: true; request: SendRequest } | { ok: false; message: string };

const NO_ARGS: SendFaxArgs = { files: [], to: [], confirm: true };

export function sendRequestFor(invocation: SendInvocation): SendRequestCheck {
  switch (invocation.kind) {
    case 'resources':
      return { ok: true, request: { uris: invocation.uris, args: NO_ARGS, interactive: true, fromArguments: false } };
    case 'text':
      return {
        ok: true,
        request: { uris: [invocation.text.uri], text: invocation.text, args: NO_ARGS, interactive: true, fromArguments: false },
      };
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
 * can be faxed (any text editor on a file system, an untitled text, or a custom
 * editor on an accepted type); otherwise they ask with the open dialog rather
 * than refuse a file the person did not choose.
 */
function currentDocument(): vscode.Uri[] | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const text = vscode.window.activeTextEditor?.document.uri ?? (input instanceof vscode.TabInputText ? input.uri : undefined);
  if (text && (text.scheme === 'untitled' || vscode.workspace.fs.isWritableFileSystem(text.scheme) !== undefined)) return [text];
  const custom = input instanceof vscode.TabInputCustom ? input.uri : undefined;
  return custom && faxMimeType(custom.path) !== undefined ? [custom] : undefined;
}
