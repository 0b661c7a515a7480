import * as vscode from 'vscode';
import type { Fax, FaxCategory } from '../api/models';
import type { ReceiptDocument } from '../receipts/receipt';
import { Disposable } from '../util/disposable';

/** A fax the user has just sent: the outbox fax ids per destination (`return_ids`). */
export interface SentFax {
  readonly ids: Readonly<Record<string, string>>;
  /** The request's `from`, when known: helps recognise the fax in Sent, where it gets a new id. */
  readonly from?: string;
  /** Our clock just before the request, when known. */
  readonly startedAt?: Date;
  /** Our clock when the request was answered, when it was. */
  readonly answeredAt?: Date;
  /** The server's clock in that answer (HTTP `Date`): places the fax on the server's clock, however far ours is off. */
  readonly serverTime?: Date;
  /** Server clock minus ours, learnt from the uploads' answers: places the fax when the creating answer did not. */
  readonly serverClockOffsetMs?: number;
  /** The documents as uploaded (hashes, names, pages), when this window uploaded them: receipts are written from this. */
  readonly documents?: readonly ReceiptDocument[];
}

/**
 * How features tell each other that account data changed, without knowing
 * each other: the send command announces a new fax; the views refresh and
 * reveal it; actions announce which list they changed.
 */
export class FaxEvents extends Disposable {
  private readonly sent = this.register(new vscode.EventEmitter<SentFax>());
  private readonly changed = this.register(new vscode.EventEmitter<ChangedList>());
  private readonly updated = this.register(new vscode.EventEmitter<UpdatedFax>());

  readonly onDidSendFax = this.sent.event;
  readonly onDidChangeList = this.changed.event;
  /** One fax changed in a way the sender knows exactly (e.g. marked read): lists update it without a request. */
  readonly onDidUpdateFax = this.updated.event;

  fireSent(fax: SentFax): void {
    this.sent.fire(fax);
  }

  fireChanged(list: ChangedList): void {
    this.changed.fire(list);
  }

  fireUpdated(update: UpdatedFax): void {
    this.updated.fire(update);
  }
}

/** What changed on the server in one fax, and the list that shows it. */
export interface UpdatedFax {
  readonly category: FaxCategory;
  readonly faxId: string;
  readonly changes: Partial<Fax>;
}

export type ChangedList = 'outbox' | 'inbox' | 'sent' | 'spam' | 'numbers' | 'members';
