import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FaxPlusClient } from '../../../src/api/faxPlusClient';
import type { ErrorPresenter } from '../../../src/errors/errorPresenter';

/**
 * The extension ships as several files (esbuild.mjs, docs/ARCHITECTURE.md "Bundles"):
 * activation loads dist/extension.js only, the rest on first use. This builds the
 * extension's files (development flavour, into a temporary folder) and checks what
 * activation loads and that a module shared by several files exists once, so an
 * error the lazily loaded client throws is still classified by the presenter
 * activation loaded (`instanceof` against one class, not a copy).
 */
describe('build: the extension split into files loaded at activation and on first use', function () {
  this.timeout(120_000);
  const root = path.resolve(__dirname, '../../..');
  let outRoot: string;
  let dist: string;
  const lazyFiles = [
    'main.js',
    'client.js',
    'undici.js',
    'phonenumbers.js',
    'commands.js',
    'send.js',
    'chat.js',
    'oauth.js',
    'oauthClient.js',
    'faxViewer.js',
    'treeItems.js',
  ];

  before(() => {
    outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'faxplus-split-'));
    dist = path.join(outRoot, 'dist');
    const r = spawnSync(process.execPath, [path.join(root, 'esbuild.mjs'), '--extension-only', '--out-root', outRoot], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.strictEqual(r.status, 0, `esbuild.mjs failed:\n${r.stdout}\n${r.stderr}`);
  });

  after(() => {
    for (const key of Object.keys(require.cache)) if (key.startsWith(outRoot)) delete require.cache[key];
    fs.rmSync(outRoot, { recursive: true, force: true });
  });

  /** Loads a built file the way the extension host does (CommonJS require, cached). */
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built files are CommonJS, loaded by path at run time.
  const load = (file: string): unknown => require(path.join(dist, file));
  /** Loads a built file and names the files of dist/ that loading it read for the first time. */
  const loadCounting = (file: string): { exports: unknown; loaded: string[] } => {
    const before = new Set(Object.keys(require.cache));
    const exports = load(file);
    const loaded = Object.keys(require.cache)
      .filter((f) => !before.has(f) && f.startsWith(dist))
      .map((f) => path.basename(f));
    return { exports, loaded };
  };
  const text = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');
  /** The sources a file's code comes from, read from its source map (pass 1's maps chained through pass 2). */
  const sourcesOf = (file: string): string[] =>
    (JSON.parse(text(`${file}.map`)) as { sources: string[] }).sources.map((s) => path.relative(root, path.resolve(dist, s)));

  it('require(extension.js) loads that one file of dist/, and it holds only the registrations: no session, sidebar, undici, libphonenumber-js, client, commands, send flow, OAuth sign-in, viewer or tree items', () => {
    for (const file of lazyFiles) assert.ok(fs.existsSync(path.join(dist, file)), `${file} is built`);
    const { exports: extension, loaded } = loadCounting('extension.js');
    assert.strictEqual(typeof (extension as { activate?: unknown }).activate, 'function');
    assert.deepStrictEqual(loaded, ['extension.js']);

    const atActivation = sourcesOf('extension.js');
    const forbidden = [
      'src/extensionMain.ts',
      'src/auth/authSession.ts',
      'src/auth/contextKeys.ts',
      'src/views/sidebar.ts',
      'src/views/sectionTreeProvider.ts',
      'src/api/errors.ts',
      'node_modules/undici/',
      'node_modules/libphonenumber-js/',
      'src/api/faxPlusClient.ts',
      'src/commands/allCommands.ts',
      'src/sendFlow/sendFaxFeature.ts',
      'src/chat/chatTools.ts',
      'src/chat/sendFaxTool.ts',
      'src/api/oauthClient.ts',
      'src/api/oauthRefresher.ts',
      'src/auth/oauthSignInFlow.ts',
      'src/auth/oauthLoopbackServer.ts',
      'src/viewer/faxViewerPanel.ts',
      'src/viewer/pageMarkup.ts',
      'src/views/treeItemFactory.ts',
      'src/views/faxTreeItem.ts',
    ];
    assert.deepStrictEqual(
      atActivation.filter((s) => forbidden.some((f) => s.startsWith(f))),
      [],
    );
    assert.ok(
      atActivation.includes('src/extension.ts') && atActivation.includes('src/activation/activationShell.ts'),
      'the map names what activation loads',
    );
    // The check above can fail: each lazy file holds what activation must not load.
    assert.ok(sourcesOf('main.js').includes('src/views/sidebar.ts') && sourcesOf('main.js').includes('src/api/errors.ts'));
    assert.ok(sourcesOf('undici.js').some((s) => s.startsWith('node_modules/undici/')));
    assert.ok(sourcesOf('phonenumbers.js').some((s) => s.startsWith('node_modules/libphonenumber-js/')));
    assert.ok(sourcesOf('client.js').includes('src/api/faxPlusClient.ts'));
    assert.ok(sourcesOf('chat.js').includes('src/chat/sendFaxTool.ts'));
    assert.ok(sourcesOf('oauth.js').includes('src/api/oauthRefresher.ts'));
    assert.ok(sourcesOf('commands.js').includes('src/auth/oauthLoopbackServer.ts'));
    assert.ok(sourcesOf('faxViewer.js').includes('src/viewer/faxViewerPanel.ts'));
    assert.ok(sourcesOf('treeItems.js').includes('src/views/faxTreeItem.ts'));
  });

  it('every module of src/ is in exactly one file', () => {
    const files = fs.readdirSync(dist).filter((f) => f.endsWith('.js'));
    const homes = new Map<string, string[]>();
    for (const file of files) {
      for (const source of sourcesOf(file).filter((s) => s.startsWith('src/'))) homes.set(source, [...(homes.get(source) ?? []), file]);
    }
    assert.ok(homes.size > 100, `found the modules (${homes.size})`);
    assert.deepStrictEqual(
      [...homes].filter(([, where]) => where.length > 1),
      [],
    );
  });

  it('require(main.js), the wiring loaded on first use, loads that one file more (its chunks are in it)', () => {
    load('extension.js');
    const { exports: main, loaded } = loadCounting('main.js');
    assert.strictEqual(typeof (main as { wireExtension?: unknown }).wireExtension, 'function');
    assert.deepStrictEqual(loaded, ['main.js']);
  });

  it("an error thrown in client.js (loaded on first use) is classified by main.js's presenter", async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_token', description: 'expired' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const main = load('main.js') as { __chunks: Record<string, Record<string, unknown>> };
      const before = new Set(Object.keys(require.cache));
      const { FaxPlusClient: Client } = load('client.js') as { FaxPlusClient: typeof FaxPlusClient };
      assert.ok(
        Object.keys(require.cache).some((f) => !before.has(f) && f === path.join(dist, 'client.js')),
        'client.js was not loaded at activation',
      );
      const client = new Client({
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        credentials: { getCredential: async () => ({ token: 'split-test-token', kind: 'pat' }) },
        logger: { debug() {}, info() {}, warn() {}, error() {} },
        userAgent: 'split-test',
      });
      const thrown = await client.getTokenInfo().then(
        () => undefined,
        (e: unknown) => e,
      );
      client.dispose();

      const exported = (name: string) => Object.values(main.__chunks).find((chunk) => name in chunk)?.[name];
      const UnauthorizedError = exported('UnauthorizedError') as abstract new (...args: never[]) => Error;
      const Presenter = exported('ErrorPresenter') as new (logger: unknown) => ErrorPresenter;
      assert.ok(UnauthorizedError && Presenter, 'main.js shares the error classes and the presenter with the files loaded later');
      assert.ok(thrown instanceof UnauthorizedError, `the 401 is the UnauthorizedError main.js loaded (got ${String(thrown)})`);
      assert.strictEqual(new Presenter({ warn() {} }).describe(thrown), 'Fax.Plus rejected the token. Sign in again.');
    } finally {
      server.close();
    }
  });
});
