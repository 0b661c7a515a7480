import * as assert from 'assert';
import { CommandPermissions, COMMAND_OPERATIONS } from '../../../src/auth/commandPermissions';
import { OPERATIONS, type OperationId } from '../../../src/api/operations';

describe('command permissions', () => {
  const permissions = new CommandPermissions();

  it('declares only operations that exist in the API description', () => {
    for (const [command, ops] of Object.entries(COMMAND_OPERATIONS)) {
      for (const op of ops) assert.ok(OPERATIONS[op], `${command} calls unknown operation ${op}`);
    }
  });

  it('lets a read-only token list but names what a refused command needs', () => {
    assert.ok(permissions.verdict('faxplus.view.inbox', ['fax:all:read']).allowed);
    const refused = permissions.verdict('faxplus.view.inbox', ['fax:numbers:read']);
    assert.strictEqual(refused.allowed, false);
    assert.deepStrictEqual(refused.refusedOperations, ['listFaxes']);
    assert.deepStrictEqual(refused.wouldPermit, [['fax:fax:read', 'fax:all:read']]);
  });

  it('lets OAuth tokens (scope all) run every command', () => {
    for (const id of permissions.commandIds) assert.ok(permissions.verdict(id, ['all']).allowed, id);
  });

  it('refuses every API command to a token with no scopes, but not commands without API calls', () => {
    for (const id of permissions.commandIds) {
      const needsApi = permissions.operationsOf(id).some((op) => !OPERATIONS[op as OperationId].permittedScopes.includes('any'));
      assert.strictEqual(permissions.verdict(id, []).allowed, !needsApi, id);
    }
  });

  it('names context keys after the command', () => {
    assert.strictEqual(CommandPermissions.contextKey('faxplus.sendFax'), 'faxplus.can.sendFax');
  });

  it('throws for a command nobody declared, so a new command cannot skip the check', () => {
    assert.throws(() => permissions.operationsOf('faxplus.nothing'), /No operations are declared/);
  });
});
