import * as assert from 'node:assert/strict';
import { type Emulator, startEmulator } from '../../emulator';
import { FaxPlusClient } from '../../../src/api/faxPlusClient';
import type { CredentialsProvider } from '../../../src/api/credentials';
import type { ClientFactory } from '../../../src/client/clientFactory';
import { ApiTokenValidator } from '../../../src/auth/apiTokenValidator';
import { ExpiredTokenError } from '../../../src/auth/tokenValidator';
import { RecordingLogger } from '../api/support/clientFactory';

describe('auth: ApiTokenValidator against the emulator', () => {
  let emu: Emulator;
  let validator: ApiTokenValidator;
  before(async () => {
    emu = await startEmulator({ seedFaxes: 5 });
    const factory = {
      create: (credentials: CredentialsProvider) =>
        new FaxPlusClient({ baseUrl: emu.apiUrl, credentials, logger: new RecordingLogger(), userAgent: 'test', env: {} }),
    } as unknown as ClientFactory;
    validator = new ApiTokenValidator(factory);
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  it('asks for the account before /auth/token has answered (one round trip, not two)', async () => {
    let tokenAnswered: () => void = () => undefined;
    const gate = new Promise<void>((r) => (tokenAnswered = r));
    // /auth/token answers only once the account request has reached the server.
    emu.faults.add({ operationId: 'getTokenInfo', kind: 'latency', ms: 3000 });
    const validation = validator.validate({ token: emu.demoTokens.fullAccess, kind: 'pat' }, 'secretStorage');
    const watcher = setInterval(() => {
      if (emu.requests.some((r) => r.operationId === 'getUser')) {
        tokenAnswered();
      }
    }, 5);
    try {
      await gate;
      const tokenInfo = emu.requests.find((r) => r.operationId === 'getTokenInfo');
      assert.ok(tokenInfo, '/auth/token was asked');
      assert.equal(tokenInfo.status, 0, '/auth/token had not answered when the account was asked');
      const facts = await validation;
      assert.equal(facts.tokenName, 'Demo full access');
      assert.equal(facts.account?.uid, emu.accounts.admin);
    } finally {
      clearInterval(watcher);
    }
  });

  it('with the account already known (a background check), asks /auth/token only', async () => {
    const known = { uid: emu.accounts.admin, name: 'Known Person' };
    const facts = await validator.validate({ token: emu.demoTokens.fullAccess, kind: 'pat' }, 'secretStorage', undefined, known);
    assert.deepEqual(
      emu.requests.map((r) => r.operationId),
      ['getTokenInfo'],
    );
    assert.equal(facts.tokenName, 'Demo full access');
    assert.deepEqual(facts.account, known);
  });

  it('with the account known but no /auth/token on the server, the account request still proves the token', async () => {
    emu.setVariants({ tokenInfo: '404' });
    const known = { uid: emu.accounts.admin, name: 'Known Person' };
    const facts = await validator.validate({ token: emu.demoTokens.fullAccess, kind: 'pat' }, 'secretStorage', undefined, known);
    assert.deepEqual(emu.requests.map((r) => r.operationId).sort(), ['getTokenInfo', 'getUser']);
    assert.equal(facts.scopesUnknown, true);
    assert.equal(facts.account?.uid, emu.accounts.admin);
    const revoked = emu.issuePat({ scopes: ['fax:all:read'] });
    emu.revokeToken(revoked);
    await assert.rejects(
      validator.validate({ token: revoked, kind: 'pat' }, 'secretStorage', undefined, known),
      (e: unknown) => (e as { status?: number }).status === 401,
    );
  });

  it('an expired token is refused as expired, whatever the account request answered', async () => {
    await assert.rejects(
      validator.validate({ token: emu.demoTokens.expired, kind: 'pat' }, 'secretStorage'),
      (e: unknown) => e instanceof ExpiredTokenError || (e as { status?: number }).status === 401,
    );
  });

  it('a token that may not read its account is still accepted, without account facts', async () => {
    const token = emu.issuePat({ scopes: ['fax:fax:read'] });
    const facts = await validator.validate({ token, kind: 'pat' }, 'secretStorage');
    assert.deepEqual(facts.scopes, ['fax:fax:read']);
    assert.equal(facts.account, undefined);
  });
});
