import * as assert from 'node:assert/strict';
import { vscodeDouble } from '../support/vscodeDouble';
import { CommandGate } from '../../../src/auth/commandGate';
import { CommandPermissions } from '../../../src/auth/commandPermissions';
import { NotPermittedError, NotSignedInError } from '../../../src/auth/gateErrors';
import type { AuthSession } from '../../../src/auth/authSession';
import type { TokenFacts } from '../../../src/auth/tokenFacts';
import { COMMANDS } from '../../../src/manifest/commandIds';
import { WindowNotifier } from '../../../src/util/windowNotifier';

function gateWith(facts: TokenFacts | undefined): CommandGate {
  return new CommandGate({ facts } as AuthSession, new CommandPermissions(), new WindowNotifier());
}

const readOnly: TokenFacts = { kind: 'pat', source: 'secretStorage', scopes: ['fax:fax:read'], tokenName: 'reader', checkedAt: 0 };

describe('auth: CommandGate', () => {
  beforeEach(() => vscodeDouble.reset());

  it('refuses when signed out, offers Sign In, and runs it when chosen', async () => {
    vscodeDouble.answer = (m) => m.items[0];
    assert.throws(() => gateWith(undefined).ensure(COMMANDS.openFax), NotSignedInError);
    assert.equal(vscodeDouble.messages[0].severity, 'warning');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(
      vscodeDouble.executed.map((e) => e.command),
      [COMMANDS.signIn],
    );
  });

  it('lets a command through when the scopes permit every operation it calls, without a message', () => {
    gateWith(readOnly).ensure(COMMANDS.downloadFax);
    assert.equal(gateWith(readOnly).permits(COMMANDS.downloadFax), true);
    assert.deepEqual(vscodeDouble.messages, []);
  });

  it('refuses a command the scopes do not permit, naming the token and the missing scope', () => {
    assert.throws(() => gateWith(readOnly).ensure(COMMANDS.deleteFax), NotPermittedError);
    assert.equal(gateWith(readOnly).permits(COMMANDS.deleteFax), false);
    const shown = vscodeDouble.messages.find((m) => m.severity === 'error');
    assert.ok(shown);
    assert.match(shown.message, /"reader" cannot do this: it needs the scope .*fax:fax:edit/);
  });
});
