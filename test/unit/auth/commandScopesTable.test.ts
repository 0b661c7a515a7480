import * as assert from 'assert';
import { commandScopesTable, readmeSettingsTable, readmeTable, settingsTable } from '../../tools/commandScopesTable';

describe('README command → scopes table', () => {
  it('matches the scopes the code checks (run `npm run docs` to update it)', () => {
    assert.strictEqual(readmeTable(), commandScopesTable());
  });

  it('lists every contributed setting as the manifest declares it (run `npm run docs`)', () => {
    assert.strictEqual(readmeSettingsTable(), settingsTable());
  });
});
