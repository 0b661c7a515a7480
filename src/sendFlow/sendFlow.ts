import * as vscode from 'vscode';
import type { SendFaxRequest } from '../api/models';
import type { CommandGate } from '../auth/commandGate';
import { checkSendAt, describeSendAtProblem } from '../send/schedule';
import { partyDisplay } from '../format/phoneDisplay';
import type { AddressBook } from '../contacts/addressBook';
import type { RecentRecipients } from '../send/recentRecipients';
import type { SendFaxArgs } from '../send/sendFaxArgs';
import { DocumentResolver } from './documentResolver';
import type { FaxDocument } from './faxDocument';
import type { FaxSubmission } from './faxSubmission';
import type { ProgressUi } from './progressUi';
import type { Prompter } from './prompter';
import { checkRecipients } from './recipientsCheck';
import { defaultSender } from './senderChoice';
import type { SenderNumbers } from './senderNumbers';
import type { SendInvocation } from './sendInvocation';
import type { SendNotices } from './sendNotices';
import type { SendOptions } from './sendOptions';
import type { SendOutcomes, SentIds } from './sendOutcomes';
import { sendRequestFor, type SendRequest } from './sendRequest';
import type { SendSettings } from './sendSettings';
import { summaryLines } from './sendSummary';
import { SendWizard, type SendChoices } from './sendWizard';
import type { UnsavedChanges } from './unsavedChanges';
import { COMMANDS } from '../manifest/commandIds';

export interface SendFlowParts {
  readonly gate: CommandGate;
  readonly documents: DocumentResolver;
  readonly unsaved: UnsavedChanges;
  readonly senders: SenderNumbers;
  readonly recent: RecentRecipients;
  readonly settings: SendSettings;
  readonly submission: FaxSubmission;
  readonly outcomes: SendOutcomes;
  readonly notices: SendNotices;
  /** Contact names in the recipients step, in `to`, and in the summary. */
  readonly contacts?: AddressBook;
}

/**
 * "Send as fax", from the first check to the last message: scope check →
 * documents (checked before any upload) → recipients, sender, options and
 * summary (asked only for what is missing) → upload and create with
 * progress → what is true afterwards. The questions go through a Prompter
 * and the progress through a ProgressUi, ports the integration host replaces
 * (extensionMain.ts wires switchable ones only in ExtensionMode.Test).
 */
export class SendFlow {
  constructor(
    private readonly parts: SendFlowParts,
    private readonly prompter: Prompter,
    private readonly progressUi: ProgressUi,
  ) {}

  async run(invocation: SendInvocation): Promise<SentIds | undefined> {
    const { gate, notices } = this.parts;
    // First, so that a token that may not send uploads nothing.
    gate.ensure(COMMANDS.sendFax);
    const check = sendRequestFor(invocation);
    if (!check.ok) throw notices.refuse(check.message);
    const { request } = check;

    const documents = await this.documentsFor(request);
    if (!documents) return undefined;
    const choices = await this.choicesFor(request, documents);
    if (!choices) return undefined;
    if (choices.options.sendAt && choices.options.sendAt.getTime() < Date.now()) {
      // Time passes while the person reads the summary.
      throw notices.refuse(describeSendAtProblem('past', vscode.l10n.t('The chosen time'), new Date()));
    }

    const ids = await this.progressUi.run(vscode.l10n.t('Sending the fax'), async (progress, signal) => {
      const result = await this.parts.submission.submit(documents, outboxRequest(choices), progress, signal);
      return this.parts.outcomes.settle(result, progress);
    });
    await this.parts.recent.remember(choices.recipients);
    await this.parts.senders.remember(choices.from);
    return ids;
  }

