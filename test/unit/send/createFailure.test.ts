import * as assert from 'node:assert/strict';
import {
  NetworkError,
  NotFoundError,
  PayloadTooLargeError,
  ProtocolError,
  RateLimitedError,
  RequestRejectedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
} from '../../../src/api/errors';
import { classifyCreateFailure } from '../../../src/send/createFailure';

const op = { operationId: 'sendFax' };

describe('send: what a failed POST /outbox proves', () => {
  it('only a 4xx answer proves the fax was refused', () => {
    assert.equal(classifyCreateFailure(new RequestRejectedError('400', { ...op, status: 400, code: 'invalid_destination' })), 'refused');
    assert.equal(classifyCreateFailure(new PayloadTooLargeError('413', { ...op, status: 413 })), 'refused');
    assert.equal(classifyCreateFailure(new UnauthorizedError('401', { ...op, status: 401 })), 'refused');
    assert.equal(classifyCreateFailure(new NotFoundError('404', { ...op, status: 404 })), 'refused');
    assert.equal(classifyCreateFailure(new RateLimitedError('429', { ...op, status: 429 })), 'refused');
  });

  it('5xx, gateway 502/504, 408, timeouts, resets after the body, unreadable answers: uncertain', () => {
    for (const status of [500, 502, 503, 504]) {
      assert.equal(classifyCreateFailure(new ServerError(String(status), { ...op, status })), 'uncertain', String(status));
    }
    assert.equal(classifyCreateFailure(new RequestRejectedError('408', { ...op, status: 408 })), 'uncertain');
    assert.equal(classifyCreateFailure(new TimeoutError('t', { ...op, maybeDelivered: true, phase: 'headers' })), 'uncertain');
    assert.equal(classifyCreateFailure(new NetworkError('reset', { ...op, maybeDelivered: true })), 'uncertain');
    assert.equal(classifyCreateFailure(new ProtocolError('html', { ...op, status: 502 })), 'uncertain');
    assert.equal(classifyCreateFailure(new ProtocolError('bad json in 201', { ...op, status: 201 })), 'uncertain');
    assert.equal(classifyCreateFailure(new Error('anything else')), 'uncertain');
  });

  it('a request that never left this machine created nothing', () => {
    assert.equal(
      classifyCreateFailure(new NetworkError('refused', { ...op, maybeDelivered: false, networkCode: 'ECONNREFUSED' })),
      'notSent',
    );
    assert.equal(classifyCreateFailure(new TimeoutError('connect', { ...op, maybeDelivered: false, phase: 'connect' })), 'notSent');
  });
});
