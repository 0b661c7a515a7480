import * as assert from 'assert';
import { isPermitted, scopesThatPermit, scopesLost, normalizeScope } from '../../../src/api/scopes';

const LIST_FAXES = ['fax:all:read', 'fax:fax:read'];
const SEND_FAX = ['fax:all:edit', 'fax:fax:edit'];
const UPLOAD = ['fax:all:edit', 'fax:file:edit'];
const GET_USER = ['fax:all:read', 'fax:member:read', 'fax:user:read'];
const TOKEN_INFO = ['any'];

describe('scope rules (docs/ARCHITECTURE.md, Scopes)', () => {
  it('fax:all:edit permits everything', () => {
    for (const op of [LIST_FAXES, SEND_FAX, UPLOAD, GET_USER]) assert.ok(isPermitted(['fax:all:edit'], op));
  });

  it('fax:all:read permits every read and no edit', () => {
    assert.ok(isPermitted(['fax:all:read'], LIST_FAXES));
    assert.ok(isPermitted(['fax:all:read'], GET_USER));
    assert.ok(!isPermitted(['fax:all:read'], SEND_FAX));
    assert.ok(!isPermitted(['fax:all:read'], UPLOAD));
  });

  it('edit includes read within a group, not across groups', () => {
    assert.ok(isPermitted(['fax:fax:edit'], LIST_FAXES));
    assert.ok(!isPermitted(['fax:fax:read'], SEND_FAX));
    assert.ok(!isPermitted(['fax:numbers:edit'], LIST_FAXES));
    assert.ok(!isPermitted(['fax:webhook:read'], LIST_FAXES));
  });

  it('upload is permitted by fax:fax:edit as well as the documented fax:file:edit', () => {
    assert.ok(isPermitted(['fax:fax:edit'], UPLOAD));
    assert.ok(isPermitted(['fax:file:edit'], UPLOAD));
    assert.ok(!isPermitted(['fax:fax:read'], UPLOAD));
  });

  it('accepts the help-centre misspelling fax:use:read as fax:user:read', () => {
    assert.strictEqual(normalizeScope('fax:use:read'), 'fax:user:read');
    assert.ok(isPermitted(['fax:use:read'], GET_USER));
  });

  it('OAuth tokens (scope "all") permit everything', () => {
    for (const op of [LIST_FAXES, SEND_FAX, UPLOAD, GET_USER, TOKEN_INFO]) assert.ok(isPermitted(['all'], op));
  });

  it('"any" operations are open to every valid token, even one with no scopes', () => {
    assert.ok(isPermitted([], TOKEN_INFO));
    assert.ok(!isPermitted([], LIST_FAXES));
  });

  it('names the narrowest scopes first when explaining a refusal', () => {
    assert.deepStrictEqual(scopesThatPermit(LIST_FAXES), ['fax:fax:read', 'fax:all:read']);
    assert.deepStrictEqual(scopesThatPermit(UPLOAD), ['fax:fax:edit', 'fax:all:edit']);
  });

  it('tells which scopes a replacement token would lose', () => {
    assert.deepStrictEqual(scopesLost(['fax:fax:edit', 'fax:numbers:read'], ['fax:fax:edit']), ['fax:numbers:read']);
    assert.deepStrictEqual(scopesLost(['fax:fax:read'], ['fax:all:edit']), []);
  });
});
