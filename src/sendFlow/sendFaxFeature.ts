import type * as vscode from 'vscode';
import type { AuthSession } from '../auth/authSession';
import type { CommandGate } from '../auth/commandGate';
import type { ClientProvider } from '../client/clientProvider';
import type { ErrorPresenter } from '../errors/errorPresenter';
import type { FaxEvents } from '../events/faxEvents';
import type { Logger } from '../api/logger';
import { RecentRecipients } from '../send/recentRecipients';
import type { AddressBook } from '../contacts/addressBook';
import { CreationCheck } from './creationCheck';
import { CreationWatches } from './creationWatches';
import { DocumentResolver } from './documentResolver';
import { FaxSubmission } from './faxSubmission';
import { NotificationProgressUi, type ProgressUi } from './progressUi';
import type { Prompter } from './prompter';
import { QuickInputPrompter } from './quickInputPrompter';
import { SenderNumbers } from './senderNumbers';
import { SendFlow } from './sendFlow';
import { SendNotices } from './sendNotices';
import { SendOutcomes } from './sendOutcomes';
import { SendSettings } from './sendSettings';
import { LazyRenderer } from './rendererModule';
import { RenderSettings } from './renderSettings';
import { TextRendering } from './textRendering';
import { UnsavedChanges } from './unsavedChanges';
import type { Notifier } from '../util/notifier';

export interface SendFaxFeatureDependencies {
  readonly gate: CommandGate;
  readonly session: AuthSession;
  readonly clients: ClientProvider;
  readonly errors: ErrorPresenter;
  readonly events: FaxEvents;
  readonly logger: Logger;
  readonly notifier: Notifier;
  readonly globalState: vscode.Memento;
  /** Where the render preview finds the viewer's scripts. */
  readonly extensionUri: vscode.Uri;
  readonly contacts?: AddressBook;
}

/** Where the questions and the progress go; the integration host passes switchable ones. */
export interface SendUi {
  readonly prompter: Prompter;
  readonly progressUi: ProgressUi;
}

/** Builds "Send as fax" from the extension's shared parts, so extensionMain.ts stays wiring only. */
export interface SendFaxFeature {
  readonly flow: SendFlow;
  readonly recent: RecentRecipients;
  /** Shared with Resend: one outcome logic for every POST /outbox. */
  readonly outcomes: SendOutcomes;
  readonly watches: CreationWatches;
  /** For the chat tools: the same document checks and rendering, sender numbers, settings and questions as the command. */
  readonly documents: DocumentResolver;
  readonly senders: SenderNumbers;
  readonly settings: SendSettings;
  readonly prompter: Prompter;
}

/** The questions and progress a person sees. */
export function defaultSendUi(extensionUri: vscode.Uri, notifier: Notifier): SendUi {
  return { prompter: new QuickInputPrompter(extensionUri, notifier), progressUi: new NotificationProgressUi() };
}

export function createSendFaxFeature(
  deps: SendFaxFeatureDependencies,
  ui: SendUi = defaultSendUi(deps.extensionUri, deps.notifier),
): SendFaxFeature {
  const notices = new SendNotices(deps.notifier);
  const creation = new CreationCheck(deps.clients, deps.logger);
  const watches = new CreationWatches(creation, notices, deps.events, deps.logger);
  const outcomes = new SendOutcomes(notices, deps.errors, creation, watches, deps.events, deps.logger);
  const renderer = new LazyRenderer();
  const recent = new RecentRecipients(deps.globalState);
  const documents = new DocumentResolver(new TextRendering(renderer, new RenderSettings(renderer)));
  const senders = new SenderNumbers(deps.session, deps.clients, deps.globalState, deps.logger);
  const settings = new SendSettings();
  const flow = new SendFlow(
    {
      gate: deps.gate,
      documents,
      unsaved: new UnsavedChanges(),
      senders,
      recent,
      settings,
      submission: new FaxSubmission(deps.clients, async (bytes) => renderer.api.pdfPageCount(bytes)),
      outcomes,
      notices,
      contacts: deps.contacts,
    },
    ui.prompter,
    ui.progressUi,
  );
  return { flow, recent, outcomes, watches, documents, senders, settings, prompter: ui.prompter };
}
