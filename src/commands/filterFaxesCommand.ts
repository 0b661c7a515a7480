import * as vscode from 'vscode';
import type { AddressBook } from '../contacts/addressBook';
import type { FaxFilter, PartyFilter } from '../find/faxFilter';
import { phoneDisplay } from '../format/phoneDisplay';
import type { CommandId } from '../manifest/commandIds';
import type { FilterableView } from '../views/faxFilters';
import type { Sidebar } from '../views/sidebar';
import type { Command } from './command';
import { refuse } from './contacts/contactPrompts';
import type { Notifier } from '../util/notifier';
import { plainArgs, type ArgObject } from './targets/commandArgs';

const KEYS = ['contact', 'number', 'since', 'until', 'status', 'unread'];
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

type Facet = vscode.QuickPickItem & { readonly apply: (filter: FaxFilter) => Promise<FaxFilter | undefined> };

/**
 * Find faxes in Inbox or Sent (view title bar). Argument
 * `{ contact?, number?, since?, until?, status?, unread? }` (days as YYYY-MM-DD,
 * `until` inclusive) sets the whole filter without a question; otherwise a
 * quick pick sets one part at a time and shows the filter as it stands.
 */
export class FilterFaxesCommand implements Command {
  constructor(
    readonly id: CommandId,
    private readonly view: FilterableView,
    private readonly sidebar: Sidebar,
    private readonly book: AddressBook,
    private readonly notifier: Notifier,
  ) {}

  async execute(arg?: unknown): Promise<FaxFilter | undefined> {
    await this.book.load();
    const args = plainArgs(arg);
    if (args) {
      const filter = this.fromArguments(args);
      await this.sidebar.filters.set(this.view, filter);
      return this.sidebar.filters.current(this.view);
    }
    let filter: FaxFilter = this.sidebar.filters.current(this.view) ?? {};
    for (;;) {
      const facet = await vscode.window.showQuickPick(this.facets(filter), {
        title: this.view === 'inbox' ? vscode.l10n.t('Filter Inbox') : vscode.l10n.t('Filter Sent'),
        placeHolder: vscode.l10n.t('Choose what to filter by; the view narrows at once'),
      });
      if (!facet) return filter;
      const next = await facet.apply(filter);
      if (!next) continue;
      filter = next;
      await this.sidebar.filters.set(this.view, filter);
    }
  }

  private facets(filter: FaxFilter): Facet[] {
    const party = filter.party?.kind === 'numbers' ? filter.party.label : filter.party?.digits;
    return [
      {
        label: `$(person) ${vscode.l10n.t('Contact or number…')}`,
        description: party,
        apply: async (f) => {
          const chosen = await this.askParty();
          return chosen === undefined ? undefined : { ...f, party: chosen ?? undefined };
        },
      },
      {
        label: `$(calendar) ${vscode.l10n.t('Date range…')}`,
        description: filter.since || filter.until ? vscode.l10n.t('set') : undefined,
        apply: async (f) => {
          const range = await askRange();
          return range && { ...f, since: range.since, until: range.until };
        },
      },
      {
        label: `$(pulse) ${vscode.l10n.t('Status…')}`,
        description: filter.statuses?.join(', '),
        apply: async (f) => {
          const statuses = await this.askStatuses(f.statuses ?? []);
          return statuses && { ...f, statuses };
        },
      },
      ...(this.view === 'inbox'
        ? [
            {
              label: `$(mail) ${filter.unreadOnly ? vscode.l10n.t('Show read faxes too') : vscode.l10n.t('Unread only')}`,
              apply: async (f: FaxFilter) => ({ ...f, unreadOnly: !f.unreadOnly }),
            },
          ]
        : []),
      { label: `$(clear-all) ${vscode.l10n.t('Clear Filter')}`, apply: async () => ({}) },
    ];
  }

  /** A contact (all its numbers) or digits typed; null clears this part; undefined when dismissed. */
  private async askParty(): Promise<PartyFilter | null | undefined> {
    type Item = vscode.QuickPickItem & { readonly party: PartyFilter | null };
    const pick = vscode.window.createQuickPick<Item>();
    const contactItems: Item[] = this.book.all().map((c) => ({
      label: `$(person) ${c.name}`,
      description: c.faxNumbers.map(phoneDisplay).join(', '),
      detail: c.organisation,
      party: { kind: 'numbers', label: c.name, numbers: c.faxNumbers },
    }));
    const any: Item = { label: `$(close) ${vscode.l10n.t('Any contact or number')}`, party: null };
    const update = () => {
      const digits = pick.value.replace(/\D/g, '');
      const typed: Item[] =
        digits.length >= 3
          ? [{ label: `$(search) ${vscode.l10n.t('Number contains {0}', digits)}`, alwaysShow: true, party: { kind: 'digits', digits } }]
          : [];
      pick.items = [...typed, ...contactItems, any];
    };
    pick.title = vscode.l10n.t('Faxes with which contact or number?');
    pick.placeholder = vscode.l10n.t('Type a contact name, or some digits of the number');
    pick.matchOnDescription = true;
    update();
    return new Promise((resolve) => {
      let settled = false;
      const done = (value: PartyFilter | null | undefined) => {
        if (settled) return;
        settled = true;
        resolve(value);
        pick.dispose();
      };
      pick.onDidChangeValue(update);
      pick.onDidAccept(() => done(pick.activeItems[0]?.party));
      pick.onDidHide(() => done(undefined));
      pick.show();
    });
  }

