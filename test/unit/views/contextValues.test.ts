import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Account, Fax, FaxNumber } from '../../../src/api/models';
import { contextValueOf } from '../../../src/views/contextValues';
import { KNOWN_FAX_STATUSES, statusOutcome } from '../../../src/views/faxStatusOutcome';

const fax = (over: Partial<Fax> = {}): Fax => ({ id: 'f1', status: 'success', comment: '', isRead: true, ...over });

describe('views: contextValue grammar', () => {
  it('describes a fax by category, raw status, outcome and read state', () => {
    assert.equal(
      contextValueOf({ kind: 'fax', category: 'inbox', fax: fax({ isRead: false }) }),
      'fax;category=inbox;status=success;outcome=success;unread',
    );
    assert.equal(
      contextValueOf({ kind: 'fax', category: 'sent', fax: fax({ status: 'failed_user_busy' }) }),
      'fax;category=sent;status=failed_user_busy;outcome=failure;read',
    );
  });

  it('keeps an unknown status matchable and classifies it as unknown, not failure', () => {
    const value = contextValueOf({ kind: 'fax', category: 'sent', fax: fax({ status: 'failed_quantum;flux=x' }) });
    assert.equal(value, 'fax;category=sent;status=failed_quantum_flux_x;outcome=unknown;read');
    assert.match(value, /^fax;.*;outcome=unknown(;|$)/);
  });

  it('describes outbox faxes, numbers, members and message nodes', () => {
    assert.equal(contextValueOf({ kind: 'outbox', fax: { id: 'o', status: 'sending', to: ['+1'], files: [] } }), 'outbox;status=sending');
    const number: FaxNumber = { id: 'n', number: '+15550100', assignedTo: [], status: 'active' };
    assert.equal(contextValueOf({ kind: 'number', number }), 'number;status=active;unassigned');
    assert.equal(contextValueOf({ kind: 'number', number: { ...number, assignedTo: ['u'] } }), 'number;status=active;assigned');
    const account: Account = { uid: 'u', accountType: 'corporate_member', status: 'active', memberOf: [], role: 'admin assistant' };
    assert.equal(contextValueOf({ kind: 'member', account }), 'member;type=corporate_member;role=admin_assistant');
    assert.equal(contextValueOf({ kind: 'error', view: 'inbox', message: 'x' }), 'message;kind=error;view=inbox');
    assert.equal(contextValueOf({ kind: 'missingScope', view: 'numbers', scopes: [] }), 'message;kind=missingScope;view=numbers');
    assert.equal(
      contextValueOf({ kind: 'missingScope', view: 'numbers', scopes: [], command: 'faxplus.buyNumber' }),
      'message;kind=missingScope;view=numbers;command=buyNumber',
    );
    assert.equal(contextValueOf({ kind: 'loadMore', view: 'sent' }), 'message;kind=loadMore;view=sent');
  });
});

describe('views: fax status outcomes', () => {
  it('classify every FaxStatus of the contract spec, and nothing else', () => {
    const spec = YAML.parse(readFileSync(path.join(__dirname, '../../contract/openapi.yaml'), 'utf8'));
    const statuses: string[] = spec.components.schemas.FaxStatus.enum;
    assert.deepEqual([...KNOWN_FAX_STATUSES].sort(), [...statuses].sort());
    for (const status of statuses) {
      assert.notEqual(statusOutcome(status), 'unknown', status);
    }
  });

  it('sorts statuses into success, partial and failure', () => {
    assert.equal(statusOutcome('success'), 'success');
    assert.equal(statusOutcome('partially_sent'), 'partial');
    assert.equal(statusOutcome('failed_no_answer'), 'failure');
    assert.equal(statusOutcome('insufficient_credit'), 'failure');
    assert.equal(statusOutcome('toString'), 'unknown');
  });
});
