import type * as vscode from 'vscode';
import type { Command } from './command';
import type { ActionServices } from './targets/actionServices';
import type { FaxViewerPanels } from '../viewer/faxViewerPanels';
import type { BalanceStatusBar } from '../balance/balanceStatusBar';
import { OpenFaxCommand } from './openFaxCommand';
import { DownloadFaxCommand } from './downloadFaxCommand';
import { OpenReportCommand } from './openReportCommand';
import { MarkReadCommand } from './markReadCommand';
import { MarkUnreadCommand } from './markUnreadCommand';
import { DeleteFaxCommand } from './deleteFaxCommand';
import { EditCommentCommand } from './editCommentCommand';
import { CancelFaxCommand } from './cancelFaxCommand';
import { ResendFaxCommand } from './resendFaxCommand';
import { CopyNumberCommand } from './copyNumberCommand';
import { AssignNumberCommand } from './assignNumberCommand';
import { RevokeNumberCommand } from './revokeNumberCommand';
import { EditMemberCommand } from './editMemberCommand';
import { ManageWebhooksCommand } from './manageWebhooksCommand';
import { ShowBalanceCommand } from './showBalanceCommand';
import type { SendOutcomes } from '../sendFlow/sendOutcomes';

/** The actions on sidebar items (and their palette forms), built with what they share. */
export function itemActionCommands(
  services: ActionServices,
  viewers: FaxViewerPanels,
  balance: BalanceStatusBar,
  reportsFolder: vscode.Uri,
  outcomes: Pick<SendOutcomes, 'settleCreateFailure'>,
): Command[] {
  return [
    new OpenFaxCommand(services, viewers),
    new DownloadFaxCommand(services),
    new OpenReportCommand(services, reportsFolder),
    new MarkReadCommand(services),
    new MarkUnreadCommand(services),
    new DeleteFaxCommand(services),
    new EditCommentCommand(services),
    new CancelFaxCommand(services),
    new ResendFaxCommand(services, outcomes),
    new CopyNumberCommand(services),
    new AssignNumberCommand(services),
    new RevokeNumberCommand(services),
    new EditMemberCommand(services),
    new ManageWebhooksCommand(services),
    new ShowBalanceCommand(services, balance),
  ];
}
