import * as assert from 'node:assert/strict';
import { vscodeDouble } from '../support/vscodeDouble';
import {
  CancelledError,
  ForbiddenError,
  NetworkError,
  ServerError,
  TimeoutError,
  TokenExpiredError,
  UnauthorizedError,
} from '../../../src/api/errors';
import { SignInErrorMessages } from '../../../src/auth/signInErrorMessages';
import { ExpiredTokenError } from '../../../src/auth/tokenValidator';
import { SecretStorageUnavailableError } from '../../../src/auth/secretStore';

const op = { operationId: 'getTokenInfo' };
const describe_ = (e: unknown) => new SignInErrorMessages().describe(e);
const labels = (e: unknown) => describe_(e).actions.map((a) => a.label);

describe('auth: SignInErrorMessages classify by error class', () => {
  beforeEach(() => vscodeDouble.reset());

  it('a 401 whose answer says "expired" (TokenExpiredError) asks for a new token', () => {
    const m = describe_(new TokenExpiredError('x', { ...op, status: 401, description: 'The access token has expired' }));
    assert.match(m.text, /^This token has expired\./);
    assert.deepEqual(
      m.actions.map((a) => a.label),
      ['Create a Token'],
    );
  });

  it('any other 401 says the token was rejected', () => {
    assert.match(describe_(new UnauthorizedError('x', { ...op, status: 401 })).text, /rejected this token/);
  });

  it('a token past its expiry date names the date', () => {
    assert.match(describe_(new ExpiredTokenError(Date.UTC(2020, 0, 2))).text, /^This token expired on /);
  });

  it('403 points to the Enterprise plans; a 500 with the Enterprise hint too, with Show Logs', () => {
    assert.match(describe_(new ForbiddenError('x', { ...op, status: 403, permittedScopes: [] })).text, /Enterprise plans/);
    const hint = new ServerError('x', { ...op, status: 500, enterpriseHint: true });
    assert.match(describe_(hint).text, /server error \(HTTP 500\).*Enterprise plans only/);
    assert.deepEqual(labels(hint), ['Fax.Plus Plans', 'Show Logs']);
  });

  it('a gateway page says nothing was stored; network and time-out say check the connection', () => {
    assert.match(describe_(new ServerError('x', { ...op, status: 504, gatewayPage: true })).text, /HTTP 504 from a gateway/);
    assert.match(describe_(new NetworkError('x', { ...op, maybeDelivered: false })).text, /could not be reached/);
    assert.match(describe_(new TimeoutError('x', { ...op, maybeDelivered: false, phase: 'headers' })).text, /could not be reached/);
  });

  it('a cancel says nothing was stored and offers nothing', () => {
    const m = describe_(new CancelledError('x', { ...op, maybeDelivered: false }));
    assert.match(m.text, /cancelled\. Nothing was stored/);
    assert.deepEqual(m.actions, []);
  });

  it('the keyring being unavailable links its help', () => {
    assert.deepEqual(labels(new SecretStorageUnavailableError('write', new Error('no keyring'))), ['Keyring Help']);
  });

  it('a look-alike is not one of ours: a name or a status field alone decides nothing', () => {
    const impostor = Object.assign(new Error('boom'), { name: 'NetworkError', status: 401, description: 'expired', enterpriseHint: true });
    const m = describe_(impostor);
    assert.match(m.text, /^Signing in to Fax\.Plus failed: boom/);
    assert.deepEqual(
      m.actions.map((a) => a.label),
      ['Show Logs'],
    );
  });
});
