import * as assert from 'assert';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { request } from 'undici';
import type { Balance } from '../../src/api/models';
import type { TokenFacts } from '../../src/auth/tokenFacts';
import type { FaxNode, TreeNode } from '../../src/views/treeNodes';
import type { TrackedOutcome } from '../../src/views/sentFaxTracker';
import { eventually, forgetSentFaxes, signInWith, signOut, testEnvironment, type TestEnvironment } from './support/environment';
import { SilentPrompter } from './support/scriptedPrompter';

/**
 * The core journeys in the real host against the most hostile combination
 * of what the real Fax.Plus may do where the sources disagree (emulator
 * preset `hostile`: no GET /auth/token, oldest-first lists capped at 7 with an
 * inclusive `before`, empty lists without `data`, `file_path`, numeric fax
 * ids, odd balance keys, HTML gateway pages on every 5th GET, …).
 */
describe('Against a hostile Fax.Plus (emulator preset "hostile")', function () {
  this.timeout(120_000);
  let env: TestEnvironment;

  const setting = (key: string, value: unknown) =>
    vscode.workspace.getConfiguration('faxplus').update(key, value, vscode.ConfigurationTarget.Global);
  const faxIds = (nodes: readonly TreeNode[]) => nodes.filter((n) => n.kind === 'fax').map((n) => (n as FaxNode).fax.id);

  before(async () => {
    env = await testEnvironment();
    await signOut();
    env.emulator.reset({ keepTokens: true });
    env.emulator.setVariants('hostile');
  });

  after(async () => {
    await setting('pageSize', undefined);
    await signOut();
    env.emulator.reset({ keepTokens: true });
    env.emulator.setVariants('realistic');
  });

  it('signs in with a PAT although GET /auth/token is missing; Show Token Info says the scopes could not be read', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    const facts = env.api.session.facts;
    assert.ok(facts?.scopesUnknown, 'scopes are unknown');
    assert.strictEqual(facts.account?.uid, env.emulator.accounts.admin);
    const shown = await vscode.commands.executeCommand<TokenFacts>('faxplus.showTokenInfo');
    assert.strictEqual(shown?.scopesUnknown, true);
    assert.ok(
      env.emulator.requests.some((r) => r.operationId === 'getTokenInfo' && r.status === 405),
      'it did ask /auth/token',
    );
  });

  it('pages the inbox with "Load more…" through an ascending, capped server: every fax once, newest first', async () => {
    await setting('pageSize', 20);
    const provider = env.api.sidebar.provider('inbox');
    provider.reset();
    let nodes = await provider.getChildren();
    assert.ok(faxIds(nodes).length > 0, 'a first page');
    for (let i = 0; i < 40 && nodes.at(-1)?.kind === 'loadMore'; i++) {
      await vscode.commands.executeCommand('faxplus.loadMore', { view: 'inbox' });
      nodes = await provider.getChildren();
    }
    assert.notStrictEqual(nodes.at(-1)?.kind, 'loadMore', 'Load more disappears at the end');
    const ids = faxIds(nodes);
    assert.strictEqual(new Set(ids).size, ids.length, 'no fax twice');
    const expected = env.emulator.state.faxes('inbox').map((f) => f.id);
    assert.deepStrictEqual([...ids].sort(), [...expected].sort(), 'every inbox fax');
    const times = nodes.filter((n) => n.kind === 'fax').map((n) => (n as FaxNode).fax.startTime?.getTime() ?? 0);
    assert.deepStrictEqual(
      times,
      [...times].sort((a, b) => b - a),
      'shown newest first',
    );
    const limits = env.emulator.requests.filter((r) => r.operationId === 'listFaxes').map((r) => r.query.limit);
    assert.ok(
      limits.every((l) => l === '20'),
      'asks for the configured page size; the server cuts it',
    );
    assert.ok(
      env.emulator.requests.some((r) => r.status >= 502),
      'gateway pages were met (and retried)',
    );

    // A poll after everything was loaded keeps every page although the server answered 7 < 20.
    await provider.poll();
    assert.deepStrictEqual([...faxIds(await provider.getChildren())].sort(), [...expected].sort(), 'a short poll dropped nothing');
  });

  it('shows an empty Outbox whose answer has no records key', async () => {
    const provider = env.api.sidebar.provider('outbox');
    provider.reset();
    const nodes = await provider.getChildren();
    assert.ok(!nodes.some((n) => n.kind === 'error'), `no error: ${JSON.stringify(nodes)}`);
    assert.strictEqual(nodes.filter((n) => n.kind === 'outbox').length, 0);
  });

  it('sends a one-file fax (upload answered with file_path, ids as numbers, redial clamped to 3)', async () => {
    const restore = env.api.sendUi.usePrompter(new SilentPrompter());
    try {
      const from = env.emulator.state
        .numbers()
        .find((n) => n.status === 'active' && n.assigned_to.includes(env.emulator.accounts.admin))!.number;
      const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'invoice.pdf');
      env.emulator.clearRequests();
      const ids = await vscode.commands.executeCommand<Record<string, string>>('faxplus.sendFax', {
        files: [file.toString()],
        to: ['+12015550123'],
        from,
        confirm: false,
        retry: { count: 8 },
      });
      assert.ok(ids && typeof ids['+12015550123'] === 'string' && /^\d+$/.test(ids['+12015550123']), `ids: ${JSON.stringify(ids)}`);
      const sends = env.emulator.requests.filter((r) => r.operationId === 'sendFax');
      assert.strictEqual(sends.length, 1, 'exactly one outbox request');
      assert.strictEqual((sends[0].bodyJson as { options?: { retry?: { count?: number } } }).options?.retry?.count, 3);
      assert.ok(env.emulator.state.outbox().some((o) => String(o.id) === ids['+12015550123']));
    } finally {
      restore.dispose();
    }
  });

  it('opens and downloads a fax, and reads the balance from other keys', async () => {
    const fax = env.emulator.state.faxes('inbox')[0];
    const opened = await vscode.commands.executeCommand<{ faxId: string }>('faxplus.openFax', { faxId: fax.id, category: 'inbox' });
    assert.strictEqual(opened.faxId, fax.id);
    const destination = path.join(mkdtempSync(path.join(tmpdir(), 'faxplus-hostile-')), 'fax.pdf');
    assert.strictEqual(
      await vscode.commands.executeCommand('faxplus.downloadFax', { faxId: fax.id, format: 'pdf', destination }),
      destination,
    );
    assert.strictEqual(readFileSync(destination).subarray(0, 5).toString('latin1'), '%PDF-');
    const balance = await vscode.commands.executeCommand<Balance>('faxplus.showBalance');
    assert.strictEqual(balance.balance, env.emulator.state.balance().balance);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  it('follows a sent fax to Sent under its new id, with no view visible, through gateway pages and an oldest-first Sent list', async () => {
    await signInWith(env.emulator.demoTokens.fullAccess);
    await setting('polling.outboxSeconds', 1);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const settled: TrackedOutcome[] = [];
    const restore = [env.api.sidebar.tracker.onDidSettle((o) => settled.push(o)), env.api.sendUi.usePrompter(new SilentPrompter())];
    try {
      const from = env.emulator.state
        .numbers()
        .find((n) => n.status === 'active' && n.assigned_to.includes(env.emulator.accounts.admin))!.number;
      const letter = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'letter.txt');
      const to = '+12015550177';
      const ids = await vscode.commands.executeCommand<Record<string, string>>('faxplus.sendFax', {
        files: [letter.toString()],
        to: [to],
        from,
        confirm: false,
      });
      const outboxId = ids?.[to];
      assert.ok(outboxId, 'the fax was created');
      env.emulator.clock.advance(60_000); // the emulator finishes the fax; in Sent it has a new id
      const outcome = await eventually(() => {
        const found = settled.find((o) => o.outboxId === outboxId);
        assert.ok(found, 'the tracker settled the fax');
        return found;
      }, 60_000);
      assert.notStrictEqual(outcome.fax?.id, outboxId, 'matched in Sent under its new id');
      assert.strictEqual(outcome.fax?.to, to);
    } finally {
      restore.forEach((d) => d.dispose());
      await setting('polling.outboxSeconds', undefined);
      forgetSentFaxes();
    }
  });

  it('signs in with OAuth: no state on the redirect, token parameters read from the query only, no /auth/token', async () => {
    await signOut();
    env.emulator.clearRequests();
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
    const login = await request(await authorizeUrl);
    await login.body.dump();
    const callbackUrl = new URL(String(login.headers.location));
    assert.strictEqual(callbackUrl.searchParams.get('state'), null, 'the hostile server drops state');
    const answer = await request(callbackUrl);
    assert.strictEqual(answer.statusCode, 200);
    await answer.body.dump();
    const facts = await done;
    assert.strictEqual(facts?.kind, 'oauth');
    const tokenCalls = env.emulator.requests.filter((r) => r.operationId === 'oauthToken').map((r) => r.status);
    assert.deepStrictEqual(tokenCalls, [400, 200], 'the form body is refused, the query-string retry succeeds');
    assert.strictEqual(env.api.session.state.status, 'signedIn');
    await signOut();
    await vscode.commands.executeCommand('faxplus.forgetOAuthClient');
  });
});
