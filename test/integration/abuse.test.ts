import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import * as vscode from 'vscode';
import { request } from 'undici';
import type { TokenFacts } from '../../src/auth/tokenFacts';
import type { TreeNode } from '../../src/views/treeNodes';
import { eventually, pointApiAt, signInWith, signOut, testEnvironment, type TestEnvironment } from './support/environment';
import { Notices } from './support/notices';

/**
 * Abuse and leaks, end to end in the real host: a canary token pushed
 * through every kind of failure must not come out anywhere a person or a
 * file can see it; a redirect to another origin must not carry the token;
 * the OAuth loopback must take exactly one callback.
 */

/** The folder the runner made for this host (user data, logs, settings). */
function hostProfileFolder(): string {
  const result = process.env.FAXPLUS_TEST_RESULT_FILE;
  assert.ok(result, 'the runner says where the host profile is (FAXPLUS_TEST_RESULT_FILE)');
  return path.dirname(result);
}

/** Every file the extension's log output channel wrote: `<logs>/…/faxdesk.faxplus-vscode/*.log`. */
function extensionLogFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 8) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isSymbolicLink() || ['extension', 'workspace', 'node_modules', 'extensions'].includes(entry.name)) continue;
      if (entry.isDirectory()) {
        walk(p, depth + 1);
      } else if (
        entry.name.endsWith('.log') &&
        (p.includes(`${path.sep}faxdesk.faxplus-vscode${path.sep}`) || entry.name.includes('Fax.Plus'))
      ) {
        found.push(p);
      }
    }
  };
  walk(hostProfileFolder(), 0);
  return found;
}

interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

