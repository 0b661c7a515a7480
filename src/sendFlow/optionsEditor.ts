import * as vscode from 'vscode';
import { MAX_REDIALS } from '../api/sendFaxPayload';
import { COVER_PAGE_FLAGS, type CoverPageFields, type CoverPageFlag } from '../send/coverPageOptions';
import type { OptionsQuestion, StepAnswer } from './prompter';
import type { SendOptions } from './sendOptions';
import { formatLocalTime, retryLabel } from './sendSummary';
import { icon, inputStep, pickStep } from './quickInputSteps';

type OptionId = 'continue' | 'coverPage' | 'schedule' | 'retry' | 'enhancement' | 'comment';
type OptionItem = vscode.QuickPickItem & { readonly id: OptionId };

const WHOLE_NUMBER = /^\d{1,4}$/;

/**
 * The options step: a list of the current choices; picking one edits it in a
 * small input, then the list comes back; "Continue" goes on to the summary.
 * Escape inside an edit keeps the previous value.
 */
export class OptionsEditor {
  constructor(private readonly title: string) {}

  async edit(question: OptionsQuestion): Promise<StepAnswer<SendOptions>> {
    let options: SendOptions = { ...question.current };
    let lastPicked: OptionId = 'continue';
    for (;;) {
      const answer = await pickStep<OptionItem, OptionId>({
        title: this.title,
        position: question,
        placeholder: vscode.l10n.t('Options: pick one to change it, or continue'),
        items: () => this.items(options),
        activeItem: (items) => items.find((i) => i.id === lastPicked),
        accept: (item) => (item ? { kind: 'next', value: item.id } : undefined),
      });
      if (answer.kind !== 'next') return answer;
      lastPicked = answer.value;
      if (answer.value === 'continue') return { kind: 'next', value: options };
      options = await this.change(answer.value, options, question);
    }
  }

  private items(options: SendOptions): OptionItem[] {
    const cover = options.coverPage;
    return [
      { id: 'continue', label: icon('arrow-right', vscode.l10n.t('Continue to the summary')) },
      {
        id: 'coverPage',
        label: icon(
          'note',
          cover ? vscode.l10n.t('Cover page: {0}', cover.subject || vscode.l10n.t('(no subject)')) : vscode.l10n.t('No cover page'),
        ),
      },
      {
        id: 'schedule',
        label: icon('clock', options.sendAt ? vscode.l10n.t('Send at {0}', formatLocalTime(options.sendAt)) : vscode.l10n.t('Send now')),
      },
      { id: 'retry', label: icon('sync', retryLabel(options)) },
      {
        id: 'enhancement',
        label: icon('sparkle', options.enhancement ? vscode.l10n.t('Enhance for text: on') : vscode.l10n.t('Enhance for text: off')),
      },
      {
        id: 'comment',
        label: icon('comment', options.comment ? vscode.l10n.t('Comment: {0}', options.comment) : vscode.l10n.t('No comment')),
      },
    ];
  }

  private async change(id: Exclude<OptionId, 'continue'>, options: SendOptions, question: OptionsQuestion): Promise<SendOptions> {
    switch (id) {
      case 'enhancement':
        return { ...options, enhancement: !options.enhancement };
      case 'comment': {
        const text = await this.text(
          vscode.l10n.t('A comment for your records (not printed on the fax). Empty for none.'),
          options.comment,
        );
        return text === undefined ? options : { ...options, comment: text || undefined };
      }
      case 'schedule': {
        const text = await this.ask({
          prompt: vscode.l10n.t('When to send, in your local time: YYYY-MM-DD HH:mm. Empty to send now.'),
          value: options.sendAt ? formatLocalTime(options.sendAt).slice(0, 16) : '',
          validate: (value) => {
            if (!value.trim()) return undefined;
            const check = question.checkSendAt(value);
            return check.ok ? undefined : check.message;
          },
        });
        if (text === undefined) return options;
        const check = text ? question.checkSendAt(text) : undefined;
        return { ...options, sendAt: check?.ok ? check.date : undefined };
      }
      case 'retry':
        return this.changeRetry(options);
      case 'coverPage': {
        const cover = await this.editCoverPage(options.coverPage);
        return cover === undefined ? options : { ...options, coverPage: cover === null ? undefined : cover };
      }
    }
  }

  private async changeRetry(options: SendOptions): Promise<SendOptions> {
    const wholeNumber = (value: string) =>
      WHOLE_NUMBER.test(value.trim()) ? undefined : vscode.l10n.t('Write a whole number, 0 or more.');
    const redials = (value: string) =>
      wholeNumber(value) ?? (Number(value) > MAX_REDIALS ? vscode.l10n.t('Fax.Plus redials at most {0} times.', MAX_REDIALS) : undefined);
    const count = await this.ask({
      prompt: vscode.l10n.t('How many times Fax.Plus redials a busy or unanswered number (0 = Fax.Plus default).'),
      value: String(options.retry.count ?? 0),
      validate: redials,
    });
    if (count === undefined) return options;
    if (Number(count) === 0) return { ...options, retry: {} };
    const delay = await this.ask({
      prompt: vscode.l10n.t('Delay between redials, sent to Fax.Plus as retry.delay (0 = Fax.Plus default).'),
      value: String(options.retry.delay ?? 0),
      validate: wholeNumber,
    });
    if (delay === undefined) return options;
    return { ...options, retry: Number(delay) > 0 ? { count: Number(count), delay: Number(delay) } : { count: Number(count) } };
  }

  /** The new cover page, null to remove it, undefined when the person backed out. */
  private async editCoverPage(current: CoverPageFields | undefined): Promise<CoverPageFields | null | undefined> {
    if (current) {
      const edit = vscode.l10n.t('Edit the cover page');
      const remove = vscode.l10n.t('Remove the cover page');
      const choice = await vscode.window.showQuickPick([edit, remove], { title: this.title, ignoreFocusOut: true });
      if (choice === remove) return null;
      if (choice !== edit) return undefined;
    }
    const subject = await this.text(vscode.l10n.t('Cover page subject'), current?.subject);
    if (subject === undefined) return undefined;
    const to = await this.text(vscode.l10n.t("Cover page: to (the recipient's name)"), current?.to);
    if (to === undefined) return undefined;
    const from = await this.text(vscode.l10n.t('Cover page: from (your name)'), current?.from);
    if (from === undefined) return undefined;
    const message = await this.text(vscode.l10n.t('Cover page message (optional)'), current?.message);
    if (message === undefined) return undefined;
    const flags = await vscode.window.showQuickPick(
      COVER_PAGE_FLAGS.map((flag) => ({ label: flag, picked: current?.flags?.includes(flag) ?? false })),
      { title: this.title, canPickMany: true, placeHolder: vscode.l10n.t('Cover page check boxes (optional)'), ignoreFocusOut: true },
    );
    if (flags === undefined) return undefined;
    return {
      subject,
      to,
      from,
      ...(message ? { message } : {}),
      ...(flags.length ? { flags: flags.map((f) => f.label as CoverPageFlag) } : {}),
    };
  }

  private text(prompt: string, value: string | undefined): Promise<string | undefined> {
    return this.ask({ prompt, value: value ?? '', validate: () => undefined });
  }

  private async ask(setup: {
    prompt: string;
    value: string;
    validate: (value: string) => string | undefined;
  }): Promise<string | undefined> {
    const answer = await inputStep({ title: this.title, ...setup });
    return answer.kind === 'next' ? answer.value : undefined;
  }
}
