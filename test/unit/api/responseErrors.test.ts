import * as assert from 'node:assert/strict';
import { TokenExpiredError, UnauthorizedError } from '../../../src/api/errors';
import { OPERATIONS } from '../../../src/api/operations';
import { errorForStatus } from '../../../src/api/responseErrors';

describe("api: errorForStatus reads the server's words once, so the UI matches on classes", () => {
  const op = OPERATIONS.getTokenInfo;

  it('a 401 whose description or code says the token expired is a TokenExpiredError (still an UnauthorizedError)', () => {
    const byDescription = errorForStatus(op, 401, { code: 'invalid_token', description: 'The access token has expired' }, undefined);
    assert.ok(byDescription instanceof TokenExpiredError);
    assert.ok(byDescription instanceof UnauthorizedError, 'every 401 path (sign-out, refresh) still sees a 401');
    assert.ok(errorForStatus(op, 401, { code: 'token_expired' }, undefined) instanceof TokenExpiredError);
  });

  it('any other 401 is a plain UnauthorizedError', () => {
    const revoked = errorForStatus(op, 401, { code: 'invalid_token', description: 'revoked' }, undefined);
    assert.ok(revoked instanceof UnauthorizedError);
    assert.ok(!(revoked instanceof TokenExpiredError));
    assert.ok(!(errorForStatus(op, 401, {}, undefined) instanceof TokenExpiredError));
  });
});
