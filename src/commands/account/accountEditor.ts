import * as vscode from 'vscode';
import type { AccountChanges } from '../../api/accountModification';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  type Account,
  type NotificationChannel,
  type NotificationEvent,
  type NotificationToggles,
} from '../../api/models';
import { phoneDisplay } from '../../format/phoneDisplay';
import { accountPhone } from './accountPhone';

type Field = 'name' | 'lastname' | 'phone' | 'notifications' | 'save';
interface FieldItem extends vscode.QuickPickItem {
  readonly field: Field;
}
interface ToggleItem extends vscode.QuickPickItem {
  readonly channel: NotificationChannel;
  readonly event: NotificationEvent;
}

/**
 * The interactive part of Edit My Account: a list of the fields with their
 * values (changed ones marked), each opened for editing, until Save. Resolves
 * undefined when the person closes it (nothing is sent).
 */
export class AccountEditor {
  async edit(account: Account): Promise<AccountChanges | undefined> {
    const wanted: { name?: string; lastname?: string; phone?: string; notifications?: NotificationToggles } = {};
    for (;;) {
      const changed = (k: keyof typeof wanted) => (wanted[k] !== undefined ? ` ${vscode.l10n.t('(changed)')}` : '');
      const items: FieldItem[] = [
        { field: 'name', label: `$(person) ${vscode.l10n.t('Name')}`, description: (wanted.name ?? account.name ?? '') + changed('name') },
        {
          field: 'lastname',
          label: `$(person) ${vscode.l10n.t('Last name')}`,
          description: (wanted.lastname ?? account.lastname ?? '') + changed('lastname'),
        },
        {
          field: 'phone',
          label: `$(device-mobile) ${vscode.l10n.t('Phone')}`,
          description: phoneDisplay(wanted.phone ?? account.phone) + changed('phone'),
        },
        {
          field: 'notifications',
          label: `$(bell) ${vscode.l10n.t('Notifications…')}`,
          description: toggleSummary(account.notifications?.toggles ?? {}, wanted.notifications) + changed('notifications'),
        },
        {
          field: 'save',
          label: `$(check) ${vscode.l10n.t('Save Changes')}`,
          description: Object.keys(wanted).length === 0 ? vscode.l10n.t('nothing changed yet') : undefined,
        },
      ];
      const choice = await vscode.window.showQuickPick(items, {
        title: vscode.l10n.t('Edit My Account: {0}', account.email ?? account.uid),
        placeHolder: vscode.l10n.t('Choose what to change, then Save Changes'),
      });
      if (!choice) {
        return undefined;
      }
      if (choice.field === 'save') {
        return wanted;
      }
      if (choice.field === 'notifications') {
        wanted.notifications = (await this.pickToggles(account, wanted.notifications)) ?? wanted.notifications;
        continue;
      }
      const value = await this.askText(choice.field, wanted[choice.field] ?? account[choice.field] ?? '');
      if (value !== undefined) {
        wanted[choice.field] = value;
      }
    }
  }

  private async askText(field: 'name' | 'lastname' | 'phone', current: string): Promise<string | undefined> {
    const prompts = {
      name: vscode.l10n.t('Your first name'),
      lastname: vscode.l10n.t('Your last name'),
      phone: vscode.l10n.t('Your phone number, in international form (e.g. +1 555 010 0123)'),
    };
    const value = await vscode.window.showInputBox({
      title: vscode.l10n.t('Edit My Account'),
      prompt: prompts[field],
      value: field === 'phone' ? phoneDisplay(current) : current,
      validateInput: (v) => fieldProblem(field, v),
    });
    if (value === undefined) {
      return undefined;
    }
    return field === 'phone' ? accountPhone(value) : value.trim();
  }

  /** Only toggles the person flipped come back, so a toggle the server never reported is not sent as "off". */
  private async pickToggles(account: Account, earlier: NotificationToggles | undefined): Promise<NotificationToggles | undefined> {
    const current = account.notifications?.toggles ?? {};
    const isOn = (c: NotificationChannel, e: NotificationEvent) => earlier?.[c]?.[e] ?? current[c]?.[e] ?? false;
    const items: ToggleItem[] = [];
    for (const channel of NOTIFICATION_CHANNELS) {
      for (const event of NOTIFICATION_EVENTS) {
        items.push({ channel, event, label: `${channelName(channel)}: ${eventName(event)}`, picked: isOn(channel, event) });
      }
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Edit My Account: notifications'),
      placeHolder: vscode.l10n.t('Checked notifications are on'),
      canPickMany: true,
    });
    if (!picked) {
      return undefined;
    }
    const on = new Set(picked);
    const result: NotificationToggles = {};
    for (const item of items) {
      const want = on.has(item);
      const was = current[item.channel]?.[item.event] ?? false;
      if (want !== was) {
        (result[item.channel] ??= {})[item.event] = want;
      }
    }
    return Object.keys(result).length > 0 ? result : undefined;
  }
}

/** Why a typed value cannot be used, or undefined when it can. */
export function fieldProblem(field: 'name' | 'lastname' | 'phone', value: string): string | undefined {
  if (field === 'phone') {
    return accountPhone(value)
      ? undefined
      : vscode.l10n.t('Enter the number in international form, starting with + and the country code (e.g. +1 555 010 0123).');
  }
  return value.trim() ? undefined : vscode.l10n.t('This cannot be empty.');
}

function toggleSummary(current: NotificationToggles, wanted: NotificationToggles | undefined): string {
  const on: string[] = [];
  for (const channel of NOTIFICATION_CHANNELS) {
    const count = NOTIFICATION_EVENTS.filter((e) => wanted?.[channel]?.[e] ?? current[channel]?.[e]).length;
    if (count > 0) on.push(`${channelName(channel)} ${count}`);
  }
  return on.length > 0 ? vscode.l10n.t('on: {0}', on.join(', ')) : vscode.l10n.t('all off');
}

function channelName(channel: NotificationChannel): string {
  switch (channel) {
    case 'email':
      return vscode.l10n.t('Email');
    case 'push_notifications':
      return vscode.l10n.t('Push');
    case 'sms':
      return vscode.l10n.t('SMS');
  }
}

function eventName(event: NotificationEvent): string {
  switch (event) {
    case 'receive_fax':
      return vscode.l10n.t('fax received');
    case 'send_fax':
      return vscode.l10n.t('fax sent');
    case 'low_credit':
      return vscode.l10n.t('low credit');
    case 'new_feature':
      return vscode.l10n.t('new features');
    case 'voicemail':
      return vscode.l10n.t('voicemail');
  }
}