async function listen(
  handler: (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => void,
): Promise<{ origin: string; recorded: Recorded[]; close(): Promise<void> }> {
  const recorded: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      recorded.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: body.toString('utf8') });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    recorded,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('Abuse: a canary token never leaks through errors, logs or settings', function () {
  this.timeout(60_000);
  let env: TestEnvironment;
  let canary: string;
  let notices: Notices;
  let mark: number;
  const marker = `canary-marker-${process.pid}-${Date.now()}`;

  before(async () => {
    env = await testEnvironment();
    env.emulator.reset({ keepTokens: true });
    env.emulator.faults.clear();
    canary = env.emulator.issuePat({ scopes: ['fax:all:edit'], name: 'Canary' });
    await signInWith(canary);
    notices = new Notices(env.api);
    mark = notices.mark();
  });

  after(async () => {
    env.emulator.faults.clear();
    await signOut();
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('is absent from every refusal, tree error, state and log line after 500, 403, 400, reset, 401 and sign-in failures that echo it', async () => {
    const bare = canary.slice('alohi_pat_'.length);
    const echo = (what: string) => `${marker} ${what}: got Authorization: Bearer ${canary} (token ${canary})`;
    const errorNodes: string[] = [];

    // times: Infinity: a GET answered 500 once would be retried and succeed.
    env.emulator.faults.add({
      operationId: 'getBalance',
      kind: 'status',
      status: 500,
      body: { error: 'internal_error', description: echo('500') },
      times: Infinity,
    });
    await vscode.commands.executeCommand('faxplus.showBalance');
    env.emulator.faults.clear();

    env.emulator.faults.add({
      operationId: 'listFaxes',
      kind: 'status',
      status: 500,
      body: { error: `bad ${canary}`, description: echo('list') },
      times: Infinity,
    });
    const inbox = env.api.sidebar.provider('inbox');
    inbox.reset();
    // A copy of the Inbox kept from an earlier load is shown at once; the failure shows above it when the list fails.
    const nodes: TreeNode[] = await eventually(async () => {
      const shown = await inbox.getChildren();
      assert.strictEqual(shown[0]?.kind, 'error', 'the tree shows the failure');
      return shown;
    }, 15_000);
    const item = inbox.getTreeItem(nodes[0]);
    errorNodes.push(
      JSON.stringify(nodes),
      String(typeof item.label === 'string' ? item.label : item.label?.label),
      String(item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : (item.tooltip ?? '')),
    );
    env.emulator.faults.clear();

    env.emulator.faults.add({
      operationId: 'getBalance',
      kind: 'status',
      status: 403,
      body: { error: 'insufficient_scope', description: echo('403') },
    });
    await vscode.commands.executeCommand('faxplus.showBalance');

    const fax = env.emulator.state.faxes('inbox')[0];
    env.emulator.faults.add({
      operationId: 'updateFax',
      kind: 'status',
      status: 400,
      body: { error: 'invalid_request', description: echo('400') },
    });
    await vscode.commands.executeCommand('faxplus.markRead', { faxId: fax.id, category: 'inbox' });

    env.emulator.faults.add({ operationId: 'getBalance', kind: 'reset', times: Infinity });
    await vscode.commands.executeCommand('faxplus.showBalance');
    env.emulator.faults.clear();

    // Sign-in failures: a token the server rejects, and a 500 that echoes the token being validated.
    const rejected = `alohi_pat_${bare.split('').reverse().join('')}`;
    await vscode.commands.executeCommand('faxplus.signIn', { token: rejected });
    env.emulator.faults.add({
      operationId: 'getTokenInfo',
      kind: 'status',
      status: 500,
      body: { error: 'internal_error', description: echo('sign-in') },
      times: Infinity,
    });
    await vscode.commands.executeCommand('faxplus.signIn', { token: canary });
    env.emulator.faults.clear();
    assert.strictEqual(env.api.session.state.status, 'signedIn', 'still signed in with the canary');

    // Last: the server rejects the canary itself, echoing it.
    env.emulator.faults.add({
      operationId: 'getBalance',
      kind: 'status',
      status: 401,
      body: { error: 'invalid_token', description: echo('401') },
    });
    await vscode.commands.executeCommand('faxplus.showBalance');
    await eventually(() => assert.strictEqual(env.api.session.state.status, 'signedOut'));

    // Six failures say so; the 401 says nothing itself and brings the one "sign in again" prompt.
    const refusals = notices.refusalsSince(mark);
    assert.strictEqual(refusals.length, 7, `each of the seven failures was refused once: ${refusals.join(' | ')}`);
    assert.strictEqual(notices.signInPromptsSince(mark).length, 1, 'the 401 brought the sign-in prompt');
    assert.ok(
      refusals.some((message) => message.includes(marker)),
      "the server's words reached the person (so the echo was really exercised)",
    );
    const seen: [string, string][] = [
      ...notices.since(mark).map((n, i): [string, string] => [`notification ${i}`, JSON.stringify(n)]),
      ...errorNodes.map((text, i): [string, string] => [`tree error ${i}`, text]),
      ['session state', JSON.stringify(env.api.session.state)],
      ['status bar', `${env.api.statusBar.text}`],
      ['faxplus settings', JSON.stringify(vscode.workspace.getConfiguration('faxplus'))],
      ['user settings.json', fs.readFileSync(path.join(hostProfileFolder(), 'user-data', 'User', 'settings.json'), 'utf8')],
    ];
    for (const [where, text] of seen) {
      assert.ok(!text.includes(canary) && !text.includes(bare) && !text.includes(rejected), `${where} leaks the token: ${text}`);
    }

    // The Fax.Plus output channel's file: wait until this test's lines are flushed, then look for the token.
    const logText = await eventually(() => {
      const files = extensionLogFiles();
      assert.ok(files.length > 0, 'the Fax.Plus log file exists in the host logs folder');
      const text = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
      assert.ok(text.includes(marker), "this test's failures reached the log");
      return text;
    }, 15_000);
    assert.ok(!logText.includes(canary) && !logText.includes(bare) && !logText.includes(rejected), 'the log holds no token');
    assert.match(logText, /\[redacted\]/, 'the echoed token was replaced, not silently passed through');
  });
});

describe('Abuse: a redirect to another origin never carries the token', function () {
  this.timeout(60_000);
  let env: TestEnvironment;
  let savedBaseUrl: string | undefined;
  let other: Awaited<ReturnType<typeof listen>>;
  let api: Awaited<ReturnType<typeof listen>>;

  before(async () => {
    env = await testEnvironment();
    env.emulator.reset({ keepTokens: true });
    await signOut();
    // Another origin (another loopback port) that records what it is sent.
    other = await listen((req, res) => {
      const body = req.method === 'POST' ? { id: 'hook-at-the-other-origin' } : { numbers: [] };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    // The API base: passes everything to the emulator, except that it redirects the number list (302) and webhook creation (307).
    const upstream = new URL(env.emulator.url);
    api = await listen((req, res, body) => {
      const url = req.url ?? '/';
      const route = url.split('?')[0];
      if (req.method === 'GET' && route.endsWith('/numbers')) {
        res.writeHead(302, { location: `${other.origin}${url}` });
        res.end();
        return;
      }
      if (req.method === 'POST' && route === '/v3/hooks') {
        res.writeHead(307, { location: `${other.origin}${url}` });
        res.end();
        return;
      }
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, path: url, method: req.method, headers: { ...req.headers, host: upstream.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
    savedBaseUrl = process.env.FAXPLUS_API_BASE_URL;
    await pointApiAt(`${api.origin}/v3`, 'https://redirecting.example.invalid/v3');
    await signInWith(env.emulator.demoTokens.fullAccess);
  });

  after(async () => {
    await signOut();
    await pointApiAt(savedBaseUrl, undefined);
    await other?.close();
    await api?.close();
  });

  it('follows a 302 of a GET to another origin without Authorization, and never replays a POST body there (307)', async () => {
    const token = env.emulator.demoTokens.fullAccess;
    const numbers = env.api.sidebar.provider('numbers');
    numbers.reset();
    const nodes = await numbers.getChildren();
    assert.deepStrictEqual(
      nodes.map((n) => n.kind),
      ['empty'],
      "the other origin's (empty) answer is shown",
    );

    const hookId = await vscode.commands.executeCommand('faxplus.manageWebhooks', {
      action: 'create',
      event: 'fax_sent',
      target: 'https://hooks.example.com/redirected',
      confirm: false,
    });
    assert.strictEqual(hookId, undefined, 'the 307 to another origin was refused');

    const redirected = api.recorded.filter((r) => r.url.split('?')[0].endsWith('/numbers') || r.url === '/v3/hooks');
    assert.deepStrictEqual(redirected.map((r) => r.method).sort(), ['GET', 'POST']);
    for (const r of redirected) {
      assert.strictEqual(
        r.headers.authorization,
        `Bearer ${token}`,
        'the API origin itself was sent the token (so the check below means something)',
      );
    }
    assert.deepStrictEqual(
      other.recorded.map((r) => r.method),
      ['GET'],
      'the GET redirect was followed, the POST one was not',
    );
    for (const r of other.recorded) {
      assert.strictEqual(r.headers.authorization, undefined, `${r.method} ${r.url} arrived with Authorization`);
      assert.strictEqual(r.headers['x-fax-clientid'], undefined);
      assert.ok(!JSON.stringify(r).includes(token), 'the token is nowhere in the request');
    }
    assert.deepStrictEqual(env.emulator.state.webhooks(), [], 'Fax.Plus itself was not asked');
  });
});

describe('Abuse: the OAuth loopback takes one callback', function () {
  this.timeout(60_000);
  let env: TestEnvironment;

  before(async () => {
    env = await testEnvironment();
    await signOut();
    env.emulator.oauth.autoApprove = true;
  });

  after(async () => {
    await signOut();
    await vscode.commands.executeCommand('faxplus.forgetOAuthClient');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('after success, neither a replayed callback nor a fresh code for the same state signs in again', async () => {
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
    });
    /** What the browser does: /login approves and redirects (302) to the loopback callback. */
    const approve = async (): Promise<URL> => {
      const login = await request(await authorizeUrl);
      await login.body.dump();
      assert.strictEqual(login.statusCode, 302);
      return new URL(String(login.headers.location));
    };
    const visit = (url: URL) =>
      request(url).then(
        async (r) => ({ status: r.statusCode, page: await r.body.text() }),
        (e: NodeJS.ErrnoException) => ({ status: 0, page: String(e.code ?? e.message) }),
      );
    const tokenExchanges = () => env.emulator.requests.filter((r) => r.operationId === 'oauthToken').length;

    env.emulator.clearRequests();
    const first = await approve();
    const answer = await visit(first);
    assert.strictEqual(answer.status, 200);
    assert.match(answer.page, /Signed in to Fax\.Plus/);
    const facts = await done;
    assert.strictEqual(facts?.kind, 'oauth');
    const stored = await env.api.oauth.credentials.peek();
    assert.strictEqual(tokenExchanges(), 1);

    const fresh = await approve();
    assert.notStrictEqual(fresh.searchParams.get('code'), first.searchParams.get('code'));
    assert.strictEqual(
      fresh.searchParams.get('state'),
      first.searchParams.get('state'),
      'the same state, as an attacker replaying it would use',
    );
    for (const url of [first, fresh]) {
      const again = await visit(url);
      assert.ok(again.status === 410 || again.status === 0, `refused (410 or connection refused), got ${again.status}`);
      assert.doesNotMatch(again.page, /Signed in to Fax\.Plus/);
    }
    assert.strictEqual(tokenExchanges(), 1, 'no second code exchange');
    assert.deepStrictEqual(await env.api.oauth.credentials.peek(), stored, 'the session is still the one from the first callback');
    assert.strictEqual(env.api.session.facts?.kind, 'oauth');
  });
});
