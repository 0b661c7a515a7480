import * as vscode from 'vscode';
import { Disposable } from '../util/disposable';
import type { Logger } from '../api/logger';
import type { Redactor } from '../logging/redactor';
import type { AuthProblem, AuthState } from './authState';
import type { Credential } from '../api/credentials';
import { UnauthorizedError } from '../api/errors';
import { SECRET_KEYS, SecretStorageUnavailableError, type SecretStore } from './secretStore';
import { isExpired, type AccountFacts, type TokenFacts } from './tokenFacts';
import { tokenFingerprint } from './tokenFingerprint';
import { ExpiredTokenError, type TokenValidator } from './tokenValidator';

const FACTS_KEY = 'faxplus.tokenFacts';

/** A source of OAuth credentials (the authentication provider), when OAuth is in use. */
export interface OAuthCredentialSource {
  getCredential(): Promise<Credential | undefined>;
  onUnauthorized(rejected: Credential): Promise<Credential | undefined>;
  readonly onDidChange: vscode.Event<void>;
  /** The refresh token is dead (invalid_grant): the person must sign in again. */
  readonly onDidRequireSignIn: vscode.Event<void>;
  signOut(): Promise<void>;
}

/**
 * Who is signed in, with what, and whether it still works. The token itself
 * only ever lives in SecretStorage (or the FAXPLUS_TOKEN environment variable,
 * which is read, never stored); the facts about it (scopes, expiry, account)
 * live in globalState so the UI renders on first use without a request.
 */
