import * as vscode from 'vscode';
import { ACCEPTED_EXTENSIONS } from '../send/fileRules';
import { phoneDisplay } from '../format/phoneDisplay';
import { OptionsEditor } from './optionsEditor';
import { RenderPreviewPanel } from '../viewer/renderPreviewPanel';
import { describeFindings } from './legibilityMessages';
import type {
  ChatSendQuestion,
  ConfirmQuestion,
  OptionsQuestion,
  PreviewQuestion,
  Prompter,
  RecipientsQuestion,
  SenderQuestion,
  StepAnswer,
} from './prompter';
import { NO_NUMBER } from '../api/models';
import type { SendOptions } from './sendOptions';
import { icon, inputStep, pickStep } from './quickInputSteps';
import type { Notifier } from '../util/notifier';

const LISTED = 3;
/** Contacts offered for the name being typed. */
const OFFERED_CONTACTS = 8;
const E164_LIST = /^\+[1-9]\d{6,14}(,\+[1-9]\d{6,14})*$/;

type RecipientItem = vscode.QuickPickItem & { readonly use?: boolean; readonly e164?: string; readonly entry?: string };
type SenderItem = vscode.QuickPickItem & { readonly from: string };
type ConfirmItem = vscode.QuickPickItem & { readonly send?: boolean };

