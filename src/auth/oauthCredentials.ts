import * as vscode from 'vscode';
import type { OAuthTokens } from '../api/oauthClient';
import { proxyOptionsFromSettings } from '../config/proxySettings';
import type { OAuthSession, OAuthCredential, OAuthStorage, StoredOAuth } from '../api/oauthRefresher';
import type { EndpointSettings } from '../config/endpointSettings';
import type { Logger } from '../api/logger';
import { Disposable } from '../util/disposable';
import type { OAuthCredentialSource } from './authSession';
import type { Credential } from '../api/credentials';
import type { OAuthClientSecretStore } from './oauthClientSecretStore';
import { SECRET_KEYS, type SecretStore } from './secretStore';
import type { Notifier } from '../util/notifier';

/**
 * The OAuth side of AuthSession: hands out the stored access token through
 * an OAuthSession (refresh ahead of expiry and after a 401, once for all
 * concurrent requests, after re-reading SecretStorage). A dead refresh token
 * ends the session and is announced once, however many requests were waiting
 * (the wiring turns that into the one "sign in again" prompt).
 */
export class OAuthCredentials extends Disposable implements OAuthCredentialSource {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when the session appears, disappears or changes hands (this window or another); not on a mere refresh. */
  readonly onDidChange = this.changed.event;
  private readonly signInRequired = this.register(new vscode.EventEmitter<void>());
  /** Fires once per dead session (refresh token expired or revoked). */
  readonly onDidRequireSignIn = this.signInRequired.event;
  private identity: string | undefined;
  private cached: { tokenUrl: string; clientId: string; clientSecret: string; session: OAuthSession } | undefined;
  private readonly announced = new WeakSet<Error>();

  constructor(
    private readonly storage: OAuthStorage,
    private readonly clientSecrets: OAuthClientSecretStore,
    private readonly endpoints: EndpointSettings,
    secrets: SecretStore,
    private readonly logger: Logger,
    private readonly notifier: Notifier,
  ) {
    super();
    this.register(
      secrets.onDidChange((e) => {
        if (e.key === SECRET_KEYS.oauthSession) {
          void this.checkIdentity();
        }
      }),
    );
    void this.peek().then(
      (stored) => (this.identity ??= identityOf(stored)),
      () => undefined,
    );
  }

  /** What is stored, without refreshing. */
  peek(): Promise<StoredOAuth | undefined> {
    return this.storage.read();
  }

  async getCredential(): Promise<Credential | undefined> {
    const stored = await this.storage.read();
    if (!stored) {
      return undefined;
    }
    const session = await this.sessionFor(stored.clientId);
    return this.unlessDead(() => session.getCredential());
  }

  async onUnauthorized(rejected: Credential): Promise<Credential | undefined> {
    const stored = await this.storage.read();
    if (rejected.kind !== 'oauth' || !stored) {
      return undefined;
    }
    const session = await this.sessionFor(stored.clientId);
    return this.unlessDead(() => session.onUnauthorized(rejected));
  }

  /** Stores the tokens of a completed sign-in with the client that obtained them. */
  async save(tokens: OAuthTokens, clientId: string, clientSecret: string): Promise<void> {
    const { oauthTokenUrl } = this.endpoints.resolve();
    await this.sessionWith(oauthTokenUrl, clientId, clientSecret).save(tokens);
  }

  async signOut(): Promise<void> {
    await this.storage.write(undefined);
  }

  /** One OAuthSession per client, so its single-flight refresh covers every caller. */
  private async sessionFor(clientId: string): Promise<OAuthSession> {
    // A forgotten secret makes the refresh fail with invalid_client: the user is then asked to sign in.
    const clientSecret = (await this.clientSecrets.get(clientId)) ?? '';
    const { oauthTokenUrl } = this.endpoints.resolve();
    return this.sessionWith(oauthTokenUrl, clientId, clientSecret);
  }

  private sessionWith(tokenUrl: string, clientId: string, clientSecret: string): OAuthSession {
    const c = this.cached;
    if (c && c.tokenUrl === tokenUrl && c.clientId === clientId && c.clientSecret === clientSecret) {
      return c.session;
    }
    const { OAuthSession } = oauthRefresher();
    const { refresh } = oauthClient();
    const session = new OAuthSession({
      storage: this.storage,
      client: { tokenUrl, clientId, clientSecret },
      onPersistFailed: (e) => this.reportUnsavedRefresh(e),
      // Read per grant: a proxy setting changed since sign-in applies to the next refresh.
      refreshGrant: (params) => refresh({ ...params, proxy: proxyOptionsFromSettings() }),
    });
    this.cached = { tokenUrl, clientId, clientSecret, session };
    return session;
  }

  private async unlessDead(work: () => Promise<OAuthCredential | undefined>): Promise<Credential | undefined> {
    try {
      return await work();
    } catch (e) {
      if (!(e instanceof oauthRefresher().OAuthSignInRequiredError)) {
        throw e;
      }
      this.announceSignInRequired(e);
      return undefined;
    }
  }

  /** Every request that waited on the failed refresh receives this same error object: announce it once. */
  private announceSignInRequired(e: Error): void {
    if (this.announced.has(e)) {
      return;
    }
    this.announced.add(e);
    this.logger.warn('Fax.Plus refused the OAuth refresh token (expired or revoked); the OAuth session was removed.');
    this.signInRequired.fire();
  }

  /** The refreshed tokens work in this window, but the keyring kept refusing them: say what that means. */
  private reportUnsavedRefresh(e: unknown): void {
    this.logger.error(`Could not store the renewed OAuth session: ${e instanceof Error ? e.message : String(e)}`);
    void this.notifier.notify(
      'warning',
      vscode.l10n.t(
        'Fax.Plus renewed your sign-in, but VS Code could not save it to the system keyring. It keeps working in this window; other windows, or this one after a restart, may ask you to sign in again.',
      ),
    );
  }

  private async checkIdentity(): Promise<void> {
    let next: string | undefined;
    try {
      next = identityOf(await this.storage.read());
    } catch {
      next = undefined; // an unreadable keyring counts as signed out; AuthSession reports the keyring problem
    }
    if (next !== this.identity) {
      this.identity = next;
      this.changed.fire();
    }
  }
}

function identityOf(stored: StoredOAuth | undefined): string | undefined {
  return stored && `${stored.clientId}\n${stored.userId ?? ''}`;
}

/*
 * The token client and the refresher load when an OAuth session is first used (a stored
 * session, or a sign-in's tokens to save), not at activation: most people sign in with a
 * token. The build maps these require() calls to dist/oauth.js and dist/oauthClient.js.
 */
function oauthRefresher(): typeof import('../api/oauthRefresher') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load (esbuild.mjs LAZY_MODULES).
  return require('../api/oauthRefresher') as typeof import('../api/oauthRefresher');
}

function oauthClient(): typeof import('../api/oauthClient') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load (esbuild.mjs LAZY_MODULES).
  return require('../api/oauthClient') as typeof import('../api/oauthClient');
}
