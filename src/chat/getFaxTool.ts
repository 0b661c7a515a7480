import * as vscode from 'vscode';
import type { ChatToolContext } from './chatToolContext';
import { CHAT_TOOLS } from './chatToolNames';
import { faxDetailsText } from './faxTexts';
import { parseFaxIdInput } from './toolInputs';
import { done, isNotFound, refused, runTool } from './toolRun';
import { CAPABILITIES } from '../manifest/commandIds';
import { abortSignalOf } from '../util/abortSignal';

/** `faxplus_getFax`: one received or sent fax, and what its status means. */
export class GetFaxTool implements vscode.LanguageModelTool<unknown> {
  constructor(private readonly context: ChatToolContext) {}

  invoke(
    options: vscode.LanguageModelToolInvocationOptions<unknown>,
    token: vscode.CancellationToken,
  ): Promise<vscode.LanguageModelToolResult> {
    const { gate, clients, audit, errors, words } = this.context;
    return runTool(CHAT_TOOLS.getFax, audit, errors, async () => {
      const input = parseFaxIdInput(options.input);
      if (!input.ok) return refused(input.message);
      const { id } = input.value;
      gate.ensure(CAPABILITIES.chatGetFax);
      try {
        const fax = await clients.get().getFax(id, { signal: abortSignalOf(token) });
        return done(faxDetailsText(fax, words), { ids: [id] });
      } catch (error) {
        if (!isNotFound(error)) throw error;
        return refused(
          vscode.l10n.t(
            'No fax with id {0} in Inbox, Sent or Spam. Ids come from faxplus_listFaxes; follow a fax sent from chat with faxplus_faxStatus.',
            id,
          ),
          { ids: [id] },
        );
      }
    });
  }
}
