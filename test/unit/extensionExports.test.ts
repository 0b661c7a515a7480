import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionExports, type FaxPlusTestApi } from '../../src/extensionExports';

describe('extension exports', () => {
  const surface = { marker: 'internals' } as unknown as FaxPlusTestApi;

  it('gives other extensions nothing in Production and Development', () => {
    let built = 0;
    for (const mode of [vscode.ExtensionMode.Production, vscode.ExtensionMode.Development]) {
      assert.equal(
        extensionExports(mode, () => (built++, surface)),
        undefined,
      );
    }
    assert.equal(built, 0, 'the surface is not even built outside tests');
  });

  it('gives the integration host (Test mode) its surface, built when a member is first read', async () => {
    let built = 0;
    const exports = extensionExports(vscode.ExtensionMode.Test, () => (built++, surface));
    assert.ok(exports);
    // What VS Code does with activate()'s answer: a promise resolved with it reads `then`.
    assert.equal(await Promise.resolve(exports), exports);
    assert.equal(built, 0, 'activation builds nothing for the tests');
    assert.equal((exports as unknown as { marker: string }).marker, 'internals');
    assert.equal((exports as unknown as { marker: string }).marker, 'internals');
    assert.equal(built, 1, 'built once');
  });
});
