import * as vscode from 'vscode';
import { COMMANDS } from '../manifest/commandIds';
import type { Command } from './command';
import { accountModification, type AccountChanges } from '../api/accountModification';
import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS, type NotificationToggles } from '../api/models';
import type { AuthSession } from '../auth/authSession';
import type { ActionServices } from './targets/actionServices';
import { plainArgs, type ArgObject } from './targets/commandArgs';
import { AccountEditor, fieldProblem } from './account/accountEditor';
import { accountPhone } from './account/accountPhone';
import { UserNotifiedError } from '../util/userNotifiedError';

/** What an edit changed: the fields sent (empty when nothing differed). */
export interface AccountEditResult {
  readonly changed: readonly string[];
}

/**
 * Edit My Account…: the signed-in person's name, last name, phone and
 * notification toggles, prefilled from GET /accounts/self; only what changed
 * is sent (PUT /accounts/self). Argument object (no prompts):
 * `{ name?, lastname?, phone?, notifications?: { email?: { receive_fax?: boolean, … }, push_notifications?, sms? } }`.
 */
export class EditAccountCommand implements Command {
  readonly id = COMMANDS.editAccount;

  constructor(
    private readonly services: ActionServices,
    private readonly session: AuthSession,
    private readonly editor: AccountEditor = new AccountEditor(),
  ) {}

  async execute(arg?: unknown): Promise<AccountEditResult | undefined> {
    const { gate, clients, errors } = this.services;
    gate.ensure(this.id);
    const args = plainArgs(arg);
    const given = args ? this.changesFromArgs(args) : undefined;
    const client = clients.get();
    try {
      const account = await client.getAccount('self');
      const wanted = given ?? (await this.editor.edit(account));
      if (!wanted) {
        return undefined;
      }
      const body = accountModification(account, wanted);
      if (!body) {
        void this.services.notifier.notify('info', vscode.l10n.t('Nothing changed in your Fax.Plus account.'));
        return { changed: [] };
      }
      await client.updateAccount(body);
      // The status bar and Show Token Info show the person's details: read them again.
      void this.session.revalidate(undefined, { refreshAccount: true });
      void this.services.notifier.notify('info', vscode.l10n.t('Your Fax.Plus account was updated.'));
      return { changed: Object.keys(body) };
    } catch (e) {
      throw errors.show(e, vscode.l10n.t('Changing your account'));
    }
  }

  /** Refuses (telling the caller what to fix) rather than sending a value the person did not mean. */
  private changesFromArgs(args: ArgObject): AccountChanges {
    const unknown = Object.keys(args).filter((k) => !['name', 'lastname', 'phone', 'notifications'].includes(k));
    if (unknown.length > 0) {
      throw this.refuse(
        vscode.l10n.t('Edit My Account: unknown argument {0}. Known: name, lastname, phone, notifications.', unknown.join(', ')),
      );
    }
    const changes: { name?: string; lastname?: string; phone?: string; notifications?: NotificationToggles } = {};
    for (const field of ['name', 'lastname', 'phone'] as const) {
      const value = args[field];
      if (value === undefined) continue;
      const problem = typeof value === 'string' ? fieldProblem(field, value) : vscode.l10n.t('It must be text.');
      if (problem) {
        throw this.refuse(vscode.l10n.t('Edit My Account: "{0}" cannot be used. {1}', field, problem));
      }
      changes[field] = field === 'phone' ? accountPhone(value as string) : (value as string).trim();
    }
    if (args.notifications !== undefined) {
      changes.notifications = this.toggles(args.notifications);
    }
    return changes;
  }

  private toggles(value: unknown): NotificationToggles {
    const known = `${NOTIFICATION_CHANNELS.join(', ')}; ${NOTIFICATION_EVENTS.join(', ')}`;
    const bad = () =>
      this.refuse(vscode.l10n.t('Edit My Account: "notifications" must map channels to events with true or false ({0}).', known));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad();
    const result: NotificationToggles = {};
    for (const [channel, events] of Object.entries(value)) {
      if (!(NOTIFICATION_CHANNELS as readonly string[]).includes(channel) || typeof events !== 'object' || events === null) throw bad();
      for (const [event, on] of Object.entries(events as Record<string, unknown>)) {
        if (!(NOTIFICATION_EVENTS as readonly string[]).includes(event) || typeof on !== 'boolean') throw bad();
        (result[channel as keyof NotificationToggles] ??= {})[event as never] = on as never;
      }
    }
    return result;
  }

  private refuse(text: string): UserNotifiedError {
    void this.services.notifier.notify('error', text);
    return new UserNotifiedError(text);
  }
}
