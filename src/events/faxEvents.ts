import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';

/** A fax the user has just sent: the outbox fax ids per destination (`return_ids`). */
export interface SentFax {
  readonly ids: Readonly<Record<string, string>>;
  /** The request's `from`, when known: helps recognise the fax in Sent, where it gets a new id. */
  readonly from?: string;
  /** Our clock just before the request, when known. */
  readonly startedAt?: Date;
}

/**
 * How features tell each other that account data changed, without knowing
 * each other: the send command announces a new fax; the views refresh and
 * reveal it; actions announce which list they changed.
 */
export class FaxEvents extends Disposable {
  private readonly sent = this.register(new vscode.EventEmitter<SentFax>());
  private readonly changed = this.register(new vscode.EventEmitter<ChangedList>());

  readonly onDidSendFax = this.sent.event;
  readonly onDidChangeList = this.changed.event;

  fireSent(fax: SentFax): void {
    this.sent.fire(fax);
  }

  fireChanged(list: ChangedList): void {
    this.changed.fire(list);
  }
}

export type ChangedList = 'outbox' | 'inbox' | 'sent' | 'spam' | 'numbers' | 'members';
