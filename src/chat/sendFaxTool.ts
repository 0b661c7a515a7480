import * as vscode from 'vscode';
import { COMMANDS } from '../manifest/commandIds';
import { checkRecipients } from '../sendFlow/recipientsCheck';
import { defaultSender } from '../sendFlow/senderChoice';
import { NO_NUMBER } from '../api/models';
import type { SendFaxFeature } from '../sendFlow/sendFaxFeature';
import { phoneDisplay } from '../format/phoneDisplay';
import { UserNotifiedError } from '../util/userNotifiedError';
import type { ChatDraft, ChatDrafts } from './chatDrafts';
import type { ChatSettings } from './chatSettings';
import type { ChatToolContext } from './chatToolContext';
import { CHAT_TOOLS } from './chatToolNames';
import type { DailySendLimit } from './dailySendLimit';
import { RecipientAllowList } from './recipientAllowList';
import { parseSendFaxInput } from './toolInputs';
import { sendConfirmation, sendSummaryLines, type SendFacts } from './sendConfirmation';
import { done, refused, runTool, type ToolOutcome } from './toolRun';

/** A send request that passed every check but the person's approval. */
interface SendPlan {
  readonly draft: ChatDraft;
  readonly recipients: readonly string[];
  readonly from: string;
  readonly comment?: string;
}

type Planned = { ok: true; plan: SendPlan } | { ok: false; outcome: ToolOutcome };

/**
 * `faxplus_sendFax`: sends a prepared draft. Nothing goes out before the
 * person approved it twice over: VS Code's confirmation (prepareInvocation) and
 * the extension's own modal, which chat auto-approval cannot answer. The send
 * itself is "Send as Fax" driven with an argument object, so its never-twice
 * rules, progress and outcome messages are the command's.
 */
export class SendFaxTool implements vscode.LanguageModelTool<unknown> {
  constructor(
    private readonly context: ChatToolContext,
    private readonly send: SendFaxFeature,
    private readonly drafts: ChatDrafts,
    private readonly settings: ChatSettings,
    private readonly limit: DailySendLimit,
  ) {}