  /** The checked documents; undefined when the person stopped. */
  private async documentsFor(request: SendRequest): Promise<FaxDocument[] | undefined> {
    const { notices, unsaved, documents } = this.parts;
    const uris = request.uris ?? (request.interactive ? await this.prompter.pickFiles() : undefined);
    if (!uris) {
      if (request.interactive) return undefined;
      throw notices.refuse(vscode.l10n.t('Say which documents to fax: "files" is missing.'));
    }
    // Rendered text is taken from the editor as shown; only files uploaded from disk must be saved first.
    const fromDisk = request.text ? [] : uris.filter((uri) => !DocumentResolver.isRendered(uri));
    const saved = await unsaved.settle(fromDisk, request.interactive ? (names) => this.prompter.askToSave(names) : undefined);
    if (!saved.ok) {
      if (saved.message) throw notices.refuse(saved.message);
      return undefined;
    }
    const render = request.args.render;
    const resolved = request.text ? await documents.resolveText(request.text, render) : await documents.resolve(uris, render);
    if (!resolved.ok) throw notices.refuse(resolved.message);
    const rendered = resolved.documents.flatMap((d) => (d.rendered ? [d.rendered] : []));
    if (rendered.length > 0 && request.interactive) {
      const go = await this.prompter.previewRendered({ documents: rendered, preview: () => documents.preview(rendered) });
      if (!go) return undefined;
    }
    return resolved.documents;
  }

  private async choicesFor(request: SendRequest, documents: readonly FaxDocument[]): Promise<SendChoices | undefined> {
    const { notices, settings, senders, recent } = this.parts;
    const { args } = request;
    const region = settings.defaultRegion();
    const { contacts } = this.parts;
    const recipientsCheck = (text: string) => checkRecipients(text, region, contacts && ((name) => contacts.lookUpName(name)));
    const display = (e164: string) => partyDisplay(e164, (n) => contacts?.ownerOf(n)?.name);

    let recipients: string[] | undefined;
    if (args.to.length > 0) {
      const read = recipientsCheck(args.to.join('\n'));
      if (!read.ok) throw notices.refuse(read.message);
      recipients = read.recipients;
    } else if (!request.interactive) {
      throw notices.refuse(vscode.l10n.t('Say who receives the fax: "to" is missing.'));
    }

    const options = optionsFrom(settings.defaultOptions(), args);
    if (args.sendAt) {
      const when = checkSendAt(args.sendAt, new Date());
      if (!when.ok) throw notices.refuse(when.message);
      options.sendAt = when.date;
    }

    const numbers = args.from === undefined ? await senders.active() : undefined;
    const suggested = defaultSender(numbers, senders.lastUsed());
    if (!request.interactive) {
      const from = args.from ?? suggested;
      if (from === undefined) {
        throw notices.refuse(
          numbers && numbers.length > 0
            ? vscode.l10n.t('Say which number to send from: "from" is missing, and the account has several: {0}.', numbers.join(', '))
            : vscode.l10n.t('Say which number to send from: "from" is missing, and this token may not list your numbers.'),
        );
      }
      return { recipients: recipients ?? [], from, options };
    }

    return new SendWizard(this.prompter).run({
      recipients,
      from: args.from,
      optionsDecided: request.fromArguments,
      options,
      recent: recent.list(),
      numbers,
      suggestedFrom: suggested,
      checkRecipients: recipientsCheck,
      contacts: contacts && ((query) => contacts.search(query)),
      display,
      checkSendAt: (text) => {
        const when = checkSendAt(text, new Date());
        return when.ok ? { ok: true, date: when.date } : { ok: false, message: when.message };
      },
      summary: (choices) => summaryLines({ files: documents, ...choices }, display),
    });
  }
}

/** Settings give the defaults; an argument object overrides each part it names. */
function optionsFrom(defaults: SendOptions, args: SendFaxArgs): SendOptions {
  const options: SendOptions = { ...defaults };
  if (args.retry) options.retry = { ...args.retry };
  if (args.enhancement !== undefined) options.enhancement = args.enhancement;
  if (args.coverPage) options.coverPage = { ...args.coverPage };
  if (args.comment) options.comment = args.comment;
  return options;
}

function outboxRequest(choices: SendChoices): Omit<SendFaxRequest, 'files' | 'returnIds'> {
  const { retry, enhancement, coverPage, sendAt, comment } = choices.options;
  return {
    from: choices.from,
    to: choices.recipients,
    comment: comment ? { text: comment } : undefined,
    options: { enhancement, retry: retry.count ? { ...retry } : undefined },
    coverPage: coverPage
      ? {
          nameTo: coverPage.to ?? '',
          nameFrom: coverPage.from ?? '',
          subject: coverPage.subject ?? '',
          message: coverPage.message || undefined,
          flags: coverPage.flags,
        }
      : undefined,
    sendTime: sendAt,
  };
}
