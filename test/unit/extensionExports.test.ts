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

  it('gives the integration host (Test mode) its surface', () => {
    assert.equal(
      extensionExports(vscode.ExtensionMode.Test, () => surface),
      surface,
    );
  });
});