  async prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<unknown>): Promise<vscode.PreparedToolInvocation> {
    const planned = this.context.gate.permits(COMMANDS.sendFax) ? await this.plan(options.input) : undefined;
    // Asked even when the request will be refused: VS Code's confirmation is never left out for this tool.
    const { title, message } = sendConfirmation(planned?.ok ? auditFacts(planned.plan) : undefined);
    return {
      invocationMessage: vscode.l10n.t('Sending the fax'),
      confirmationMessages: { title, message: new vscode.MarkdownString(message) },
    };
  }

  invoke(options: vscode.LanguageModelToolInvocationOptions<unknown>): Promise<vscode.LanguageModelToolResult> {
    const { gate, audit, errors } = this.context;
    return runTool(CHAT_TOOLS.sendFax, audit, errors, async () => {
      gate.ensure(COMMANDS.sendFax);
      const planned = await this.plan(options.input);
      if (!planned.ok) return planned.outcome;
      const { plan } = planned;
      const facts = auditFacts(plan);
      if (plan.draft.sentAt) {
        return refused(
          vscode.l10n.t(
            'Not sent again: draft {0} was already handed to Fax.Plus at {1}. A fax is never sent twice from chat; to send the same pages again, prepare a new draft and the person approves it again.',
            plan.draft.id,
            plan.draft.sentAt.toISOString(),
          ),
          facts,
        );
      }
      const allowed = this.limit.check(this.settings.dailySendLimit());
      if (!allowed.ok) return refused(allowed.message, facts);
      if (this.settings.confirmSends()) {
        const approved = await this.send.prompter.confirmChatSend({
          title: vscode.l10n.t('Send a fax asked for in chat?'),
          lines: sendSummaryLines(auditFacts(plan)),
          documents: plan.draft.rendered,
          preview: () => this.send.documents.preview(plan.draft.rendered),
        });
        if (!approved) {
          return {
            text: vscode.l10n.t('Not sent: the person did not approve the fax. Nothing was uploaded.'),
            outcome: 'declined',
            audit: facts,
          };
        }
      }
      return this.sendApproved(plan, facts);
    });
  }

  private async sendApproved(plan: SendPlan, facts: ToolOutcome['audit']): Promise<ToolOutcome> {
    // Counted and locked before the first byte leaves: an attempt whose answer is lost still happened.
    plan.draft.sentAt = new Date();
    await this.limit.count();
    const watchedBefore = this.send.watches.size;
    try {
      const ids = await this.send.flow.run({
        kind: 'arguments',
        raw: {
          files: plan.draft.files.map((f) => f.toString()),
          to: [...plan.recipients],
          from: plan.from,
          ...(plan.comment ? { comment: plan.comment } : {}),
          confirm: false,
        },
      });
      if (!ids) return { text: vscode.l10n.t('Not sent: sending stopped before the fax was created.'), outcome: 'failed', audit: facts };
      const list = Object.entries(ids)
        .map(([to, id]) => `${phoneDisplay(to)}: ${id}`)
        .join(', ');
      return done(
        vscode.l10n.t(
          'Sent: Fax.Plus created the fax ({0} page(s)) and it is in the Outbox. Outbox ids: {1}. Follow it with faxplus_faxStatus; do not send it again.',
          plan.draft.pages ?? '?',
          list,
        ),
        { ...facts, ids: Object.values(ids) },
      );
    } catch (error) {
      if (!(error instanceof UserNotifiedError)) throw error;
      // The command's own words: created, not created, or not confirmed yet (never "send again" when unsure).
      const uncertain = this.send.watches.size > watchedBefore;
      return { text: error.message, outcome: uncertain ? 'uncertain' : 'failed', audit: facts };
    }
  }

  /** Every check that needs no approval: input, draft, numbers, allow-list, sender. */
  private async plan(raw: unknown): Promise<Planned> {
    const input = parseSendFaxInput(raw);
    if (!input.ok) return { ok: false, outcome: refused(input.message) };
    const { draftId, to, from, comment } = input.value;
    const draft = this.drafts.get(draftId);
    if (!draft) {
      return {
        ok: false,
        outcome: refused(
          vscode.l10n.t('No draft {0} in this window. Prepare the fax with faxplus_prepareFax and use the draft id it returns.', draftId),
          { draftId },
        ),
      };
    }
    const read = checkRecipients(to.join('\n'), this.send.settings.defaultRegion());
    if (!read.ok) {
      return {
        ok: false,
        outcome: refused(vscode.l10n.t('Not sent: {0} Write each number in international form, such as +1 617 555 0199.', read.message), {
          draftId,
        }),
      };
    }
    const recipients = read.recipients;
    const allowList = new RecipientAllowList(this.settings.allowedRecipients());
    const allowed = allowList.check(recipients);
    if (!allowed.ok) return { ok: false, outcome: refused(allowed.message, { draftId, recipients }) };
    const sender = await this.sender(from);
    if (!sender.ok) return { ok: false, outcome: refused(sender.message, { draftId, recipients }) };
    return { ok: true, plan: { draft, recipients, from: sender.from, comment } };
  }

  private async sender(from: string | undefined): Promise<{ ok: true; from: string } | { ok: false; message: string }> {
    const numbers = await this.send.senders.active();
    if (from !== undefined) {
      // As the command takes it: the account's own numbers are what counts, written with or without spaces.
      const written = from === NO_NUMBER ? NO_NUMBER : from.replace(/[\s().-]/g, '');
      if (written !== NO_NUMBER && !/^\+[1-9]\d{6,14}$/.test(written)) {
        return {
          ok: false,
          message: vscode.l10n.t(
            'Not sent: "from" must be one of the account\'s fax numbers in international form, such as +1 617 555 0100.',
          ),
        };
      }
      if (numbers && written !== NO_NUMBER && !numbers.includes(written)) {
        return {
          ok: false,
          message: vscode.l10n.t(
            "Not sent: {0} is not one of the account's active fax numbers ({1}).",
            from,
            numbers.join(', ') || vscode.l10n.t('none'),
          ),
        };
      }
      return { ok: true, from: written };
    }
    const chosen = defaultSender(numbers, this.send.senders.lastUsed());
    if (chosen !== undefined) return { ok: true, from: chosen };
    return {
      ok: false,
      message:
        numbers && numbers.length > 0
          ? vscode.l10n.t('Not sent: say which number to send from ("from"); the account has several: {0}.', numbers.join(', '))
          : vscode.l10n.t('Not sent: say which number to send from ("from"); this token may not list the account\'s numbers.'),
    };
  }
}

/** The facts approved and audited (never the documents' contents). */
function auditFacts(plan: SendPlan): SendFacts {
  return {
    draftId: plan.draft.id,
    recipients: plan.recipients,
    from: plan.from,
    pages: plan.draft.pages,
    documents: plan.draft.documents.map((d) => d.name),
    comment: plan.comment,
  };
}
