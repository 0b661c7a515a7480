// Builds the README's "command → scopes that permit it" table from the code
// (COMMAND_OPERATIONS + the operation table), so the two cannot disagree.
// It also builds the settings table. `npm run docs` rewrites both in README.md;
// a unit test fails when either is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CommandPermissions, COMMAND_OPERATIONS } from '../../src/auth/commandPermissions';

export const TABLE_START = '<!-- command-scopes:start -->';
export const TABLE_END = '<!-- command-scopes:end -->';

const root = path.resolve(__dirname, '..', '..');

/** Entries of COMMAND_OPERATIONS that are parts of a command rather than commands. */
const PART_TITLES: Readonly<Record<string, string>> = {
  'faxplus.shop.browse': 'Buy a Fax Number… (browsing only)',
  'faxplus.account.details': 'Your account details (account tooltip, Show Token Info)',
  'faxplus.chat.listFaxes': 'Chat tool faxplus_listFaxes (Inbox, Sent, Spam)',
  'faxplus.chat.listOutbox': 'Chat tool faxplus_listFaxes (Outbox)',
  'faxplus.chat.getFax': 'Chat tool faxplus_getFax',
  'faxplus.chat.faxStatus': 'Chat tool faxplus_faxStatus',
};

function titleOf(commandId: string, nls: Record<string, string>, commands: { command: string; title: string }[]): string {
  if (PART_TITLES[commandId]) {
    return PART_TITLES[commandId];
  }
  const view = /^faxplus\.view\.(\w+)$/.exec(commandId);
  if (view) {
    return `${nls[`view.${view[1]}`] ?? view[1]} view (listing)`;
  }
  const title = commands.find((c) => c.command === commandId)?.title ?? commandId;
  return /^%.*%$/.test(title) ? (nls[title.slice(1, -1)] ?? title) : title;
}

export function commandScopesTable(): string {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
  const permissions = new CommandPermissions();
  const rows = Object.keys(COMMAND_OPERATIONS)
    .sort()
    .map((id) => {
      const ops = permissions.operationsOf(id);
      const needs =
        ops.length === 0
          ? 'none (no API call)'
          : permissions
              .requirements(id)
              .map((alternatives) => (alternatives.length === 0 ? 'any valid token' : alternatives.map((s) => `\`${s}\``).join(' or ')))
              .filter((v, i, all) => all.indexOf(v) === i)
              .join('; and ');
      return `| ${titleOf(id, nls, pkg.contributes.commands)} | \`${id}\` | ${ops.map((o) => `\`${o}\``).join(', ') || '—'} | ${needs} |`;
    });
  return [TABLE_START, '| command | id | API operations | scopes that permit it |', '| --- | --- | --- | --- |', ...rows, TABLE_END].join(
    '\n',
  );
}

export const SETTINGS_START = '<!-- settings:start -->';
export const SETTINGS_END = '<!-- settings:end -->';

/** Every contributed setting with its scope, default and description (from package.nls.json). */
export function settingsTable(): string {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
  const text = (v: string | undefined) =>
    (v && /^%.*%$/.test(v) ? (nls[v.slice(1, -1)] ?? v) : (v ?? '')).replace(/\n/g, ' ').replace(/\|/g, '\\|');
  const rows = Object.entries(
    pkg.contributes.configuration.properties as Record<
      string,
      { scope?: string; default?: unknown; markdownDescription?: string; description?: string }
    >,
  ).map(
    ([key, p]) =>
      `| \`${key}\` | ${p.scope === 'application' ? 'user settings only' : 'user or workspace'} | \`${JSON.stringify(p.default)}\` | ${text(p.markdownDescription ?? p.description)} |`,
  );
  return [
    SETTINGS_START,
    '| setting | where it may be set | default | what it does |',
    '| --- | --- | --- | --- |',
    ...rows,
    SETTINGS_END,
  ].join('\n');
}

function block(readme: string, startMarker: string, endMarker: string): string | undefined {
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  return start >= 0 && end > start ? readme.slice(start, end + endMarker.length) : undefined;
}

export function readmeTable(): string | undefined {
  return block(readFileSync(path.join(root, 'README.md'), 'utf8'), TABLE_START, TABLE_END);
}

export function readmeSettingsTable(): string | undefined {
  return block(readFileSync(path.join(root, 'README.md'), 'utf8'), SETTINGS_START, SETTINGS_END);
}

if (require.main === module) {
  const file = path.join(root, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const current = readmeTable();
  const settings = readmeSettingsTable();
  if (!current || !settings) {
    console.error(`README.md needs a ${TABLE_START} … ${TABLE_END} and a ${SETTINGS_START} … ${SETTINGS_END} block`);
    process.exit(1);
  }
  writeFileSync(file, readme.replace(current, commandScopesTable()).replace(settings, settingsTable()));
  console.log('README.md command → scopes and settings tables updated');
}
