import type * as vscode from 'vscode';
import type { AuthSession } from '../auth/authSession';
import type { CommandGate } from '../auth/commandGate';
import type { ClientProvider } from '../client/clientProvider';
import { ClearRecentRecipientsCommand } from '../commands/clearRecentRecipientsCommand';
import type { Command } from '../commands/command';
import { SendFaxCommand } from '../commands/sendFaxCommand';
import { SendSelectionCommand } from '../commands/sendSelectionCommand';
import type { ErrorPresenter } from '../errors/errorPresenter';
import type { FaxEvents } from '../events/faxEvents';
import type { Logger } from '../logging/outputLogger';
import { RecentRecipients } from '../send/recentRecipients';
import { CreationCheck } from './creationCheck';
import { DocumentResolver } from './documentResolver';
import { FaxSubmission } from './faxSubmission';
import { NotificationProgressUi } from './progressUi';
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

export interface SendFaxFeatureDependencies {
  readonly gate: CommandGate;
  readonly session: AuthSession;
  readonly clients: ClientProvider;
  readonly errors: ErrorPresenter;
  readonly events: FaxEvents;
  readonly logger: Logger;
  readonly globalState: vscode.Memento;
  /** Where the render preview finds the viewer's scripts. */
  readonly extensionUri: vscode.Uri;
}

/** Builds "Send as fax" from the extension's shared parts, so extension.ts stays wiring only. */
export function createSendFaxFeature(deps: SendFaxFeatureDependencies): { readonly flow: SendFlow; readonly commands: Command[] } {
  const notices = new SendNotices();
  const renderer = new LazyRenderer();
  const recent = new RecentRecipients(deps.globalState);
  const flow = new SendFlow(
    {
      gate: deps.gate,
      documents: new DocumentResolver(new TextRendering(renderer, new RenderSettings(renderer))),
      unsaved: new UnsavedChanges(),
      senders: new SenderNumbers(deps.session, deps.clients, deps.globalState, deps.logger),
      recent,
      settings: new SendSettings(),
      submission: new FaxSubmission(deps.clients),
      outcomes: new SendOutcomes(notices, deps.errors, new CreationCheck(deps.clients, deps.logger), deps.events, deps.logger),
      notices,
    },
    new QuickInputPrompter(deps.extensionUri),
    new NotificationProgressUi(),
  );
  return { flow, commands: [new SendFaxCommand(flow), new SendSelectionCommand(flow), new ClearRecentRecipientsCommand(recent)] };
}
