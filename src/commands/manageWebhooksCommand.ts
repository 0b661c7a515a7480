import * as vscode from 'vscode';
import type { Command } from './command';
import type { Webhook, WebhookEvent } from '../api/models';
import type { FaxPlusClient } from '../api/faxPlusClient';
import type { ActionServices } from './targets/actionServices';
import { apiQuickPick, type ValueItem } from './targets/apiQuickPick';
import { confirmationWaived, plainArgs, stringArg, type ArgObject } from './targets/commandArgs';
import { confirmed } from './targets/confirmation';
import { COMMANDS } from '../manifest/commandIds';

const EVENTS: readonly WebhookEvent[] = ['fax_received', 'fax_sent'];

type Choice = { readonly kind: 'create' } | { readonly kind: 'hook'; readonly hook: Webhook };

/**
 * Lists the account's webhooks (both events) and creates or deletes them.
 * Plain-object forms: `{ action: 'list' }` → the hooks;
 * `{ action: 'create', event, target, confirm: false }` → the new id (a
 * webhook exports fax events for good, so automation must say it decided:
 * without `confirm: false` nothing is created; targets must be https://);
 * `{ action: 'delete', hookId, confirm? }` → true when deleted.
 */
export class ManageWebhooksCommand implements Command {
  readonly id = COMMANDS.manageWebhooks;

  constructor(private readonly services: ActionServices) {}

  async execute(arg?: unknown): Promise<Webhook[] | string | boolean | undefined> {
    const { gate, clients, errors } = this.services;
    gate.ensure(this.id);
    const args = plainArgs(arg);
    const client = clients.get();
    switch (stringArg(args, 'action')) {
      case 'list':
        try {
          return await listAll(client);
        } catch (e) {
          throw errors.show(e, vscode.l10n.t('Loading webhooks'));
        }
      case 'create':
        if (!confirmationWaived(args)) {
          throw errors.show(
            new Error(
              vscode.l10n.t(
                'Creating a webhook from a keybinding, task or another extension needs "confirm": false in its arguments (the webhook sends fax events to another server until it is deleted). Nothing was created. To be asked instead, run "Fax.Plus: Manage Webhooks" from the Command Palette.',
              ),
            ),
            vscode.l10n.t('Creating the webhook'),
          );
        }
        return this.create(client, stringArg(args, 'event'), stringArg(args, 'target'));
      case 'delete':
        return this.delete(client, args, stringArg(args, 'hookId'));
      default:
        return this.interactive(client);
    }
  }

  private async interactive(client: FaxPlusClient): Promise<string | boolean | undefined> {
    const choice = await apiQuickPick<Choice>(this.services.errors, {
      title: vscode.l10n.t('Fax.Plus Webhooks'),
      placeholder: vscode.l10n.t('Choose a webhook to delete it, or create one'),
      failureAction: vscode.l10n.t('Loading webhooks'),
      emptyText: '',
      load: async (signal) => {
        const hooks = await listAll(client, signal);
        const items: ValueItem<Choice>[] = [
          { label: `$(add) ${vscode.l10n.t('Create a Webhook…')}`, alwaysShow: true, value: { kind: 'create' } },
        ];
        for (const event of EVENTS) {
          items.push({ label: eventLabel(event), kind: vscode.QuickPickItemKind.Separator });
          const ofEvent = hooks.filter((h) => h.event === event);
          items.push(
            ...ofEvent.map((hook): ValueItem<Choice> => ({
              label: `$(link) ${hook.target}`,
              description: hook.id,
              value: { kind: 'hook', hook },
            })),
          );
          if (ofEvent.length === 0) {
            items.push({ label: vscode.l10n.t('No webhook for this event.') });
          }
        }
        return items;
      },
    });
    if (!choice) {
      return undefined;
    }
    if (choice.kind === 'create') {
      return this.create(client, undefined, undefined);
    }
    return this.delete(client, undefined, choice.hook.id, choice.hook);
  }

  private async create(client: FaxPlusClient, event: string | undefined, target: string | undefined): Promise<string | undefined> {
    const { errors } = this.services;
    const chosenEvent =
      event ??
      (
        await vscode.window.showQuickPick(
          EVENTS.map((e) => ({ label: eventLabel(e), value: e })),
          {
            title: vscode.l10n.t('Create a Webhook (1/2)'),
            placeHolder: vscode.l10n.t('When should Fax.Plus call your URL?'),
          },
        )
      )?.value;
    if (!chosenEvent) {
      return undefined;
    }
    const url =
      target ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Create a Webhook (2/2)'),
        prompt: vscode.l10n.t('The URL Fax.Plus sends a POST request to'),
        placeHolder: 'https://example.com/fax-hook',
        validateInput: (v) =>
          isHttpsUrl(v.trim()) ? undefined : vscode.l10n.t('Enter an https:// URL (fax details must not travel unencrypted).'),
      }));
    if (!url) {
      return undefined;
    }
    if (!isHttpsUrl(url.trim())) {
      throw errors.show(
        new Error(vscode.l10n.t('"{0}" is not an https:// URL. Webhooks carry fax details, so only https:// targets are accepted.', url)),
        vscode.l10n.t('Creating the webhook'),
      );
    }
    try {
      const id = await client.createWebhook({ target: url.trim(), event: chosenEvent });
      void this.services.notifier.notify(
        'info',
        vscode.l10n.t('Webhook created: Fax.Plus will call {0} ({1}).', url.trim(), eventLabel(chosenEvent)),
      );
      return id;
    } catch (e) {
      throw errors.show(e, vscode.l10n.t('Creating the webhook'));
    }
  }

  private async delete(client: FaxPlusClient, args: ArgObject | undefined, hookId: string | undefined, hook?: Webhook): Promise<boolean> {
    const { errors } = this.services;
    if (!hookId) {
      throw errors.show(new Error(vscode.l10n.t('Say which webhook with "hookId".')), vscode.l10n.t('Deleting the webhook'));
    }
    const ok = await confirmed(
      this.services.notifier,
      args,
      vscode.l10n.t('Delete the webhook {0}?', hook?.target ?? hookId),
      vscode.l10n.t('Fax.Plus stops calling this URL.'),
      vscode.l10n.t('Delete'),
    );
    if (!ok) {
      return false;
    }
    try {
      await client.deleteWebhook(hookId);
      return true;
    } catch (e) {
      throw errors.show(e, vscode.l10n.t('Deleting the webhook'));
    }
  }
}

async function listAll(client: FaxPlusClient, signal?: AbortSignal): Promise<Webhook[]> {
  const lists = await Promise.all(EVENTS.map((event) => client.listWebhooks(event, { signal })));
  return lists.flat();
}

function eventLabel(event: WebhookEvent): string {
  return event === 'fax_received'
    ? vscode.l10n.t('When a fax is received')
    : event === 'fax_sent'
      ? vscode.l10n.t('When a fax is sent')
      : event;
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
