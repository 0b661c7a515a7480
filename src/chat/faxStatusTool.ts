import * as vscode from 'vscode';
import { earliestSentTime, matchSentRecord } from '../send/sentFaxMatch';
import { CAPABILITIES } from '../manifest/commandIds';
import { abortSignalOf } from '../util/abortSignal';
import type { ChatToolContext } from './chatToolContext';
import { CHAT_TOOLS } from './chatToolNames';
import { outboxStatusText, sentStatusText } from './faxTexts';
import type { SentInThisWindow } from './sentInThisWindow';
import { parseFaxIdInput } from './toolInputs';
import { done, isNotFound, refused, runTool } from './toolRun';

/**
 * `faxplus_faxStatus`: where a sent fax is now. Still in the Outbox, or in Sent
 * under its own id, or (Fax.Plus gives it a new id when it leaves the Outbox)
 * found in Sent by destination, sender and time when chat sent it.
 */
export class FaxStatusTool implements vscode.LanguageModelTool<unknown> {
  constructor(
    private readonly context: ChatToolContext,
    private readonly sent: SentInThisWindow,
  ) {}

  invoke(
    options: vscode.LanguageModelToolInvocationOptions<unknown>,
    token: vscode.CancellationToken,
  ): Promise<vscode.LanguageModelToolResult> {
    const { gate, clients, audit, errors, words } = this.context;
    return runTool(CHAT_TOOLS.faxStatus, audit, errors, async () => {
      const input = parseFaxIdInput(options.input);
      if (!input.ok) return refused(input.message);
      const { id } = input.value;
      gate.ensure(CAPABILITIES.chatFaxStatus);
      const client = clients.get();
      const signal = abortSignalOf(token);
      const waiting = (await client.listOutbox({ signal })).find((f) => f.id === id);
      if (waiting) return done(outboxStatusText(waiting, words), { ids: [id] });
      try {
        return done(sentStatusText(await client.getFax(id, { signal }), words), { ids: [id] });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      const outgoing = this.sent.get(id);
      if (!outgoing) {
        return refused(
          vscode.l10n.t('No fax with id {0} in the Outbox or Sent. Use an id that faxplus_sendFax or faxplus_listFaxes reported.', id),
          { ids: [id] },
        );
      }
      const sent = await client.listFaxes({ category: 'sent', after: earliestSentTime(outgoing) }, { signal });
      const record = matchSentRecord(outgoing, sent);
      if (record) return done(sentStatusText(record, words, id), { ids: [id, record.id] });
      return done(
        vscode.l10n.t(
          'Fax {0} has left the Outbox, but Fax.Plus does not list it in Sent yet. Ask again in a minute; do not send it again.',
          id,
        ),
        { ids: [id] },
      );
    });
  }
}
