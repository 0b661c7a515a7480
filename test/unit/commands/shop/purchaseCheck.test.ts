import * as assert from 'node:assert/strict';
import {
  ForbiddenError,
  NetworkError,
  ProtocolError,
  RequestRejectedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
} from '../../../../src/api/errors';
import type { FaxNumber } from '../../../../src/api/models';
import type { ClientProvider } from '../../../../src/client/clientProvider';
import { PurchaseCheck } from '../../../../src/commands/shop/purchaseCheck';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const number = (n: string): FaxNumber => ({ id: n, number: n, assignedTo: [], status: 'active' });

/** Answers listNumbers with each list in turn (the last one repeats); an Error is thrown. */
function clientsAnswering(...answers: (FaxNumber[] | Error)[]): { clients: ClientProvider; calls: () => number } {
  let calls = 0;
  const listNumbers = async () => {
    const answer = answers[Math.min(calls++, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { clients: { get: () => ({ listNumbers }) } as unknown as ClientProvider, calls: () => calls };
}

describe('shop: PurchaseCheck (never twice)', () => {
  const op = { operationId: 'purchaseNumber' };

  it('counts only a 4xx answer as proof that nothing was bought', () => {
    assert.equal(PurchaseCheck.provedRefusal(new RequestRejectedError('x', { ...op, status: 409 })), true);
    assert.equal(PurchaseCheck.provedRefusal(new ForbiddenError('x', { ...op, status: 403, permittedScopes: [] })), true);
    assert.equal(PurchaseCheck.provedRefusal(new UnauthorizedError('x', { ...op, status: 401 })), true);
    assert.equal(PurchaseCheck.provedRefusal(new RequestRejectedError('x', { ...op, status: 408 })), false, 'a proxy gave up: unclear');
    assert.equal(PurchaseCheck.provedRefusal(new ServerError('x', { ...op, status: 502 })), false);
    assert.equal(PurchaseCheck.provedRefusal(new NetworkError('x', { ...op, maybeDelivered: true })), false);
    assert.equal(PurchaseCheck.provedRefusal(new TimeoutError('x', { ...op, maybeDelivered: true, phase: 'headers' })), false);
    assert.equal(PurchaseCheck.provedRefusal(new ProtocolError('x', { ...op, status: 200 })), false);
    assert.equal(PurchaseCheck.provedRefusal(new Error('x')), false);
  });

  it('finds the expected number (any notation), looking a second time after a pause', async () => {
    const { clients, calls } = clientsAnswering([number('+15550001')], [number('+15550001'), number('+12125552067')]);
    const waits: number[] = [];
    const verdict = await new PurchaseCheck(clients, quiet, async (ms) => {
      waits.push(ms);
    }).verify('+1 212-555-2067', undefined);
    assert.deepEqual(verdict, { kind: 'bought', number: '+12125552067' });
    assert.deepEqual(waits, [2000]);
    assert.equal(calls(), 2);
  });

  it('without an expected number, a number that was not there before is the one bought', async () => {
    const { clients } = clientsAnswering([number('+15550001'), number('+15550002')]);
    const verdict = await new PurchaseCheck(clients, quiet, async () => {}).verify(undefined, [number('+15550001')]);
    assert.deepEqual(verdict, { kind: 'bought', number: '+15550002' });
  });

  it('says "not seen" after two looks, "unknown" when Numbers cannot be read or nothing can be compared', async () => {
    const none = clientsAnswering([number('+15550001')]);
    assert.deepEqual(await new PurchaseCheck(none.clients, quiet, async () => {}).verify('+15559999', undefined), { kind: 'notSeen' });
    const failing = clientsAnswering(new ServerError('down', { operationId: 'listNumbers', status: 503 }));
    assert.equal((await new PurchaseCheck(failing.clients, quiet, async () => {}).verify('+15559999', [])).kind, 'unknown');
    const blind = clientsAnswering([number('+15550001')]);
    assert.deepEqual(await new PurchaseCheck(blind.clients, quiet, async () => {}).verify(undefined, undefined), { kind: 'unknown' });
    assert.equal(blind.calls(), 0);
  });
});