  private async askStatuses(current: readonly string[]): Promise<string[] | undefined> {
    // The statuses of the faxes loaded, so the list names what the account really has.
    const seen = new Set(this.sidebar.providers[this.view].loadedItems.flatMap((n) => (n.kind === 'fax' ? [n.fax.status] : [])));
    current.forEach((s) => seen.add(s));
    const picked = await vscode.window.showQuickPick(
      [...seen].sort().map((status) => ({ label: status, picked: current.includes(status) })),
      {
        title: vscode.l10n.t('Faxes with which status?'),
        placeHolder: vscode.l10n.t('Pick one or more; none shows every status'),
        canPickMany: true,
      },
    );
    return picked?.map((p) => p.label);
  }

  private fromArguments(args: ArgObject): FaxFilter {
    const problems: string[] = [];
    for (const key of Object.keys(args)) {
      if (!KEYS.includes(key)) problems.push(vscode.l10n.t('Unknown property "{0}" (known: {1}).', key, KEYS.join(', ')));
    }
    let party: PartyFilter | undefined;
    if (typeof args.contact === 'string') {
      const found = this.book.named(args.contact);
      if (found.length === 1) {
        party = { kind: 'numbers', label: found[0].name, numbers: found[0].faxNumbers };
      } else {
        problems.push(
          found.length === 0
            ? vscode.l10n.t('No contact is named "{0}".', args.contact)
            : vscode.l10n.t('"{0}" names {1} contacts. Filter by number instead.', args.contact, found.length),
        );
      }
    } else if (typeof args.number === 'string') {
      const digits = args.number.replace(/\D/g, '');
      if (digits.length === 0) problems.push(vscode.l10n.t('"number" holds no digits.'));
      else party = { kind: 'digits', digits };
    }
    const since = readDay(args.since, 'since', problems);
    const lastDay = readDay(args.until, 'until', problems);
    const statuses =
      typeof args.status === 'string'
        ? [args.status]
        : Array.isArray(args.status)
          ? args.status.filter((s): s is string => typeof s === 'string')
          : undefined;
    if (problems.length > 0) throw refuse(this.notifier, vscode.l10n.t('Cannot filter with these arguments: {0}', problems.join(' ')));
    return { party, since, until: lastDay && nextDay(lastDay), statuses, unreadOnly: args.unread === true };
  }
}

/** Clears the view's filter (the title bar's "Clear Filter", shown only while one is set). */
export class ClearFilterCommand implements Command {
  constructor(
    readonly id: CommandId,
    private readonly view: FilterableView,
    private readonly sidebar: Sidebar,
  ) {}

  async execute(): Promise<void> {
    await this.sidebar.filters.clear(this.view);
  }
}

async function askRange(): Promise<{ since?: Date; until?: Date } | undefined> {
  const today = startOfDay(new Date());
  const daysBack = (n: number) => new Date(today.getFullYear(), today.getMonth(), today.getDate() - n);
  type Item = vscode.QuickPickItem & { readonly range?: { since?: Date; until?: Date } };
  const items: Item[] = [
    { label: vscode.l10n.t('Today'), range: { since: today } },
    { label: vscode.l10n.t('Last 7 days'), range: { since: daysBack(6) } },
    { label: vscode.l10n.t('Last 30 days'), range: { since: daysBack(29) } },
    { label: vscode.l10n.t('This year'), range: { since: new Date(today.getFullYear(), 0, 1) } },
    { label: vscode.l10n.t('Any date'), range: {} },
    { label: `$(edit) ${vscode.l10n.t('Days of your choice…')}` },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Faxes from when?') });
  if (!picked) return undefined;
  if (picked.range) return picked.range;
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Faxes from when?'),
    prompt: vscode.l10n.t('First and last day as YYYY-MM-DD..YYYY-MM-DD; leave a side empty for no limit, or give one day'),
    validateInput: (v) =>
      readRange(v) ? undefined : vscode.l10n.t('Write the days as 2026-11-01..2026-11-30, 2026-11-01.. or 2026-11-01.'),
  });
  return typed === undefined ? undefined : readRange(typed);
}

function readRange(text: string): { since?: Date; until?: Date } | undefined {
  const [first, last = first] = text
    .trim()
    .split('..')
    .map((s) => s.trim());
  const since = first ? dayOf(first) : undefined;
  const lastDay = last ? dayOf(last) : undefined;
  if ((first && !since) || (last && !lastDay)) return undefined;
  return { since, until: lastDay && nextDay(lastDay) };
}

function readDay(value: unknown, name: string, problems: string[]): Date | undefined {
  if (value === undefined) return undefined;
  const day = typeof value === 'string' ? dayOf(value) : undefined;
  if (!day) problems.push(vscode.l10n.t('"{0}" must be a day written YYYY-MM-DD.', name));
  return day;
}

/** Local midnight of a YYYY-MM-DD day; undefined for anything else (2026-02-30 included). */
function dayOf(text: string): Date | undefined {
  const m = DAY.exec(text.trim());
  if (!m) return undefined;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date.getMonth() === Number(m[2]) - 1 ? date : undefined;
}

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

function nextDay(day: Date): Date {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
}