export class AuthSession extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<AuthState>());
  readonly onDidChange = this.changed.event;
  private current: AuthState = { status: 'signedOut' };
  private oauth: OAuthCredentialSource | undefined;
  private pendingRevalidation: Promise<AuthState> | undefined;
  private validationsStarted = 0;
  /** Advanced by every sign-in, sign-out and rotation: a restore that read storage before one may not decide after it. */
  private credentialChanges = 0;
  /** Restores and validations still running: a command started meanwhile waits for them (whenSettled). */
  private readonly checking = new Set<Promise<unknown>>();
  /**
   * The stored PAT, read once: every request asks for the credential, and a
   * SecretStorage read is a round trip to the workbench. Dropped when the
   * secret changes (another window), replaced by our own writes.
   */
  private storedPat: Promise<string | undefined> | undefined;
  /** The local part of the latest restore (SecretStorage and globalState, no request). */
  private restoring: Promise<unknown> = Promise.resolve();
  /** Settles `restoring`: when the latest restore has decided, or a credential change made its answer moot. */
  private decideRestore: (() => void) | undefined;

  constructor(
    private readonly secrets: SecretStore,
    private readonly memento: vscode.Memento,
    private readonly validator: TokenValidator,
    private readonly redactor: Redactor,
    private readonly logger: Logger,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly now: () => number = Date.now,
  ) {
    super();
    // Sign-in or sign-out in another window reaches this one.
    this.register(
      this.secrets.onDidChange((e) => {
        if (e.key === SECRET_KEYS.pat) {
          this.storedPat = undefined;
          void this.restore();
        }
      }),
    );
  }

  get state(): AuthState {
    return this.current;
  }

  get facts(): TokenFacts | undefined {
    return this.current.status === 'signedIn' ? this.current.facts : undefined;
  }

  useOAuth(source: OAuthCredentialSource): void {
    this.oauth = source;
    this.register(source.onDidChange(() => void this.restore()));
    // A dead refresh token is a rejected credential: the same signed-out state (and one prompt) as a 401. Unless a PAT
    // is in use by now: a request made with the OAuth token just before a PAT replaced it may fail its refresh late,
    // and the session it belonged to is over.
    this.register(
      source.onDidRequireSignIn(
        () =>
          void this.getCredential()
            .catch(() => undefined)
            .then((current) => {
              if (current?.kind !== 'pat') this.markRejected('unauthorized');
            }),
      ),
    );
  }

  /**
   * Resolves once no restore or token check is running, or the session is
   * signed in, or after `timeoutMs`: a command run right after start-up (a
   * keybinding, FAXPLUS_TOKEN with a slow /auth/token) waits for the answer
   * instead of being refused as signed out.
   */
  async whenSettled(timeoutMs: number): Promise<void> {
    const deadline = this.now() + timeoutMs;
    while (this.checking.size > 0 && this.facts === undefined) {
      const remaining = deadline - this.now();
      if (remaining <= 0) return;
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.allSettled([...this.checking]),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, remaining))),
      ]);
      clearTimeout(timer);
    }
  }

  /** Restores the state from what is stored, without a network request. */
  restore(): Promise<AuthState> {
    let local!: () => void;
    this.restoring = new Promise<void>((resolve) => (local = resolve));
    this.decideRestore = local;
    return this.checked(this.restoreStored(local).finally(local));
  }

  /**
   * Resolves once the latest restore has decided from what is stored (it does
   * not wait for a network check): a view asked for its items at start-up
   * waits for this instead of showing "signed out" for a moment and loading
   * only after another round through the workbench.
   */
  whenRestored(): Promise<void> {
    return this.restoring.then(
      () => undefined,
      () => undefined,
    );
  }

  private checked<T>(work: Promise<T>): Promise<T> {
    this.checking.add(work);
    void work.catch(() => undefined).finally(() => this.checking.delete(work));
    return work;
  }

  private async restoreStored(decided: () => void): Promise<AuthState> {
    const changes = this.credentialChanges;
    try {
      const credential = await this.getCredential();
      // A sign-in or sign-out finished while storage was read (a PAT stored, the OAuth session ended): it owns the state.
      if (changes !== this.credentialChanges) {
        return this.current;
      }
      if (!credential) {
        return this.set({ status: 'signedOut' });
      }
      const facts = this.storedFactsFor(credential);
      if (!facts) {
        // Stored elsewhere (another window, the environment) or about another token: learn its facts now, joining a check in flight.
        const learning = this.pendingRevalidation ?? this.revalidate();
        decided();
        return await learning;
      }
      if (isExpired(facts, this.now())) {
        return this.set({ status: 'signedOut', problem: 'expired' });
      }
      return this.set({ status: 'signedIn', facts });
    } catch (e) {
      return this.failed(e);
    }
  }

  /**
   * Asks the API for the current token's scopes and expiry. Every explicit
   * call makes its own request (the caller wants a fresh answer); a restore
   * joins the one in flight instead of racing it. When answers overlap, only
   * the one started last may change the state, so a slow early "valid" cannot
   * revive a token a later request found revoked.
   */
  revalidate(signal?: AbortSignal, options: { readonly refreshAccount?: boolean } = {}): Promise<AuthState> {
    const started = ++this.validationsStarted;
    const validation = this.validateCurrent(started, signal, options.refreshAccount === true).finally(() => {
      if (this.pendingRevalidation === validation) {
        this.pendingRevalidation = undefined;
      }
    });
    this.pendingRevalidation = validation;
    return this.checked(validation);
  }

  private async validateCurrent(started: number, signal: AbortSignal | undefined, refreshAccount: boolean): Promise<AuthState> {
    const credential = await this.getCredential();
    const superseded = () => started !== this.validationsStarted;
    if (!credential) {
      return superseded() ? this.current : this.set({ status: 'signedOut' });
    }
    const source: TokenFacts['source'] = credential.kind === 'oauth' ? 'oauth' : this.fromEnvironment() ? 'environment' : 'secretStorage';
    // The account a token belongs to does not change: a background check asks /auth/token only (nothing else waits on it).
    // (refreshAccount: the person's details were just changed, so they are read again.)
    const knownAccount = refreshAccount ? undefined : this.storedFactsFor(credential)?.account;
    try {
      const facts = await this.validateRefreshing(credential, source, signal, knownAccount);
      if (superseded()) {
        return this.current;
      }
      await this.memento.update(FACTS_KEY, facts);
      // A sign-in or sign-out during the write owns the state (and writes its own facts after ours).
      return superseded() ? this.current : this.set({ status: 'signedIn', facts });
    } catch (e) {
      return superseded() ? this.current : this.failed(e, credential);
    }
  }

  /**
   * A sign-in, sign-out or rotation decides the state from now on: a
   * validation of the previous credential still in flight may no longer
   * write facts or change the state when it answers.
   */
  private supersedeValidations(): void {
    this.validationsStarted++;
    this.credentialChanges++;
    this.pendingRevalidation = undefined;
    // A restore still reading storage will decide nothing now (restoreStored compares credentialChanges), so a view
    // waiting for it goes on with the state this change sets. At sign-in, storing the PAT starts such a restore, and its
    // SecretStorage reads would otherwise hold the first Inbox request back.
    this.decideRestore?.();
  }

  /** The stored facts, only when they describe this very credential (fingerprint, kind and source). */
  private storedFactsFor(credential: Credential): TokenFacts | undefined {
    const facts = this.memento.get<TokenFacts>(FACTS_KEY);
    const matches =
      facts !== undefined &&
      facts.kind === credential.kind &&
      (facts.source === 'environment') === this.fromEnvironment() &&
      facts.fingerprint === tokenFingerprint(credential.token);
    return matches ? facts : undefined;
  }

  /** Validates a PAT with the API and stores it only if it is usable. */
  async signInWithPat(token: string, signal?: AbortSignal): Promise<TokenFacts> {
    const credential: Credential = { token: token.trim(), kind: 'pat' };
    this.redactor.addSecret(credential.token);
    const facts = await this.validator.validate(credential, 'secretStorage', signal);
    return this.adoptPat(credential.token, facts);
  }

  /** Stores a PAT that `inspectPat` has just validated, replacing the current one. */
  async adoptPat(token: string, facts: TokenFacts): Promise<TokenFacts> {
    this.supersedeValidations();
    // Facts first: storing the secret fires a change that restores from them, instead of validating the token a second time.
    // globalState answers the new value as soon as update() is called, so both writes travel to the workbench together.
    const previous = this.memento.get<TokenFacts>(FACTS_KEY);
    const factsWritten = this.memento.update(FACTS_KEY, facts);
    try {
      await Promise.all([factsWritten, this.secrets.store(SECRET_KEYS.pat, token.trim())]);
    } catch (e) {
      this.storedPat = undefined;
      await this.memento.update(FACTS_KEY, previous);
      // The supersede above made a restore still reading storage decide nothing: decide again from what is stored.
      void this.restore();
      throw e;
    }
    this.storedPat = Promise.resolve(token.trim());
    // A restore fired by the store above may have read the old credential (the OAuth session) and started checking it:
    // that check belongs to the state this sign-in replaces, so its answer (a 401 once the session is ended) decides nothing.
    this.supersedeValidations();
    // The views start loading now; the OAuth session's removal below restores to this same state.
    this.set({ status: 'signedIn', facts });
    // One sign-in at a time: an OAuth session left behind would linger in the Accounts menu.
    await this.oauth?.signOut();
    this.supersedeValidations();
    this.logger.info(`Signed in with token "${facts.tokenName ?? '?'}" (${facts.scopes.join(', ')})`);
    return facts;
  }

  /** Facts of a candidate token, validated but not stored (rotation asks before swapping). */
  async inspectPat(token: string, signal?: AbortSignal): Promise<TokenFacts> {
    this.redactor.addSecret(token.trim());
    return this.validator.validate({ token: token.trim(), kind: 'pat' }, 'secretStorage', signal);
  }

  /**
   * After an OAuth code exchange: the new access token is checked with the
   * API first, then `store` saves the OAuth session, and only then does the
   * stored PAT give way (it would take precedence). Any failure before that
   * (401, 5xx, time-out, cancel, keyring) leaves the previous credential
   * stored and in use; the error says what failed.
   */
  async adoptOAuth(credential: Credential, store: () => Promise<void>, signal?: AbortSignal): Promise<TokenFacts> {
    this.redactor.addSecret(credential.token);
    const facts = await this.validator.validate(credential, 'oauth', signal);
    this.supersedeValidations();
    await store();
    try {
      await this.secrets.delete(SECRET_KEYS.pat);
      this.storedPat = Promise.resolve(undefined);
    } catch (e) {
      this.storedPat = undefined;
      // The PAT still takes precedence: undo the OAuth half so one credential stays in use, then report the keyring.
      await this.oauth?.signOut().catch(() => undefined);
      throw e;
    }
    await this.memento.update(FACTS_KEY, facts);
    // As in adoptPat: restores fired by the store and the delete above belong to the state this sign-in replaces.
    this.supersedeValidations();
    this.set({ status: 'signedIn', facts });
    return facts;
  }

  async signOut(): Promise<void> {
    this.supersedeValidations();
    // Secrets stay registered with the redactor: an old token must stay masked if it ever shows up.
    this.storedPat = undefined;
    await this.secrets.delete(SECRET_KEYS.pat);
    this.storedPat = Promise.resolve(undefined);
    await this.oauth?.signOut();
    await this.memento.update(FACTS_KEY, undefined);
    this.set({ status: 'signedOut' });
    this.logger.info('Signed out');
  }

  /**
   * The one way a rejected credential becomes "signed out": a 401 reported by
   * the client (onUnauthorized) or by a token check, a dead OAuth refresh
   * token, or an expiry seen by the clock. Fires once per change of reason.
   */
  markRejected(problem: AuthProblem = 'unauthorized'): void {
    this.forgetFacts();
    if (this.current.status === 'signedIn' || this.current.problem !== problem) {
      this.set({ status: 'signedOut', problem });
    }
  }

  /**
   * A rejected credential's facts must not revive it: a later restore (a
   * secret-change event, a reload) then asks the API again instead of
   * trusting globalState.
   */
  private forgetFacts(): void {
    void this.memento.update(FACTS_KEY, undefined);
  }

  /** The credential the API client sends. Never logged. */
  async getCredential(): Promise<Credential | undefined> {
    const fromEnv = this.env.FAXPLUS_TOKEN?.trim();
    if (fromEnv) {
      this.redactor.addSecret(fromEnv);
      return { token: fromEnv, kind: 'pat' };
    }
    const stored = await this.storedToken();
    if (stored) {
      this.redactor.addSecret(stored);
      return { token: stored, kind: 'pat' };
    }
    const oauth = await this.oauth?.getCredential();
    if (oauth) {
      this.redactor.addSecret(oauth.token);
    }
    return oauth;
  }

  /** The stored PAT, from memory after the first read; a failed read is not remembered. */
  private storedToken(): Promise<string | undefined> {
    const read = this.storedPat ?? this.secrets.get(SECRET_KEYS.pat);
    this.storedPat = read;
    read.catch(() => {
      if (this.storedPat === read) {
        this.storedPat = undefined;
      }
    });
    return read;
  }

  /** Called by the client after a 401: OAuth may refresh once; a PAT cannot. */
  async onUnauthorized(rejected: Credential): Promise<Credential | undefined> {
    if (rejected.kind === 'oauth' && this.oauth) {
      const refreshed = await this.oauth.onUnauthorized(rejected).catch(() => undefined);
      if (refreshed) {
        this.redactor.addSecret(refreshed.token);
        return refreshed;
      }
    }
    // The server rejected the credential in use: every view and command sees one signed-out state.
    if ((await this.getCredential().catch(() => undefined))?.token === rejected.token) {
      this.markRejected('unauthorized');
    }
    return undefined;
  }

  /** An OAuth access token may have expired early: refresh it once (OAuthSession single-flights that) and ask again. */
  private async validateRefreshing(
    credential: Credential,
    source: TokenFacts['source'],
    signal?: AbortSignal,
    knownAccount?: AccountFacts,
  ): Promise<TokenFacts> {
    try {
      return await this.validator.validate(credential, source, signal, knownAccount);
    } catch (e) {
      if (credential.kind !== 'oauth' || !isUnauthorized(e)) {
        throw e;
      }
      const refreshed = await this.onUnauthorized(credential).catch(() => undefined);
      if (!refreshed || refreshed.token === credential.token) {
        throw e;
      }
      return this.validator.validate(refreshed, source, signal, knownAccount);
    }
  }

  private fromEnvironment(): boolean {
    return Boolean(this.env.FAXPLUS_TOKEN?.trim());
  }

  private failed(e: unknown, credential?: Credential): AuthState {
    if (e instanceof SecretStorageUnavailableError) {
      this.logger.error(e.message);
      return this.set({ status: 'signedOut', problem: 'secretStorageUnavailable' });
    }
    if (e instanceof ExpiredTokenError) {
      this.forgetFacts();
      return this.set({ status: 'signedOut', problem: 'expired' });
    }
    if (isUnauthorized(e)) {
      this.markRejected('unauthorized');
      return this.current;
    }
    // Network trouble and the like: keep the last known facts; the views show the error.
    this.logger.warn(`Could not check the token: ${e instanceof Error ? e.message : String(e)}`);
    const facts = credential && this.storedFactsFor(credential);
    return facts ? this.set({ status: 'signedIn', facts }) : this.current;
  }

  private set(state: AuthState): AuthState {
    this.current = state;
    this.changed.fire(state);
    return state;
  }
}

function isUnauthorized(e: unknown): boolean {
  return e instanceof UnauthorizedError;
}
