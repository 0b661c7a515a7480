import * as vscode from 'vscode';
import type { Fax } from '../api/models';
import type { ChatToolContext } from './chatToolContext';
import { CHAT_TOOLS } from './chatToolNames';
import { faxListText, outboxListText } from './faxTexts';
import { parseListFaxesInput, LIST_LIMIT_MAX } from './toolInputs';
import { done, refused, runTool } from './toolRun';
import { CAPABILITIES } from '../manifest/commandIds';
import { abortSignalOf } from '../util/abortSignal';

/** `faxplus_listFaxes`: one compact line per fax of a list. */
export class ListFaxesTool implements vscode.LanguageModelTool<unknown> {
  constructor(private readonly context: ChatToolContext) {}

  invoke(
    options: vscode.LanguageModelToolInvocationOptions<unknown>,
    token: vscode.CancellationToken,
  ): Promise<vscode.LanguageModelToolResult> {
    const { gate, clients, audit, errors, words } = this.context;
    return runTool(CHAT_TOOLS.listFaxes, audit, errors, async () => {
      const input = parseListFaxesInput(options.input);
      if (!input.ok) return refused(input.message);
      const { category, unreadOnly, since, number, limit } = input.value;
      const signal = abortSignalOf(token);
      if (category === 'outbox') {
        gate.ensure(CAPABILITIES.chatListOutbox);
        const outbox = (await clients.get().listOutbox({ signal })).filter(
          (f) => !number || f.to.some((to) => to.replace(/\D/g, '').includes(number)),
        );
        return done(outboxListText(outbox.slice(0, limit), words), { ids: outbox.slice(0, limit).map((f) => f.id) });
      }
      gate.ensure(CAPABILITIES.chatListFaxes);
      const filtering = unreadOnly || number !== undefined;
      // Filters apply after the request: ask for the most Fax.Plus gives in one page then.
      const faxes = await clients
        .get()
        .listFaxes({ category, after: since, limit: filtering ? LIST_LIMIT_MAX * 2 : limit + 1 }, { signal });
      const matching = faxes
        .filter((f) => !unreadOnly || f.isRead === false)
        .filter((f) => !number || [f.from, f.to].some((n) => (n ?? '').replace(/\D/g, '').includes(number)))
        .sort((a, b) => timeOf(b) - timeOf(a));
      const shown = matching.slice(0, limit);
      return done(faxListText(category, shown, words, matching.length > limit), { ids: shown.map((f) => f.id) });
    });
  }
}

function timeOf(fax: Fax): number {
  return (fax.submitTime ?? fax.startTime)?.getTime() ?? 0;
}
