import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CAPABILITIES, COMMANDS } from '../../../src/manifest/commandIds';
import { COMMAND_OPERATIONS } from '../../../src/auth/commandPermissions';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string }[];
    menus: Record<string, { command?: string }[]>;
    keybindings?: { command: string }[];
    views: Record<string, { id: string }[]>;
  };
};
const declared = manifest.contributes.commands.map((c) => c.command);
const ids = Object.values(COMMANDS) as string[];

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('manifest: command ids', () => {
  it('names exactly the commands package.json contributes', () => {
    assert.deepEqual([...ids].sort(), [...declared].sort());
  });

  it('keys each id by its name after "faxplus."', () => {
    for (const [key, id] of Object.entries(COMMANDS)) {
      assert.equal(id, `faxplus.${key}`);
    }
  });

  it('menus and keybindings refer only to declared commands', () => {
    const referenced = [
      ...Object.values(manifest.contributes.menus)
        .flat()
        .map((m) => m.command),
      ...(manifest.contributes.keybindings ?? []).map((k) => k.command),
    ].filter((c): c is string => typeof c === 'string' && c.startsWith('faxplus.'));
    assert.deepEqual(
      referenced.filter((c) => !declared.includes(c)),
      [],
    );
  });

  it('the command → operations table names only real commands and views', () => {
    const views = Object.values(manifest.contributes.views)
      .flat()
      .map((v) => v.id.replace(/^faxplus\./, 'faxplus.view.'));
    const capabilities: string[] = Object.values(CAPABILITIES);
    const unknown = Object.keys(COMMAND_OPERATIONS).filter(
      (key) => !ids.includes(key) && !views.includes(key) && !capabilities.includes(key),
    );
    assert.deepEqual(unknown, []);
  });

  it('src/ names our commands only through COMMANDS (no string literals outside the table of permissions)', () => {
    const allowed = new Set(['src/manifest/commandIds.ts', 'src/auth/commandPermissions.ts']);
    // Quoted strings only: comments mention commands in backticks.
    const literal = new RegExp(`['"](${ids.map((id) => id.replace('.', '\\.')).join('|')})['"]`);
    const offenders = sourceFiles(path.join(ROOT, 'src'))
      .map((file) => path.relative(ROOT, file).split(path.sep).join('/'))
      .filter((file) => !allowed.has(file) && literal.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
