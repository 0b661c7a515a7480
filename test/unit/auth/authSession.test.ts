import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AuthSession } from '../../../src/auth/authSession';
import { SecretStore } from '../../../src/auth/secretStore';
import { Redactor } from '../../../src/logging/redactor';
import { UnauthorizedError } from '../../../src/api/errors';
import type { Credential } from '../../../src/api/credentials';
import type { AccountFacts, TokenFacts } from '../../../src/auth/tokenFacts';
import { tokenFingerprint } from '../../../src/auth/tokenFingerprint';
import type { TokenValidator } from '../../../src/auth/tokenValidator';

const TOKEN = 'alohi_pat_unit_test_token_0123456789';
const noLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

function memento(): vscode.Memento {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
    update: async (key: string, value: unknown) => void values.set(key, value),
  } as vscode.Memento;
}

function secretStorage(
  reads: string[] = [],
): vscode.SecretStorage & { changed: vscode.EventEmitter<vscode.SecretStorageChangeEvent>; values: Map<string, string> } {
  const values = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  return {
    values,
    changed,
    get: async (key: string) => {
      reads.push(key);
      return values.get(key);
    },
    store: async (key: string, value: string) => void values.set(key, value),
    delete: async (key: string) => void values.delete(key),
    onDidChange: changed.event,
  } as unknown as vscode.SecretStorage & { changed: vscode.EventEmitter<vscode.SecretStorageChangeEvent>; values: Map<string, string> };
}

/** From now on storage's reads answer only when released (a keyring, a remote window): a restore is stuck in them. */
function slowReads(storage: ReturnType<typeof secretStorage>): () => void {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const read = storage.get;
  storage.get = async (key: string) => {
    const value = await read(key);
    await gate;
    return value;
  };
  return release;
}

/** A validator whose answers the test releases one by one, in any order. */
class ScriptedValidator implements TokenValidator {
  readonly calls: { resolve(f: TokenFacts): void; reject(e: unknown): void; knownAccount?: AccountFacts }[] = [];
  private readonly waiting: (() => void)[] = [];
  validate(_credential: Credential, source: TokenFacts['source'], _signal?: AbortSignal, knownAccount?: AccountFacts): Promise<TokenFacts> {
    void source;
    return new Promise((resolve, reject) => {
      this.calls.push({ resolve, reject, knownAccount });
      this.waiting.splice(0).forEach((w) => w());
    });
  }
  /** Resolves once `n` validations have started (no fixed sleeps). */
  started(n: number): Promise<void> {
    return this.calls.length >= n ? Promise.resolve() : new Promise((r) => this.waiting.push(() => void this.started(n).then(r)));
  }
}

const facts: TokenFacts = { kind: 'pat', source: 'environment', scopes: ['fax:fax:read'], checkedAt: 0 };
const revoked = () => new UnauthorizedError('revoked', { operationId: 'getTokenInfo', status: 401 });

