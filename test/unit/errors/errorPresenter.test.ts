import * as assert from 'node:assert/strict';
import { vscodeDouble } from '../support/vscodeDouble';
import {
  CancelledError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  PayloadTooLargeError,
  ProtocolError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
} from '../../../src/api/errors';
import { ErrorPresenter, kindOf } from '../../../src/errors/errorPresenter';
import { UserNotifiedError } from '../../../src/util/userNotifiedError';
import type { Logger } from '../../../src/api/logger';
import { WindowNotifier } from '../../../src/util/windowNotifier';
import { RecordingNotifier } from '../../../src/util/recordingNotifier';
import { TokenExpiredError } from '../../../src/api/errors';

const op = { operationId: 'listFaxes' };
const logged: string[] = [];
const logger: Logger = { debug: () => {}, info: () => {}, warn: (m) => logged.push(m), error: (m) => logged.push(m) };

describe('errors: ErrorPresenter', () => {
  beforeEach(() => {
    vscodeDouble.reset();
    logged.length = 0;
  });

  it('classifies by error class, not by name', () => {
    assert.equal(kindOf(new CancelledError('x', { ...op, maybeDelivered: false })), 'cancelled');
    assert.equal(kindOf(new TimeoutError('x', { ...op, maybeDelivered: true, phase: 'headers' })), 'timeout');
    assert.equal(kindOf(new NetworkError('x', { ...op, maybeDelivered: false })), 'network');
    assert.equal(kindOf(new ProtocolError('x', op)), 'protocol');
    assert.equal(kindOf(new UnauthorizedError('x', { ...op, status: 401 })), 'unauthorized');
    assert.equal(kindOf(new ForbiddenError('x', { ...op, status: 403, permittedScopes: [] })), 'forbidden');
    assert.equal(kindOf(new NotFoundError('x', { ...op, status: 404 })), 'notFound');
    assert.equal(kindOf(new PayloadTooLargeError('x', { ...op, status: 413 })), 'tooLarge');
    assert.equal(kindOf(new RateLimitedError('x', { ...op, status: 429 })), 'rateLimited');
    assert.equal(kindOf(new ServerError('x', { ...op, status: 502 })), 'server');
    // A look-alike is not one of ours: a name or a status field alone no longer decides.
    const impostor = Object.assign(new Error('x'), { name: 'TimeoutError', status: 401 });
    assert.equal(kindOf(impostor), 'other');
    assert.equal(kindOf(Object.assign(new Error('aborted'), { name: 'AbortError' })), 'cancelled');
  });

  it('shows one error with Show Logs, logs it, and returns the error for the command to throw', async () => {
    vscodeDouble.answer = (m) => m.items[0];
    const error = new ServerError('boom', { ...op, status: 503, description: 'maintenance' });
    const thrown = new ErrorPresenter(logger, new WindowNotifier()).show(error, 'Loading the Inbox');
    assert.ok(thrown instanceof UserNotifiedError);
    assert.equal(vscodeDouble.messages.length, 1);
    assert.equal(vscodeDouble.messages[0].severity, 'error');
    assert.match(vscodeDouble.messages[0].message, /^Loading the Inbox failed\. .*HTTP 503.*maintenance/);
    assert.equal(logged.length, 1);
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(
      vscodeDouble.executed.map((e) => e.command),
      ['faxplus.showLogs'],
    );
  });

  it('shows nothing for a 401 (the session owns signing out) or a cancel', () => {
    const presenter = new ErrorPresenter(logger, new WindowNotifier());
    presenter.show(new UnauthorizedError('x', { ...op, status: 401 }), 'Refreshing');
    presenter.show(new CancelledError('x', { ...op, maybeDelivered: false }), 'Refreshing');
    assert.deepEqual(vscodeDouble.messages, []);
  });

  it('passes an error the person was already told about through unchanged', () => {
    const told = new UserNotifiedError('already shown');
    assert.equal(new ErrorPresenter(logger, new WindowNotifier()).show(told, 'x'), told);
    assert.deepEqual(vscodeDouble.messages, []);
  });

  it('names the scopes that would permit a refused call', () => {
    const text = new ErrorPresenter(logger, new WindowNotifier()).describe(
      new ForbiddenError('x', { ...op, status: 403, permittedScopes: ['fax:fax:read'] }),
    );
    assert.match(text, /your token needs/);
  });

  it('shows only through the notifier it was given, with the one Show Logs action', () => {
    const notifier = new RecordingNotifier({ notify: async () => undefined, ask: async () => undefined });
    new ErrorPresenter(logger, notifier).show(new NotFoundError('x', { ...op, status: 404 }), 'Opening the fax');
    assert.deepEqual(notifier.history, [
      {
        severity: 'error',
        message: 'Opening the fax failed. Fax.Plus no longer has this item. Refresh the view.',
        actions: ['Show Logs'],
        modal: false,
      },
    ]);
    assert.deepEqual(vscodeDouble.messages, [], "nothing went to the window behind the notifier's back");
  });

  it('treats an expired-token 401 as a 401: the session owns it, nothing is shown', () => {
    const expired = new TokenExpiredError('x', { ...op, status: 401, description: 'The access token has expired' });
    assert.equal(kindOf(expired), 'unauthorized');
    const notifier = new RecordingNotifier({ notify: async () => undefined, ask: async () => undefined });
    new ErrorPresenter(logger, notifier).show(expired, 'Refreshing');
    assert.deepEqual(notifier.history, []);
  });
});