/** The real questions: VS Code quick inputs with Back, the open dialog and a modal for unsaved files. */
export class QuickInputPrompter implements Prompter {
  private readonly title = vscode.l10n.t('Send as Fax');

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly notifier: Notifier,
  ) {}

  /** The render preview in an editor tab; Send… goes on with the questions, Close (or closing the tab) stops. */
  async previewRendered(question: PreviewQuestion): Promise<boolean> {
    const preview = question.preview();
    const titles = question.documents.map((d) => d.title);
    const dpi = preview.resolution === 'fine' ? '204 × 196' : '204 × 98';
    const panel = new RenderPreviewPanel(this.extensionUri, {
      title: vscode.l10n.t('Fax preview: {0}', titles.join(', ')),
      tiff: preview.tiff,
      findings: describeFindings(titles, preview.findings),
      strings: {
        heading:
          preview.ink.length === 1
            ? vscode.l10n.t("1 page, as the recipient's fax machine prints it ({0} dpi, black and white)", dpi)
            : vscode.l10n.t("{0} pages, as the recipient's fax machine prints them ({1} dpi, black and white)", preview.ink.length, dpi),
        allClear: vscode.l10n.t('Legibility check: nothing to report.'),
        send: vscode.l10n.t('Send…'),
        save: vscode.l10n.t('Save as PDF'),
        close: vscode.l10n.t('Close'),
      },
      save: () => saveRenderedPdfs(question.documents, this.notifier),
    });
    try {
      return (await panel.choice) === 'send';
    } finally {
      panel.dispose();
    }
  }

  /** A modal summary; "Open Preview" shows the pages, whose Send… approves too, and Close comes back here. */
  async confirmChatSend(question: ChatSendQuestion): Promise<boolean> {
    const send = vscode.l10n.t('Send');
    const preview = vscode.l10n.t('Open Preview');
    for (;;) {
      const choice = await this.notifier.ask(
        question.title,
        { detail: question.lines.join('\n') },
        ...(question.documents.length > 0 ? [send, preview] : [send]),
      );
      if (choice !== preview) return choice === send;
      if (await this.previewRendered({ documents: question.documents, preview: () => question.preview() })) return true;
    }
  }

  async pickFiles(): Promise<vscode.Uri[] | undefined> {
    const uris = await vscode.window.showOpenDialog({
      canSelectMany: true,
      openLabel: vscode.l10n.t('Send as Fax'),
      title: vscode.l10n.t('Choose the documents to fax'),
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      filters: { [vscode.l10n.t('Fax documents')]: [...ACCEPTED_EXTENSIONS] },
    });
    return uris && uris.length > 0 ? uris : undefined;
  }

  async askToSave(names: readonly string[]): Promise<boolean> {
    const save = vscode.l10n.t('Save and Send');
    const choice = await this.notifier.ask(
      vscode.l10n.t('{0} has unsaved changes.', names.join(', ')),
      { detail: vscode.l10n.t('The fax carries the file as saved on disk. Save it first?') },
      save,
    );
    return choice === save;
  }

  askRecipients(question: RecipientsQuestion): Promise<StepAnswer<string[]>> {
    const display = question.display ?? phoneDisplay;
    const items = (value: string): RecipientItem[] => {
      const check = value.trim() ? question.check(value) : undefined;
      const use: RecipientItem = !check
        ? {
            label: icon('info', vscode.l10n.t('Type or paste fax numbers')),
            detail: vscode.l10n.t('Separate them with commas, semicolons or new lines, e.g. +1 201 555 0123, +44 20 7946 0958'),
            alwaysShow: true,
          }
        : check.ok
          ? {
              label: icon('check', vscode.l10n.t('Fax to {0} recipient(s)', check.recipients.length)),
              detail: listed(check.recipients, display),
              alwaysShow: true,
              use: true,
            }
          : { label: icon('error', vscode.l10n.t('Correct the numbers first')), detail: check.message, alwaysShow: true };
      const recent = question.recent.map((e164): RecipientItem => ({ label: display(e164), description: vscode.l10n.t('recent'), e164 }));
      return [use, ...contactItems(value), ...recent];
    };
    // The entry being typed (after the last separator): when it has letters, contacts are offered by name.
    const contactItems = (value: string): RecipientItem[] => {
      const typing =
        value
          .split(/[,;\r\n]/)
          .pop()
          ?.trim() ?? '';
      if (!question.contacts || !/\p{L}/u.test(typing)) return [];
      return question
        .contacts(typing)
        .slice(0, OFFERED_CONTACTS)
        .flatMap((contact) =>
          contact.faxNumbers.map((e164): RecipientItem => ({
            label: icon('person', contact.name),
            description: phoneDisplay(e164),
            detail: [contact.organisation, contact.note].filter(Boolean).join(' · ') || undefined,
            alwaysShow: true,
            e164,
            // The name when it alone says which number; the number otherwise.
            entry: question.check(contact.name).ok ? contact.name : e164,
          })),
        );
    };
    return pickStep<RecipientItem, string[]>({
      title: this.title,
      position: question,
      placeholder: question.contacts
        ? vscode.l10n.t('Fax numbers or contact names, e.g. +1 201 555 0123, Dr. Chen; pick recent ones below')
        : vscode.l10n.t('Fax numbers, e.g. +1 201 555 0123; pick recent ones below'),
      value: question.initial,
      items,
      itemsFollowValue: true,
      // While a name is half typed, Enter takes the best matching contact.
      activeItem: (shown) => shown.find((i) => i.use) ?? shown.find((i) => i.entry),
      accept: (item, pick) => {
        if (item?.entry) {
          // A contact replaces the name being typed; the list goes on after it.
          const before =
            pick.value
              .match(/^(.*[,;\r\n])/s)?.[1]
              .trim()
              .replace(/[,;]$/, '') ?? '';
          pick.value = before ? `${before}, ${item.entry}` : item.entry;
          return undefined;
        }
        if (item?.e164) {
          // A recent number is added to what was typed, not sent alone.
          pick.value = pick.value.trim() ? `${pick.value.trim().replace(/[,;]$/, '')}, ${item.e164}` : item.e164;
          return undefined;
        }
        const check = question.check(pick.value);
        return check.ok ? { kind: 'next', value: check.recipients } : undefined;
      },
    });
  }

  askSender(question: SenderQuestion): Promise<StepAnswer<string>> {
    if (question.numbers === undefined) {
      return inputStep({
        title: this.title,
        position: question,
        prompt: vscode.l10n.t(
          'Your Fax.Plus number to send from, e.g. +12015550123. Leave it empty to send without a number (no_number). This token may not list your numbers.',
        ),
        value: question.suggested === NO_NUMBER ? '' : question.suggested,
        validate: (value) =>
          !value.trim() || E164_LIST.test(value.replace(/[\s()-]/g, ''))
            ? undefined
            : vscode.l10n.t('Write the number as +<country code><number>, e.g. +12015550123.'),
      }).then((answer) => (answer.kind === 'next' ? { kind: 'next', value: answer.value.replace(/[\s()-]/g, '') || NO_NUMBER } : answer));
    }
    const items: SenderItem[] =
      question.numbers.length === 0
        ? [
            {
              label: icon('circle-slash', vscode.l10n.t('Without a number')),
              detail: vscode.l10n.t('Your account has no fax number of its own; Fax.Plus sends from a shared one (no_number).'),
              from: NO_NUMBER,
            },
          ]
        : question.numbers.map((n) => ({
            label: icon('call-outgoing', phoneDisplay(n)),
            description: n === question.suggested ? vscode.l10n.t('last used') : undefined,
            from: n,
          }));
    return pickStep<SenderItem, string>({
      title: this.title,
      position: question,
      placeholder: vscode.l10n.t('Send from which of your numbers?'),
      items: () => items,
      activeItem: (shown) => shown.find((i) => i.from === question.suggested),
      accept: (item) => (item ? { kind: 'next', value: item.from } : undefined),
    });
  }

  askOptions(question: OptionsQuestion): Promise<StepAnswer<SendOptions>> {
    return new OptionsEditor(this.title).edit(question);
  }

  confirm(question: ConfirmQuestion): Promise<StepAnswer<true>> {
    const send: ConfirmItem = { label: icon('send', vscode.l10n.t('Send the Fax')), send: true };
    const lines: ConfirmItem[] = question.lines.map((line) => ({ label: icon(line.icon, line.label), detail: line.detail }));
    return pickStep<ConfirmItem, true>({
      title: vscode.l10n.t('Send as Fax: check and send'),
      position: question,
      placeholder: vscode.l10n.t('Press Enter on "Send the Fax" to send; Back to change something'),
      items: () => [send, { label: '', kind: vscode.QuickPickItemKind.Separator }, ...lines],
      activeItem: () => send,
      accept: (item) => (item?.send ? { kind: 'next', value: true } : undefined),
    });
  }
}

function listed(recipients: readonly string[], display: (e164: string) => string): string {
  const shown = recipients.slice(0, LISTED).map(display).join(', ');
  return recipients.length > LISTED ? vscode.l10n.t('{0} and {1} more', shown, recipients.length - LISTED) : shown;
}

/** "Save as PDF" in the preview: a save dialog per document, next to its source file. */
async function saveRenderedPdfs(documents: PreviewQuestion['documents'], notifier: Notifier): Promise<void> {
  for (const document of documents) {
    const base =
      document.source.scheme === 'untitled'
        ? undefined
        : document.source.with({ path: `${document.source.path.replace(/\.[^./]*$/, '')}.pdf` });
    const target = await vscode.window.showSaveDialog({
      defaultUri: base,
      filters: { PDF: ['pdf'] },
      title: vscode.l10n.t('Save {0} as PDF', document.title),
    });
    if (!target) return;
    try {
      await vscode.workspace.fs.writeFile(target, document.pdf);
    } catch (e) {
      void notifier.notify('error', vscode.l10n.t('Could not save {0}: {1}', target.fsPath, e instanceof Error ? e.message : String(e)));
    }
  }
}
