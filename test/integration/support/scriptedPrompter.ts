import * as assert from 'assert';
import type * as vscode from 'vscode';
import type { FaxPreview } from '../../../src/render/index';
import type {
  ChatSendQuestion,
  ConfirmQuestion,
  OptionsQuestion,
  PreviewQuestion,
  Prompter,
  RecipientsQuestion,
  SenderQuestion,
  StepAnswer,
} from '../../../src/sendFlow/prompter';
import type { SendOptions } from '../../../src/sendFlow/sendOptions';

/** How a scripted person answers "Send as fax"; anything left out takes the obvious answer. */
export interface PromptScript {
  /** The open dialog's choice (undefined = dismissed). */
  readonly files?: vscode.Uri[];
  /** Answer to "save first?" (default: save). */
  readonly save?: boolean;
  /** Typed into the recipients step. */
  readonly recipients?: string;
  /** The chosen `from` (default: the suggested number, else the first listed, else no_number). */
  readonly sender?: string;
  readonly options?: (current: SendOptions) => SendOptions;
  /** Press Escape on the summary instead of sending. */
  readonly cancelAtSummary?: boolean;
  /** Close the render preview instead of pressing Send… (default: send). */
  readonly closePreview?: boolean;
  /** The answer to the modal approval of a send asked for in chat (default: decline). */
  readonly approveChatSend?: boolean;
}

/** A Prompter for tests: answers from a script and records every question, as a person would have seen it. */
export class ScriptedPrompter implements Prompter {
  readonly asked: string[] = [];
  recipientsQuestion?: RecipientsQuestion;
  senderQuestion?: SenderQuestion;
  summary: string[] = [];
  /** The render preview as the person saw it: documents and their pages at fax resolution. */
  previewed?: { question: PreviewQuestion; preview: FaxPreview };

  /** Each chat send approval as the person saw it. */
  readonly chatSends: ChatSendQuestion[] = [];

  constructor(private readonly script: PromptScript = {}) {}

  async confirmChatSend(question: ChatSendQuestion): Promise<boolean> {
    this.asked.push('chatSend');
    this.chatSends.push(question);
    return this.script.approveChatSend ?? false;
  }

  async pickFiles(): Promise<vscode.Uri[] | undefined> {
    this.asked.push('files');
    return this.script.files;
  }

  async askToSave(names: readonly string[]): Promise<boolean> {
    this.asked.push(`save ${names.join(', ')}`);
    return this.script.save ?? true;
  }

  async askRecipients(question: RecipientsQuestion): Promise<StepAnswer<string[]>> {
    this.asked.push('recipients');
    this.recipientsQuestion = question;
    assert.ok(this.script.recipients !== undefined, 'the script has recipients to type');
    const check = question.check(this.script.recipients);
    assert.ok(check.ok, `the typed recipients are accepted: ${check.ok ? '' : check.message}`);
    return { kind: 'next', value: check.recipients };
  }

  async askSender(question: SenderQuestion): Promise<StepAnswer<string>> {
    this.asked.push('sender');
    this.senderQuestion = question;
    return { kind: 'next', value: this.script.sender ?? question.suggested ?? question.numbers?.[0] ?? 'no_number' };
  }

  async askOptions(question: OptionsQuestion): Promise<StepAnswer<SendOptions>> {
    this.asked.push('options');
    return { kind: 'next', value: this.script.options ? this.script.options(question.current) : question.current };
  }

  async confirm(question: ConfirmQuestion): Promise<StepAnswer<true>> {
    this.asked.push('confirm');
    this.summary = question.lines.map((line) => line.label);
    return this.script.cancelAtSummary ? { kind: 'cancel' } : { kind: 'next', value: true };
  }

  async previewRendered(question: PreviewQuestion): Promise<boolean> {
    this.asked.push('preview');
    this.previewed = { question, preview: question.preview() };
    return !this.script.closePreview;
  }
}

/** For runs that must not ask anything (automation with confirm: false): every question fails the test. */
export class SilentPrompter implements Prompter {
  private fail(what: string): never {
    throw new assert.AssertionError({ message: `nobody may be asked (${what}) when the command runs with confirm: false` });
  }
  pickFiles(): never {
    return this.fail('files');
  }
  askToSave(): never {
    return this.fail('save');
  }
  askRecipients(): never {
    return this.fail('recipients');
  }
  askSender(): never {
    return this.fail('sender');
  }
  askOptions(): never {
    return this.fail('options');
  }
  confirm(): never {
    return this.fail('confirm');
  }
  previewRendered(): never {
    return this.fail('preview');
  }
  confirmChatSend(): never {
    return this.fail('chatSend');
  }
}
