import * as assert from 'assert';
import * as vscode from 'vscode';
import { request } from 'undici';
import type { AuthState } from '../../src/auth/authState';
import type { TokenFacts } from '../../src/auth/tokenFacts';
import { eventually, signInWith, signOut, testEnvironment, type TestEnvironment } from './support/environment';
import { Notices } from './support/notices';
import { startRecordingProxy } from '../unit/api/support/recordingProxy';

/** What the emulator's /login answered: the redirect back to our loopback server. */
interface AuthorizeRedirect {
  readonly authorizeUrl: URL;
  readonly callbackUrl: URL;
}

describe('Sign-in with OAuth2 (loopback redirect, emulator)', () => {
  let env: TestEnvironment;
  const ttlMs = 3_600_000; // the emulator's default OAuth access token life

  before(async () => {
    env = await testEnvironment();
  });

  beforeEach(async () => {
    await signOut();
    env.emulator.clearRequests();
    env.emulator.faults.clear();
    env.emulator.oauth.autoApprove = true;
  });

  after(async () => {
    await signOut();
    await vscode.commands.executeCommand('faxplus.forgetOAuthClient');
    // The tests move the emulator clock; later suites expect real time.
    env.emulator.reset({ keepTokens: true });
    // An open "sign in again" prompt would swallow the next suite's prompt.
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  /** Starts the command without a browser and returns the authorization URL it published. */
  function startSignIn(args: Record<string, unknown> = {}): { done: Thenable<TokenFacts | undefined>; authorizeUrl: Promise<string> } {
    const authorizeUrl = new Promise<string>((resolve) => {
      const subscription = env.api.oauth.browser.onDidPrepareAuthorizeUrl((url) => {
        subscription.dispose();
        resolve(url);
      });
    });
    const done = vscode.commands.executeCommand<TokenFacts | undefined>('faxplus.signInWithOAuth', {
      clientId: env.emulator.oauthClient.id,
      clientSecret: env.emulator.oauthClient.secret,
      openExternal: false,
      redirectPort: 0,
      ...args,
    });
    return { done, authorizeUrl };
  }

  /** What the browser would do: open the authorization page, which redirects (302) to the loopback server. */
  async function authorize(authorizeUrl: string): Promise<AuthorizeRedirect> {
    const login = await request(authorizeUrl);
    await login.body.dump();
    assert.strictEqual(login.statusCode, 302, 'the emulator approves and redirects');
    return { authorizeUrl: new URL(authorizeUrl), callbackUrl: new URL(String(login.headers.location)) };
  }

  async function callback(url: URL | string): Promise<{ status: number; page: string }> {
    const response = await request(url);
    return { status: response.statusCode, page: await response.body.text() };
  }

  async function signInWithOAuth(args: Record<string, unknown> = {}): Promise<TokenFacts> {
    const { done, authorizeUrl } = startSignIn(args);
    const { callbackUrl } = await authorize(await authorizeUrl);
    const answer = await callback(callbackUrl);
    assert.strictEqual(answer.status, 200);
    assert.match(answer.page, /Signed in to Fax\.Plus/);
    const facts = await done;
    assert.ok(facts, 'the command resolves with the facts of the new session');
    return facts;
  }

  function tokenRequests(): number {
    return env.emulator.requests.filter((r) => r.operationId === 'oauthToken').length;
  }

  it('signs in through the browser redirect: loopback callback, code exchange, facts from the API', async () => {
    const sessionEvents: string[] = [];
    const listener = vscode.authentication.onDidChangeSessions((e) => sessionEvents.push(e.provider.id));
    try {
      const { done, authorizeUrl } = startSignIn();
      const { authorizeUrl: sent, callbackUrl } = await authorize(await authorizeUrl);
      assert.strictEqual(sent.searchParams.get('client_id'), env.emulator.oauthClient.id);
      assert.strictEqual(sent.searchParams.get('scope'), 'all');
      assert.match(sent.searchParams.get('redirect_uri') ?? '', /^http:\/\/127\.0\.0\.1:\d+\/callback$/);
      assert.ok((sent.searchParams.get('state') ?? '').length >= 32, 'a random state');
      // PKCE: the emulator refuses the exchange unless the verifier matches this challenge.
      assert.strictEqual(sent.searchParams.get('code_challenge_method'), 'S256');
      assert.match(sent.searchParams.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
      assert.strictEqual(callbackUrl.searchParams.get('state'), sent.searchParams.get('state'));

      const answer = await callback(callbackUrl);
      assert.strictEqual(answer.status, 200);
      assert.match(answer.page, /Signed in to Fax\.Plus/);
      const facts = await done;

      assert.strictEqual(facts?.kind, 'oauth');
      assert.deepStrictEqual(facts?.scopes, ['all']);
      assert.ok(facts?.account?.email, 'the account comes from /accounts/self');
      assert.strictEqual(env.api.contextKeys.get('faxplus.signedIn'), true);
      assert.strictEqual(env.api.contextKeys.get('faxplus.tokenSource'), 'oauth');
      assert.strictEqual(env.api.contextKeys.get('faxplus.can.view.inbox'), true, 'scope all permits everything');

      const token = env.emulator.requests.filter((r) => r.operationId === 'oauthToken');
      assert.strictEqual(token.length, 1, 'one code exchange');
      assert.ok(token[0].hasAuthorization, 'the client authenticates with HTTP Basic');

      // The loopback server took its one callback and closed.
      await eventually(() => assert.rejects(request(callbackUrl)));

      const sessions = await env.api.oauth.provider.getSessions();
      assert.strictEqual(sessions.length, 1);
      assert.deepStrictEqual(sessions[0].scopes, ['all']);
      assert.strictEqual(sessions[0].account.label, facts?.account?.email);
      await eventually(() => assert.ok(sessionEvents.includes('faxplus'), 'VS Code heard of the new Fax.Plus session'));
    } finally {
      listener.dispose();
    }
  });

  it('uses http.proxy for the OAuth code exchange and refresh like for API calls (a proxy that must be used)', async () => {
    const proxy = await startRecordingProxy();
    await vscode.workspace.getConfiguration('http').update('proxy', proxy.url, vscode.ConfigurationTarget.Global);
    try {
      await signInWithOAuth();
      env.emulator.clock.advance(ttlMs + 60_000);
      assert.strictEqual((await vscode.commands.executeCommand<TokenFacts | undefined>('faxplus.showTokenInfo'))?.kind, 'oauth');
      const lines = proxy.tunneled.map((t) => t.line.split('?')[0]);
      assert.strictEqual(
        lines.filter((l) => l === 'POST /token').length,
        tokenRequests(),
        `every token request went through the proxy: ${lines.join(', ')}`,
      );
      assert.strictEqual(tokenRequests(), 2, 'the code exchange and one refresh');
      assert.ok(lines.includes('GET /v3/auth/token'), 'API calls too');
    } finally {
      await vscode.workspace.getConfiguration('http').update('proxy', undefined, vscode.ConfigurationTarget.Global);
      await proxy.close();
    }
  });

  it('sends x-fax-clientid with every API call made with the OAuth token', async () => {
    await signInWithOAuth();
    env.emulator.clearRequests();
    await env.api.clients.get().listFaxes({ limit: 5 });
    const facts = await vscode.commands.executeCommand<TokenFacts>('faxplus.showTokenInfo');
    assert.strictEqual(facts.kind, 'oauth');
    const api = env.emulator.requests.filter((r) => r.hasAuthorization && r.operationId !== 'oauthToken');
    assert.ok(api.length >= 2);
    for (const r of api) {
      assert.strictEqual(r.headers['x-fax-clientid'], env.emulator.oauthClient.id, `${r.operationId} carries the client id`);
      assert.strictEqual(r.status, 200);
    }
  });

  it('refreshes an access token the API rejects (401) and repeats the call', async () => {
    await signInWithOAuth();
    const before = await env.api.oauth.credentials.peek();
    env.emulator.clearRequests();
    env.emulator.clock.advance(ttlMs + 60_000);

    const facts = await vscode.commands.executeCommand<TokenFacts | undefined>('faxplus.showTokenInfo');

    assert.strictEqual(facts?.kind, 'oauth', 'the call succeeded');
    assert.strictEqual(tokenRequests(), 1, 'one refresh grant');
    const statuses = env.emulator.requests.filter((r) => r.operationId === 'getTokenInfo').map((r) => r.status);
    assert.deepStrictEqual(statuses, [401, 200]);
    const after = await env.api.oauth.credentials.peek();
    assert.ok(before && after);
    assert.notStrictEqual(after.accessToken, before.accessToken, 'a new access token');
    assert.notStrictEqual(after.refreshToken, before.refreshToken, 'the rotated refresh token was stored');
    assert.strictEqual(env.api.session.state.status, 'signedIn');
  });

  it('refreshes once for many requests rejected together', async () => {
    await signInWithOAuth();
    env.emulator.clearRequests();
    env.emulator.clock.advance(ttlMs + 60_000);

    const answers = await Promise.all(Array.from({ length: 6 }, () => env.api.clients.get().getTokenInfo()));

    assert.deepStrictEqual(
      answers.map((a) => a.tokenType),
      Array(6).fill('oauth'),
      'every request succeeded',
    );
    assert.strictEqual(tokenRequests(), 1, 'one refresh for all of them');
    assert.ok(
      env.emulator.requests.some((r) => r.operationId === 'getTokenInfo' && r.status === 401),
      'the old token was rejected',
    );
  });

  it('signs out with one prompt when the refresh token is revoked (invalid_grant)', async () => {
    await signInWithOAuth();
    const stored = await env.api.oauth.credentials.peek();
    assert.ok(stored);
    env.emulator.revokeToken(stored.accessToken);
    env.emulator.revokeToken(stored.refreshToken);
    env.emulator.clearRequests();
    const notices = new Notices(env.api);
    const promptMark = notices.mark();
    let announced = 0;
    const announcing = env.api.oauth.credentials.onDidRequireSignIn(() => announced++);
    const rejections: AuthState[] = [];
    const listener = env.api.session.onDidChange((s) => {
      if (s.status === 'signedOut' && s.problem === 'unauthorized') {
        rejections.push(s);
      }
    });
    try {
      const results = await Promise.allSettled(Array.from({ length: 4 }, () => env.api.clients.get().getTokenInfo()));

      for (const r of results) {
        assert.strictEqual(r.status, 'rejected');
        assert.strictEqual((r.reason as { status?: number }).status, 401);
      }
      assert.strictEqual(tokenRequests(), 1, 'one refresh attempt, refused');
      await eventually(() => assert.strictEqual(env.api.session.state.status, 'signedOut'));
      assert.strictEqual(announced, 1, 'announced once');
      assert.strictEqual(rejections.length, 1, 'one transition to "rejected", which is what prompts');
      assert.ok(notices.signInPromptsSince(promptMark).length <= 1, 'never more than one prompt');
      assert.strictEqual(await env.api.oauth.credentials.peek(), undefined, 'the dead session was removed');
      assert.strictEqual(await env.api.session.getCredential(), undefined);
      assert.strictEqual(env.api.contextKeys.get('faxplus.signedIn'), false);
      assert.deepStrictEqual(await env.api.oauth.provider.getSessions(), []);
    } finally {
      listener.dispose();
      announcing.dispose();
    }
  });

  it('refuses a callback whose state does not match, and still accepts the real one', async () => {
    const { done, authorizeUrl } = startSignIn();
    const { callbackUrl } = await authorize(await authorizeUrl);

    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'A'.repeat(43));
    const refused = await callback(forged);
    assert.strictEqual(refused.status, 400);
    assert.match(refused.page, /does not belong to the sign-in/);
    // A denial without state could come from any local process (a code without state is
    // accepted: no Fax.Plus source shows state coming back; see the hostile variant matrix).
    const noStateDenial = new URL(callbackUrl);
    noStateDenial.search = '?error=access_denied';
    assert.strictEqual((await callback(noStateDenial)).status, 400);
    assert.strictEqual(env.api.session.state.status, 'signedOut', 'nothing signed in by a forged callback');
    assert.strictEqual(tokenRequests(), 0, 'no code was exchanged');

    assert.strictEqual((await callback(callbackUrl)).status, 200);
    assert.strictEqual((await done)?.kind, 'oauth');
  });

  it('reports a sign-in declined in the browser and stores nothing', async () => {
    env.emulator.oauth.autoApprove = false;
    const { done, authorizeUrl } = startSignIn();
    const { callbackUrl } = await authorize(await authorizeUrl);
    assert.strictEqual(callbackUrl.searchParams.get('error'), 'access_denied');
    const answer = await callback(callbackUrl);
    assert.match(answer.page, /not completed/);

    assert.strictEqual(await done, undefined);
    assert.match(new Notices(env.api).lastRefusal(), /declined/);
    assert.strictEqual(await env.api.oauth.credentials.peek(), undefined);
    assert.strictEqual(env.api.session.state.status, 'signedOut');
  });

  it('signs out: clears the OAuth session and the context, keeps the client secret until it is forgotten', async () => {
    await signInWithOAuth();
    await signOut();
    assert.strictEqual(await env.api.oauth.credentials.peek(), undefined);
    assert.strictEqual(await env.api.session.getCredential(), undefined);
    assert.strictEqual(env.api.contextKeys.get('faxplus.signedIn'), false);
    assert.deepStrictEqual(await env.api.oauth.provider.getSessions(), []);

    // The client secret stayed in SecretStorage: signing in again needs only the client id.
    assert.strictEqual((await signInWithOAuth({ clientSecret: undefined })).kind, 'oauth');

    await vscode.commands.executeCommand('faxplus.forgetOAuthClient');
    assert.strictEqual(env.api.session.state.status, 'signedOut', 'a session that cannot refresh ends with its secret');
    assert.strictEqual(await env.api.oauth.credentials.peek(), undefined);
    const refused = await vscode.commands.executeCommand('faxplus.signInWithOAuth', {
      clientId: env.emulator.oauthClient.id,
      openExternal: false,
    });
    assert.strictEqual(refused, undefined);
    assert.match(new Notices(env.api).lastRefusal(), /No OAuth client secret/);
  });

  it('signs out from the Accounts menu (removeSession)', async () => {
    await signInWithOAuth();
    const [session] = await env.api.oauth.provider.getSessions();
    await env.api.oauth.provider.removeSession(session.id);
    assert.strictEqual(env.api.contextKeys.get('faxplus.signedIn'), false);
    assert.strictEqual(await env.api.session.getCredential(), undefined);
  });

  describe('with a Personal Access Token stored, a failed OAuth sign-in keeps it', () => {
    /** Signs in with OAuth while the check of the new token meets `fault`; returns what the command resolved with. */
    async function failingSignIn(status: number): Promise<TokenFacts | undefined> {
      await signInWith(env.emulator.demoTokens.fullAccess);
      env.emulator.faults.add({ operationId: 'getTokenInfo', kind: 'status', status, times: Infinity });
      try {
        const { done, authorizeUrl } = startSignIn();
        const { callbackUrl } = await authorize(await authorizeUrl);
        await callback(callbackUrl);
        return await done;
      } finally {
        env.emulator.faults.clear();
      }
    }

    async function assertPatSurvived(): Promise<void> {
      assert.strictEqual(
        (await env.api.session.getCredential())?.token,
        env.emulator.demoTokens.fullAccess,
        'the PAT is still stored and in use',
      );
      assert.strictEqual(await env.api.oauth.credentials.peek(), undefined, 'no half-adopted OAuth session');
      assert.strictEqual(env.api.session.state.status, 'signedIn');
      assert.strictEqual(env.api.session.facts?.kind, 'pat');
    }

    it('a 503 while checking the new token: the PAT survives and the message says the check failed, not "did not accept"', async () => {
      assert.strictEqual(await failingSignIn(503), undefined);
      const message = new Notices(env.api).lastRefusal();
      assert.match(message, /could not be checked \(HTTP 503\)/);
      assert.match(message, /previous sign-in is unchanged/);
      assert.doesNotMatch(message, /did not accept/);
      await assertPatSurvived();
    });

    it('a 401 for the new token: the PAT survives and the message says Fax.Plus did not accept it', async () => {
      assert.strictEqual(await failingSignIn(401), undefined);
      assert.match(new Notices(env.api).lastRefusal(), /did not accept it\. Your previous sign-in is unchanged/);
      await assertPatSurvived();
    });

    it('a sign-in declined in the browser: the PAT survives', async () => {
      await signInWith(env.emulator.demoTokens.fullAccess);
      env.emulator.oauth.autoApprove = false;
      const { done, authorizeUrl } = startSignIn();
      const { callbackUrl } = await authorize(await authorizeUrl);
      await callback(callbackUrl);
      assert.strictEqual(await done, undefined);
      await assertPatSurvived();
    });
  });

  it('ends the OAuth session when a Personal Access Token is signed in instead', async () => {
    await signInWithOAuth();
    await signInWith(env.emulator.demoTokens.fullAccess);
    assert.strictEqual(env.api.session.facts?.kind, 'pat');
    assert.strictEqual(await env.api.oauth.credentials.peek(), undefined);
    assert.deepStrictEqual(await env.api.oauth.provider.getSessions(), []);
  });
});
