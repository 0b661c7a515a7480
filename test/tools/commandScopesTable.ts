// Builds the README's "command → scopes that permit it" table from the code
// (COMMAND_OPERATIONS + the operation table), so the two cannot disagree.
// `npm run docs:scopes` rewrites the table in README.md; a unit test fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CommandPermissions, COMMAND_OPERATIONS } from '../../src/auth/commandPermissions';

export const TABLE_START = '<!-- command-scopes:start -->';
export const TABLE_END = '<!-- command-scopes:end -->';

const root = path.resolve(__dirname, '..', '..');

function titleOf(commandId: string, nls: Record<string, string>, commands: { command: string; title: string }[]): string {
  const view = /^faxplus\.view\.(\w+)$/.exec(commandId);
  if (view) {
    return `${nls[`view.${view[1]}`] ?? view[1]} view (listing)`;
  }
  const title = commands.find((c) => c.command === commandId)?.title ?? commandId;
  return /^%.*%$/.test(title) ? nls[title.slice(1, -1)] ?? title : title;
}

export function commandScopesTable(): string {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
  const permissions = new CommandPermissions();
  const rows = Object.keys(COMMAND_OPERATIONS).sort().map((id) => {
    const ops = permissions.operationsOf(id);
    const needs = ops.length === 0
      ? 'none (no API call)'
      : permissions.requirements(id).map((alternatives) => alternatives.length === 0 ? 'any valid token' : alternatives.map((s) => `\`${s}\``).join(' or ')).filter((v, i, all) => all.indexOf(v) === i).join('; and ');
    return `| ${titleOf(id, nls, pkg.contributes.commands)} | \`${id}\` | ${ops.map((o) => `\`${o}\``).join(', ') || '—'} | ${needs} |`;
  });
  return [
    TABLE_START,
    '| command | id | API operations | scopes that permit it |',
    '| --- | --- | --- | --- |',
    ...rows,
    TABLE_END,
  ].join('\n');
}

export function readmeTable(): string | undefined {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  return start >= 0 && end > start ? readme.slice(start, end + TABLE_END.length) : undefined;
}

if (require.main === module) {
  const file = path.join(root, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const current = readmeTable();
  if (!current) {
    console.error(`README.md has no ${TABLE_START} … ${TABLE_END} block`);
    process.exit(1);
  }
  writeFileSync(file, readme.replace(current, commandScopesTable()));
  console.log('README.md command → scopes table updated');
}
