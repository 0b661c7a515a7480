import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadWithCodeCache, type CodeCacheUse } from './util/codeCache';
import type * as Activation from './extension';

/** What the file VS Code loads tells the wiring about the start (logged, and read by the bench through the test API). */
export interface StartupFacts {
  readonly codeCache: CodeCacheUse;
  /** Where the code cache is kept: in the extension's global storage. */
  readonly codeCacheFile: string | undefined;
  /** Settles when the code cache for the next start has been written (or there was nothing to write). */
  readonly codeCacheSaved: Promise<void>;
}

/**
 * Late enough that the views, the status bar and the session restore have run, so their
 * functions are compiled and go into the cache too; it runs once, off the start's path.
 */
const SAVE_CODE_CACHE_AFTER_MS = 3_000;

let loaded: typeof Activation | undefined;

/**
 * The file VS Code loads (`main`, dist/extension.js). It is small on purpose: it loads the
 * activation bundle (dist/activation.js, built from src/extension.ts) with V8's code cache
 * from the extension's global storage, so a start after the first one does not parse and
 * compile the bundle again (docs/ARCHITECTURE.md, "Bundles"). Development (F5) loads it
 * plainly: every rebuild would invalidate the cache anyway.
 */
export function activate(context: vscode.ExtensionContext): ReturnType<typeof Activation.activate> {
  const useCache = context.extensionMode !== vscode.ExtensionMode.Development && context.globalStorageUri.scheme === 'file';
  const bundle = loadWithCodeCache(
    path.join(__dirname, 'activation.js'),
    useCache ? path.join(context.globalStorageUri.fsPath, 'code-cache') : undefined,
  );
  loaded = bundle.exports as typeof Activation;
  let timer: NodeJS.Timeout | undefined;
  const codeCacheSaved = new Promise<void>((resolve) => {
    timer = setTimeout(() => void bundle.save().then(resolve), SAVE_CODE_CACHE_AFTER_MS);
    // Never keeps the extension host alive on its own.
    timer.unref();
  });
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  return loaded.activate(context, { codeCache: bundle.use, codeCacheFile: bundle.cacheFile, codeCacheSaved });
}

export function deactivate(): void {
  loaded?.deactivate();
}