describe('auth: AuthSession', () => {
  let session: AuthSession;
  let validator: ScriptedValidator;

  beforeEach(() => {
    validator = new ScriptedValidator();
    session = new AuthSession(new SecretStore(secretStorage()), memento(), validator, new Redactor(), noLog, { FAXPLUS_TOKEN: TOKEN });
  });
  afterEach(() => session.dispose());

  it('signs in with a token the API accepts, and says so once', async () => {
    const states: string[] = [];
    session.onDidChange((s) => states.push(s.status));
    const answer = session.revalidate();
    await validator.started(1);
    validator.calls[0].resolve(facts);
    assert.equal((await answer).status, 'signedIn');
    assert.deepEqual(states, ['signedIn']);
  });

  // Regression for 5febb04: an explicit check joined a slower one started before the token was revoked.
  it('a slow early "valid" answer cannot revive a token a later check found revoked', async () => {
    const early = session.revalidate();
    await validator.started(1);
    const late = session.revalidate();
    await validator.started(2);
    assert.equal(validator.calls.length, 2, 'the explicit call asked Fax.Plus itself');
    validator.calls[1].reject(revoked());
    const lateState = await late;
    assert.equal(lateState.status, 'signedOut');
    validator.calls[0].resolve(facts);
    await early;
    assert.equal(session.state.status, 'signedOut');
    assert.equal(session.state.status === 'signedOut' && session.state.problem, 'unauthorized');
  });

  it('an early failure does not undo a later success', async () => {
    const early = session.revalidate();
    await validator.started(1);
    const late = session.revalidate();
    await validator.started(2);
    validator.calls[1].resolve(facts);
    await late;
    validator.calls[0].reject(new Error('socket hang up'));
    await early;
    assert.equal(session.state.status, 'signedIn');
  });

  it('turns 401s into "signed out" on one path: a client 401 and a token check\'s 401 for the same token give one transition', async () => {
    const signedIn = session.revalidate();
    await validator.started(1);
    validator.calls[0].resolve(facts);
    await signedIn;
    const states: string[] = [];
    session.onDidChange((s) => states.push(s.status === 'signedOut' ? `signedOut:${s.problem}` : s.status));
    const check = session.revalidate();
    await validator.started(2);
    // The client reports its 401 first; the slower check of the same token answers 401 afterwards.
    assert.equal(await session.onUnauthorized({ token: TOKEN, kind: 'pat' }), undefined, 'a PAT cannot be refreshed');
    validator.calls[1].reject(revoked());
    await check;
    assert.deepEqual(states, ['signedOut:unauthorized'], 'one change, so one prompt');
  });

  it('a restore that read storage before a sign-in finished cannot sign the new token out', async () => {
    const storage = secretStorage();
    // The restore's read sees storage as it was (no token yet) but answers only after the sign-in stored one.
    const release = slowReads(storage);
    const racing = new AuthSession(new SecretStore(storage), memento(), validator, new Redactor(), noLog, {});
    const restoring = racing.restore();
    const signingIn = racing.signInWithPat(TOKEN);
    await validator.started(1);
    validator.calls[0].resolve({ ...facts, source: 'secretStorage', fingerprint: tokenFingerprint(TOKEN) });
    await signingIn;
    assert.equal(racing.state.status, 'signedIn');
    release();
    await restoring;
    assert.equal(racing.state.status, 'signedIn', 'the stale restore decided nothing');
    racing.dispose();
  });

  it("a view asking at sign-in does not wait for the restore the sign-in's own store started", async () => {
    const storage = secretStorage();
    const signing = new AuthSession(new SecretStore(storage), memento(), validator, new Redactor(), noLog, {});
    await signing.restore();
    // From now on storage answers slowly: the restore that storing the PAT fires is stuck in it.
    const release = slowReads(storage);
    storage.store = async (key: string, value: string) => {
      storage.values.set(key, value);
      storage.changed.fire({ key });
    };
    const signingIn = signing.signInWithPat(TOKEN);
    await validator.started(1);
    validator.calls[0].resolve({ ...facts, source: 'secretStorage', fingerprint: tokenFingerprint(TOKEN) });
    await signingIn;
    let viewWent = false;
    const view = signing.whenRestored().then(() => (viewWent = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(viewWent, true, 'the view loads with the new token at once');
    assert.equal(signing.state.status, 'signedIn');
    release();
    await view;
    signing.dispose();
  });

  it('a keyring that refuses the new PAT during the start-up restore leaves the stored sign-in decided again', async () => {
    const OLD = 'alohi_pat_old_stored_token_0123456789ab';
    const storage = secretStorage();
    storage.values.set('faxplus.pat', OLD);
    const state = memento();
    await state.update('faxplus.tokenFacts', { ...facts, source: 'secretStorage', fingerprint: tokenFingerprint(OLD) });
    const release = slowReads(storage);
    storage.store = async () => {
      throw new Error('keyring locked');
    };
    const starting = new AuthSession(new SecretStore(storage), state, validator, new Redactor(), noLog, {});
    const startupRestore = starting.restore();
    const signingIn = starting.signInWithPat(TOKEN);
    await validator.started(1);
    validator.calls[0].resolve({ ...facts, source: 'secretStorage', fingerprint: tokenFingerprint(TOKEN) });
    await assert.rejects(signingIn, /keyring locked/);
    release();
    await startupRestore;
    await starting.whenRestored();
    assert.equal(starting.state.status, 'signedIn', 'the old PAT, still stored, is in use again');
    assert.equal((await starting.getCredential())?.token, OLD);
    starting.dispose();
  });

  describe('an OAuth session whose refresh token dies', () => {
    class DyingOAuth {
      readonly changed = new vscode.EventEmitter<void>();
      readonly dead = new vscode.EventEmitter<void>();
      readonly onDidChange = this.changed.event;
      readonly onDidRequireSignIn = this.dead.event;
      credential: Credential | undefined = { token: 'oauth-access-token-0123456789', kind: 'oauth' };
      getCredential = async () => this.credential;
      onUnauthorized = async () => undefined;
      signOut = async () => void (this.credential = undefined);
    }
    const oauthFacts: TokenFacts = { kind: 'oauth', source: 'oauth', scopes: ['all'], checkedAt: 0 };
    const signedInWith = async (patStored: boolean) => {
      const storage = secretStorage();
      if (patStored) storage.values.set('faxplus.pat', TOKEN);
      const state = memento();
      const oauth = new DyingOAuth();
      const dying = new AuthSession(new SecretStore(storage), state, validator, new Redactor(), noLog, {});
      dying.useOAuth(oauth);
      const stored = patStored
        ? { ...facts, source: 'secretStorage', fingerprint: tokenFingerprint(TOKEN) }
        : { ...oauthFacts, fingerprint: tokenFingerprint(oauth.credential!.token) };
      await state.update('faxplus.tokenFacts', stored);
      await dying.restore();
      assert.equal(dying.state.status, 'signedIn');
      return { dying, oauth };
    };
    const settled = () => new Promise((resolve) => setImmediate(resolve));

    it('signs out when the OAuth session was the credential in use', async () => {
      const { dying, oauth } = await signedInWith(false);
      oauth.dead.fire();
      await settled();
      assert.equal(dying.state.status, 'signedOut');
      dying.dispose();
    });

    it('does not sign out a PAT that replaced the session (a late refresh of the old token failed)', async () => {
      const { dying, oauth } = await signedInWith(true);
      oauth.dead.fire();
      await settled();
      assert.equal(dying.state.status, 'signedIn', 'the PAT is still in use');
      dying.dispose();
    });
  });

  describe('a returning person (token in SecretStorage, facts stored)', () => {
    const STORED = 'alohi_pat_stored_token_0123456789abcdef';
    const account: AccountFacts = { uid: 'u1', name: 'Ada' };
    const storedFacts: TokenFacts = {
      kind: 'pat',
      source: 'secretStorage',
      scopes: ['fax:all:read'],
      account,
      checkedAt: 1,
      fingerprint: tokenFingerprint(STORED),
    };
    let reads: string[];
    let storage: ReturnType<typeof secretStorage>;
    let returning: AuthSession;

    beforeEach(async () => {
      reads = [];
      storage = secretStorage(reads);
      storage.values.set('faxplus.pat', STORED);
      const state = memento();
      await state.update('faxplus.tokenFacts', storedFacts);
      returning = new AuthSession(new SecretStore(storage), state, validator, new Redactor(), noLog, {});
    });
    afterEach(() => returning.dispose());

    it('is signed in from the stored facts before the background check answers, and views may load at once', async () => {
      const restored = returning.restore();
      await returning.whenRestored();
      assert.equal(returning.state.status, 'signedIn', 'whenRestored resolves once the stored state is known');
      assert.equal((await restored).status, 'signedIn');
      assert.equal(validator.calls.length, 0, 'no request was needed to paint');
    });

    it('the background check asks about the token only: the stored account is passed on', async () => {
      await returning.restore();
      const check = returning.revalidate();
      await validator.started(1);
      assert.deepEqual(validator.calls[0].knownAccount, account);
      validator.calls[0].resolve({ ...storedFacts, checkedAt: 2 });
      assert.equal((await check).status, 'signedIn');
    });

    it('after the person changed their details, the check reads the account again', async () => {
      await returning.restore();
      const check = returning.revalidate(undefined, { refreshAccount: true });
      await validator.started(1);
      assert.equal(validator.calls[0].knownAccount, undefined);
      validator.calls[0].resolve({ ...storedFacts, account: { uid: 'u1', name: 'Ada Lovelace' } });
      await check;
      assert.equal(returning.facts?.account?.name, 'Ada Lovelace');
    });

    it('reads the token from SecretStorage once, and again after it changed elsewhere', async () => {
      await returning.restore();
      await returning.getCredential();
      await returning.getCredential();
      assert.equal(reads.filter((k) => k === 'faxplus.pat').length, 1, 'every request asks for the credential; one read serves them');
      storage.values.set('faxplus.pat', 'alohi_pat_another_window_token_012345');
      storage.changed.fire({ key: 'faxplus.pat' });
      assert.equal((await returning.getCredential())?.token, 'alohi_pat_another_window_token_012345');
    });

    it('a revoked stored token found by the background check signs out and forgets the facts', async () => {
      await returning.restore();
      const check = returning.revalidate();
      await validator.started(1);
      validator.calls[0].reject(revoked());
      const state = await check;
      assert.equal(state.status, 'signedOut');
      assert.equal(state.status === 'signedOut' && state.problem, 'unauthorized');
      assert.equal(returning.facts, undefined);
    });

    it('signing out forgets the token in memory too', async () => {
      await returning.restore();
      await returning.signOut();
      assert.equal(await returning.getCredential(), undefined);
    });
  });
});
