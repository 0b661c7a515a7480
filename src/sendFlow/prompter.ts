import type * as vscode from 'vscode';
import type { FaxPreview } from '../render/index';
import type { Contact } from '../contacts/contact';
import type { RenderedText } from './textRendering';
import type { SendOptions } from './sendOptions';
import type { SummaryLine } from './sendSummary';

/** A step's answer: go on with a value, go back one step, or stop (Escape). */
export type StepAnswer<T> = { readonly kind: 'next'; readonly value: T } | { readonly kind: 'back' } | { readonly kind: 'cancel' };

export interface StepPosition {
  /** 1-based, among the steps this run shows. */
  readonly step: number;
  readonly totalSteps: number;
  /** False on the first step shown: there is nothing to go back to. */
  readonly canGoBack: boolean;
}

export type RecipientsCheck = { ok: true; recipients: string[] } | { ok: false; message: string };

export interface RecipientsQuestion extends StepPosition {
  /** The text typed so far (kept when coming back to the step). */
  readonly initial: string;
  /** E.164 numbers faxed lately, most recent first. */
  readonly recent: readonly string[];
  /** Reads the text as the flow will (contact names included); the step accepts only what passes. */
  check(text: string): RecipientsCheck;
  /** Address-book contacts matching what is being typed, best first (absent: no address book). */
  readonly contacts?: (query: string) => readonly Contact[];
  /** "Dr. Chen — +1 617 555 0199" for a known number. */
  readonly display?: (e164: string) => string;
}

export interface SenderQuestion extends StepPosition {
  /** The account's active numbers; undefined when the token may not list them (ask as text). */
  readonly numbers: readonly string[] | undefined;
  readonly suggested?: string;
}

export interface OptionsQuestion extends StepPosition {
  readonly current: SendOptions;
  /** Reads a typed local date-time; a message when it cannot be used. */
  checkSendAt(text: string): { ok: true; date: Date } | { ok: false; message: string };
}

export interface ConfirmQuestion extends StepPosition {
  readonly lines: readonly SummaryLine[];
}

export interface PreviewQuestion {
  /** The text files laid out as PDF pages, in fax order. */
  readonly documents: readonly RenderedText[];
  /** Their pages at fax resolution, drawn from the same layout as the PDFs. */
  preview(): FaxPreview;
}

/** A send asked for in chat, as the person approves it: a summary and the rendered pages. */
export interface ChatSendQuestion {
  /** "Send a fax to …?" */
  readonly title: string;
  /** Recipients, sender, pages, documents, one fact per line. */
  readonly lines: readonly string[];
  /** The documents the extension laid out (empty when every document is uploaded as it is). */
  readonly documents: readonly RenderedText[];
  preview(): FaxPreview;
}

/**
 * Every question "Send as fax" asks a person. The flow depends on this
 * interface only, so the integration host replaces the quick inputs with
 * scripted answers (FaxPlusTestApi.sendUi, in ExtensionMode.Test only).
 */
export interface Prompter {
  /** The open-file dialog, when nothing to send is known yet. */
  pickFiles(): Promise<vscode.Uri[] | undefined>;
  /** True to save the files and go on; false to stop. */
  askToSave(names: readonly string[]): Promise<boolean>;
  askRecipients(question: RecipientsQuestion): Promise<StepAnswer<string[]>>;
  /** The `from` value: a number or `no_number`. */
  askSender(question: SenderQuestion): Promise<StepAnswer<string>>;
  askOptions(question: OptionsQuestion): Promise<StepAnswer<SendOptions>>;
  confirm(question: ConfirmQuestion): Promise<StepAnswer<true>>;
  /** Shows rendered text as the recipient will get it; true to go on to "Send…". */
  previewRendered(question: PreviewQuestion): Promise<boolean>;
  /**
   * The extension's own approval of a send a chat tool asked for: a modal no
   * chat auto-approval can answer. True only when the person chose Send.
   */
  confirmChatSend(question: ChatSendQuestion): Promise<boolean>;
}
