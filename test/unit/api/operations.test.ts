import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { allOperations, OPERATIONS } from '../../../src/api/operations';

interface SpecOperation {
  operationId: string;
  'x-permitted-scopes': string[];
}

function specOperations() {
  const spec = parse(readFileSync(join(__dirname, '../../contract/openapi.yaml'), 'utf8')) as {
    paths: Record<string, Record<string, SpecOperation>>;
  };
  const result: { id: string; method: string; path: string; scopes: string[] }[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      const op = item[method];
      if (op) result.push({ id: op.operationId, method: method.toUpperCase(), path, scopes: op['x-permitted-scopes'] });
    }
  }
  return result;
}

describe('operation table (operations.ts) vs test/contract/openapi.yaml', () => {
  it('declares exactly the 31 operations of the spec', () => {
    const spec = specOperations();
    assert.equal(spec.length, 31);
    assert.equal(allOperations().length, 31);
    assert.deepEqual(
      allOperations()
        .map((o) => o.id)
        .sort(),
      spec.map((o) => o.id).sort(),
    );
  });

  it('matches every method, path template and x-permitted-scopes exactly', () => {
    for (const s of specOperations()) {
      const d = OPERATIONS[s.id as keyof typeof OPERATIONS];
      assert.ok(d, s.id);
      assert.deepEqual({ id: d.id, method: d.method, path: d.path, scopes: [...d.permittedScopes] }, s, s.id);
    }
  });

  it('marks POST operations (upload, sendFax, createWebhook, purchase) non-idempotent, the rest idempotent', () => {
    for (const d of allOperations()) assert.equal(d.idempotent, d.method !== 'POST', d.id);
    assert.equal(OPERATIONS.uploadFile.idempotent, false);
    assert.equal(OPERATIONS.sendFax.idempotent, false);
  });

  it('is frozen (one shared table nobody can change at run time)', () => {
    assert.ok(Object.isFrozen(OPERATIONS));
    assert.ok(Object.isFrozen(OPERATIONS.sendFax));
  });
});
