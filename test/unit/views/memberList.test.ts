import * as assert from 'node:assert/strict';
import type { Account } from '../../../src/api/models';
import { CancelledError } from '../../../src/api/errors';
import type { ClientProvider } from '../../../src/client/clientProvider';
import { MemberList } from '../../../src/views/memberList';

/** A client whose listMembers answers only when the test says so, recording each call's signal. */
function gatedClient() {
  const calls: { signal: AbortSignal; answer: (members: Account[]) => void; fail: (e: unknown) => void }[] = [];
  const clients = {
    get: () => ({
      listMembers: (options?: { signal?: AbortSignal }) =>
        new Promise<Account[]>((answer, fail) => {
          calls.push({ signal: options!.signal!, answer, fail });
        }),
    }),
  } as unknown as Pick<ClientProvider, 'get'>;
  return { clients, calls };
}

const alice = { uid: 'u1', email: 'alice@example.com' } as unknown as Account;
const bob = { uid: 'u2', email: 'bob@example.com' } as unknown as Account;

describe('views: MemberList (GET /accounts shared by Numbers and Members)', () => {
  it('two views loading at once make one request and both get its answer', async () => {
    const { clients, calls } = gatedClient();
    const list = new MemberList(clients);
    const numbers = list.list(new AbortController().signal);
    const members = list.list(new AbortController().signal);
    assert.equal(calls.length, 1);
    calls[0]!.answer([alice, bob]);
    assert.deepEqual(await numbers, [alice, bob]);
    assert.deepEqual(await members, [alice, bob]);
  });

  it('keeps no answer: a load after the answer asks again', async () => {
    const { clients, calls } = gatedClient();
    const list = new MemberList(clients);
    const first = list.list(new AbortController().signal);
    calls[0]!.answer([alice]);
    await first;
    const second = list.list(new AbortController().signal);
    assert.equal(calls.length, 2);
    calls[1]!.answer([alice, bob]);
    assert.deepEqual(await second, [alice, bob]);
  });

  it('a view that stops waiting leaves the request to the other view', async () => {
    const { clients, calls } = gatedClient();
    const list = new MemberList(clients);
    const hidden = new AbortController();
    const gone = list.list(hidden.signal);
    const staying = list.list(new AbortController().signal);
    hidden.abort();
    await assert.rejects(gone, CancelledError);
    assert.equal(calls[0]!.signal.aborted, false, 'the request still runs for the other view');
    calls[0]!.answer([bob]);
    assert.deepEqual(await staying, [bob]);
  });

  it('aborts the request when no view waits for it any more, and the next load starts a new one', async () => {
    const { clients, calls } = gatedClient();
    const list = new MemberList(clients);
    const a = new AbortController();
    const b = new AbortController();
    const first = list.list(a.signal);
    const second = list.list(b.signal);
    a.abort();
    b.abort();
    await assert.rejects(first, CancelledError);
    await assert.rejects(second, CancelledError);
    assert.equal(calls[0]!.signal.aborted, true);
    void list.list(new AbortController().signal);
    assert.equal(calls.length, 2, 'an aborted request is not joined');
  });

  it('an already aborted signal asks nothing', async () => {
    const { clients, calls } = gatedClient();
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(new MemberList(clients).list(aborted.signal), CancelledError);
    assert.equal(calls.length, 0);
  });

  it('after forget() the next load asks again, while the earlier waiters still get the earlier answer', async () => {
    const { clients, calls } = gatedClient();
    const list = new MemberList(clients);
    const before = list.list(new AbortController().signal);
    list.forget();
    const after = list.list(new AbortController().signal);
    assert.equal(calls.length, 2);
    calls[0]!.answer([alice]);
    calls[1]!.answer([alice, bob]);
    assert.deepEqual(await before, [alice]);
    assert.deepEqual(await after, [alice, bob]);
  });

  it('a failed request fails every view that waited for it', async () => {
    const { clients, calls } = gatedClient();
    const list = new MemberList(clients);
    const numbers = list.list(new AbortController().signal);
    const members = list.list(new AbortController().signal);
    const failure = new Error('HTTP 500');
    calls[0]!.fail(failure);
    await assert.rejects(numbers, (e) => e === failure);
    await assert.rejects(members, (e) => e === failure);
  });
});
