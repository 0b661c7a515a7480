import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { folderCycles, folderEdges, folderOf, importsOfSrc } from './importGraph';

/**
 * The layers of src/, lowest first (docs/ARCHITECTURE.md explains each). A folder
 * imports only folders of its own layer or below; a new folder needs a line here.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['util', 'manifest', 'l10n'],
  ['api', 'logging', 'config', 'events', 'receipts'],
  ['format', 'send', 'client', 'render', 'contacts', 'find'],
  ['auth'],
  ['errors'],
  ['balance', 'viewer'],
  ['views', 'sendFlow', 'faxHistory'],
  ['commands', 'chat'],
  ['activation'],
  ['(root)'],
];

/** Folders that must run on plain Node: unit-tested without a VS Code host. */
const VSCODE_FREE = ['api', 'send', 'format', 'manifest', 'render', 'contacts', 'find', 'receipts'];

const SRC = path.resolve(__dirname, '../../../src');
const rank = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i] as const)));

describe('architecture: layers of src/', () => {
  it('has no import cycle between folders', () => {
    const edges = folderEdges();
    const cycles = folderCycles(edges).map((c) =>
      c
        .map((from) =>
          c
            .filter((to) => edges.get(from)?.has(to))
            .map((to) => edges.get(from)!.get(to)!)
            .join('; '),
        )
        .join('\n  '),
    );
    assert.deepEqual(cycles, [], `folder cycles (one import per edge):\n  ${cycles.join('\n  ')}`);
  });

  it('finds a cycle when one exists (the check itself works)', () => {
    const edges = new Map([
      ['a', new Map([['b', 'a/x → b/y']])],
      ['b', new Map([['c', '']])],
      ['c', new Map([['a', '']])],
      ['d', new Map([['a', '']])],
    ]);
    assert.deepEqual(folderCycles(edges), [['a', 'b', 'c']]);
  });

  it('places every folder of src/ in a layer', () => {
    const folders = fs
      .readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    assert.deepEqual(
      folders.filter((f) => !rank.has(f)),
      [],
      'add the new folder to LAYERS here and to docs/ARCHITECTURE.md',
    );
  });

  it('imports only downwards (or within the same layer)', () => {
    const upward = importsOfSrc()
      .filter((i) => i.target !== undefined)
      .filter((i) => (rank.get(folderOf(i.file)) ?? -1) < (rank.get(folderOf(i.target!)) ?? -1))
      .map((i) => `${i.file} → ${i.target}`);
    assert.deepEqual(upward, []);
  });

  it(`keeps ${VSCODE_FREE.join(', ')} free of the vscode module`, () => {
    const offenders = importsOfSrc()
      .filter((i) => i.specifier === 'vscode' && VSCODE_FREE.includes(folderOf(i.file)))
      .map((i) => i.file);
    assert.deepEqual(offenders, []);
  });
});
