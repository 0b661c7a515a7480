import * as assert from 'node:assert/strict';
import { vscodeDouble } from '../support/vscodeDouble';
import { NetworkError, RequestRejectedError, TimeoutError } from '../../../src/api/errors';
import { ErrorPresenter } from '../../../src/errors/errorPresenter';
import { FaxEvents } from '../../../src/events/faxEvents';
import { CreationCheck, type CreationVerdict } from '../../../src/sendFlow/creationCheck';
import type { CreationWatches } from '../../../src/sendFlow/creationWatches';
import type { SubmissionResult } from '../../../src/sendFlow/faxSubmission';
import { SendNotices } from '../../../src/sendFlow/sendNotices';
import { SendOutcomes } from '../../../src/sendFlow/sendOutcomes';
import { UserNotifiedError } from '../../../src/util/userNotifiedError';
import { WindowNotifier } from '../../../src/util/windowNotifier';

const noLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const progress = { report: () => {} };

/** A creation check that reports what the test says the outbox showed. */
function lookingFinds(verdict: CreationVerdict): CreationCheck {
  return { verify: async () => verdict } as unknown as CreationCheck;
}

function createFailed(error: unknown): SubmissionResult {
  return { kind: 'createFailed', error, attempt: { destinations: ['+12125550100'] } } as unknown as SubmissionResult;
}

async function refusal(outcomes: SendOutcomes, result: SubmissionResult): Promise<string> {
  const thrown = await outcomes.settle(result, progress).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(thrown instanceof UserNotifiedError, 'the send is refused with a message');
  return vscodeDouble.messages.at(-1)?.message ?? '';
}

describe('sendFlow: SendOutcomes after an unclear outbox failure', () => {
  let events: FaxEvents;
  beforeEach(() => {
    vscodeDouble.reset();
    events = new FaxEvents();
  });
  afterEach(() => events.dispose());

  let watched: unknown[];
  beforeEach(() => {
    watched = [];
  });
  const watches = { watch: (attempt: unknown) => watched.push(attempt) } as unknown as CreationWatches;
  const outcomes = (verdict: CreationVerdict) =>
    new SendOutcomes(
      new SendNotices(new WindowNotifier()),
      new ErrorPresenter(noLog, new WindowNotifier()),
      lookingFinds(verdict),
      watches,
      events,
      noLog,
    );

  // Regression for f20aea7: after a time-out Fax.Plus may still be creating the fax, so finding nothing proves nothing.
  it('a timed-out send is never called "not created", even when the outbox shows nothing yet, and is watched', async () => {
    const timeout = new TimeoutError('no answer', { operationId: 'sendFax', maybeDelivered: true, phase: 'headers' });
    const text = await refusal(outcomes({ kind: 'notFoundYet' }), createFailed(timeout));
    assert.match(text, /^Fax\.Plus has not confirmed the fax yet .*do not send it again now/);
    assert.doesNotMatch(text, /No fax was created|send again\.$/);
    assert.equal(watched.length, 1, 'the attempt is watched until it appears or the watch ends');
  });

  it('a connection lost after the body may have left is "not confirmed yet", never "not created"', async () => {
    const reset = new NetworkError('reset', { operationId: 'sendFax', maybeDelivered: true });
    const text = await refusal(outcomes({ kind: 'notFoundYet' }), createFailed(reset));
    assert.match(text, /^Fax\.Plus has not confirmed the fax yet/);
    assert.doesNotMatch(text, /No fax was created/);
  });

  it('only a 4xx proves no fax was created: then the person may send again, and nothing is watched', async () => {
    const rejected = new RequestRejectedError('The number is not valid.', {
      operationId: 'sendFax',
      status: 400,
      code: 'invalid_number',
      description: 'The number is not valid.',
    });
    const text = await refusal(outcomes({ kind: 'notFoundYet' }), createFailed(rejected));
    assert.match(text, /No fax was created; correct the problem and send again\./);
    assert.equal(watched.length, 0);
  });
});
