import * as assert from 'assert';
import { commandScopesTable, readmeTable } from '../../tools/commandScopesTable';

describe('README command → scopes table', () => {
  it('matches the scopes the code checks (run `npm run docs:scopes` to update it)', () => {
    assert.strictEqual(readmeTable(), commandScopesTable());
  });
});
