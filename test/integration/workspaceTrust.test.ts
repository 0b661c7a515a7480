import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { adminNumber } from './support/actionFixtures';
import { forgetSentFaxes, signInWith, signOut, testEnvironment, type TestEnvironment } from './support/environment';
import { Notices } from './support/notices';
import { SilentPrompter } from './support/scriptedPrompter';

/**
 * The manifest says the extension works in restricted mode and in virtual
 * workspaces. That holds when nothing it does depends on trusting workspace
 * content: the settings that decide where a token goes are application-wide,
 * and files are read through `workspace.fs`, so a file on a non-`file:` file
 * system is sent like any other.
 */

const SCHEME = 'faxtest';
const RECIPIENT = '+12015550188';

/** A read-only in-memory file system, as a virtual workspace provider would offer. */
class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, Uint8Array>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  reads = 0;

  put(filePath: string, bytes: Uint8Array): vscode.Uri {
    this.files.set(filePath, bytes);
    return vscode.Uri.from({ scheme: SCHEME, path: filePath });
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) {
      return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: file.byteLength };
    }
    if ([...this.files.keys()].some((p) => p.startsWith(`${uri.path.replace(/\/$/, '')}/`))) {
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    }
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    this.reads++;
    return file;
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

describe('Restricted mode and virtual workspaces', function () {
  this.timeout(60_000);
  let env: TestEnvironment;
  let memory: MemoryFileSystem;
  let restore: vscode.Disposable[] = [];

  const send = (file: vscode.Uri) =>
    vscode.commands.executeCommand<Record<string, string> | undefined>('faxplus.sendFax', {
      files: [file.toString()],
      to: [RECIPIENT],
      from: adminNumber(env.emulator),
      confirm: false,
    });

  before(async () => {
    env = await testEnvironment();
    memory = new MemoryFileSystem();
    restore.push(memory, vscode.workspace.registerFileSystemProvider(SCHEME, memory, { isReadonly: true }));
    await signInWith(env.emulator.demoTokens.fullAccess);
  });

  afterEach(() => forgetSentFaxes());

  beforeEach(() => {
    env.emulator.reset({ keepTokens: true });
    env.emulator.faults.clear();
    restore.push(env.api.sendUi.usePrompter(new SilentPrompter()));
  });

  after(async () => {
    restore.reverse().forEach((d) => d.dispose());
    restore = [];
    await signOut();
  });

  it('declares both capabilities honestly, and every setting that decides where a token goes is application-scoped', () => {
    const manifest = env.extension.packageJSON as {
      capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations?: string[] }; virtualWorkspaces: unknown };
      contributes: {
        configuration: { properties: Record<string, { scope?: string }> } | { properties: Record<string, { scope?: string }> }[];
      };
    };
    // Limited: an untrusted workspace cannot change how faxes are sent (region, retries, enhancement) nor make polling aggressive.
    assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepStrictEqual([...(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [])].sort(), [
      'faxplus.pageSize',
      'faxplus.polling.inboxSeconds',
      'faxplus.polling.outboxSeconds',
      'faxplus.send.defaultRegion',
      'faxplus.send.enhancement',
      'faxplus.send.retryCount',
      'faxplus.send.retryDelay',
    ]);
    // Runs where the workspace is (files to send, downloads); README "Remote windows" says how OAuth copes.
    assert.deepStrictEqual((env.extension.packageJSON as { extensionKind?: string[] }).extensionKind, ['workspace']);
    assert.ok(
      manifest.capabilities.virtualWorkspaces === true ||
        (manifest.capabilities.virtualWorkspaces as { supported?: unknown }).supported === true,
    );
    const groups = Array.isArray(manifest.contributes.configuration)
      ? manifest.contributes.configuration
      : [manifest.contributes.configuration];
    const properties = Object.assign({}, ...groups.map((g) => g.properties)) as Record<string, { scope?: string }>;
    for (const key of [
      'faxplus.api.baseUrl',
      'faxplus.oauth.authorizeUrl',
      'faxplus.oauth.tokenUrl',
      'faxplus.oauth.clientId',
      'faxplus.oauth.redirectPort',
    ]) {
      assert.strictEqual(properties[key]?.scope, 'application', `${key} cannot be set by a workspace`);
    }
  });

  it('sends a file from a non-file: file system with exactly its bytes', async () => {
    const invoice = fs.readFileSync(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'invoice.pdf'));
    // Larger than one upload chunk (256 KB), so the chunking of workspace.fs reads is exercised.
    const bytes = Buffer.concat([invoice, Buffer.from('\n%'), Buffer.alloc(700 * 1024, 0x41), Buffer.from('\n')]);
    const uri = memory.put('/scans/scan 1.pdf', bytes);
    memory.reads = 0;

    const ids = await send(uri);
    assert.ok(ids?.[RECIPIENT], `sent: ${new Notices(env.api).last()}`);
    assert.ok(memory.reads >= 1, 'read through the file system provider');
    const uploaded = env.emulator.state.files();
    assert.strictEqual(uploaded.length, 1);
    assert.strictEqual(uploaded[0].fileName, 'scan 1.pdf');
    assert.strictEqual(uploaded[0].contentType, 'application/pdf');
    assert.strictEqual(uploaded[0].size, bytes.length);
    assert.ok(uploaded[0].content?.equals(bytes), 'the exact bytes arrived');
    assert.strictEqual(env.emulator.state.outbox().filter((r) => (r.to as string[]).includes(RECIPIENT)).length, 1, 'one fax');
  });

  it('says which virtual file it cannot read, and uploads nothing', async () => {
    const missing = vscode.Uri.from({ scheme: SCHEME, path: '/scans/missing.pdf' });
    env.emulator.clearRequests();
    assert.strictEqual(await send(missing), undefined);
    assert.match(new Notices(env.api).last(), /Cannot read faxtest:\/scans\/missing\.pdf/);
    assert.deepStrictEqual(
      env.emulator.requests.filter((r) => r.operationId === 'uploadFile' || r.operationId === 'sendFax'),
      [],
    );
  });
});
