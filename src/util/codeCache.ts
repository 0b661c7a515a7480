import * as fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** What the code cache did for one load. */
export type CodeCacheUse =
  /** V8 took the stored code: the file was not compiled again. */
  | 'hit'
  /** Nothing stored for this file, V8 and CPU yet: compiled, and stored after `save()`. */
  | 'miss'
  /** V8 refused what was stored (another V8 build or flags): compiled, and stored again after `save()`. */
  | 'rejected'
  /** No cache folder: compiled as `require()` would. */
  | 'off';

export interface CachedModule {
  readonly exports: unknown;
  readonly use: CodeCacheUse;
  /** Where V8's code for this file is kept (absent without a cache folder). */
  readonly cacheFile: string | undefined;
  /**
   * Writes V8's code for the file, including the functions compiled since it ran, when
   * nothing usable was stored. Call it once the module has done its start-up work, so the
   * next start finds that work compiled too. Never throws: a cache that cannot be written
   * costs the next start a compile, nothing more.
   */
  save(): Promise<void>;
}

const EXTENSION = '.v8cache';

/**
 * Loads a CommonJS file like `require()` does (same `require`, `module`, `__filename`,
 * `__dirname`, registered in `require.cache` so a later `require()` of it returns this
 * instance), but hands V8 the code it produced for the same file on an earlier start.
 * Parsing and compiling a bundle is most of what loading it costs; V8's code cache
 * removes that after the first start. The stored file is keyed by the file's size and
 * time, the V8 version and the CPU, so an update of either side is never fed stale code
 * (V8 also checks its version, its flags and the source's length itself). Any problem with the cache falls
 * back to compiling the source, which is what happens without one.
 */
export function loadWithCodeCache(file: string, cacheDir: string | undefined): CachedModule {
  const source = fs.readFileSync(file, 'utf8');
  const cacheFile = cacheDir ? path.join(cacheDir, `${path.basename(file)}.${cacheKey(file)}${EXTENSION}`) : undefined;
  const stored = cacheFile ? readIfPresent(cacheFile) : undefined;
  // The wrapper sits on its own line and lineOffset takes it back: lines and columns in
  // stack traces are the file's own, so source maps still point at the right place.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, {
    filename: file,
    lineOffset: -1,
    cachedData: stored,
  });
  const use: CodeCacheUse = !cacheFile ? 'off' : !stored ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit';

  const mod = new Module(file);
  mod.filename = file;
  const requireFromFile = createRequire(file);
  requireFromFile.cache[file] = mod;
  try {
    (script.runInThisContext() as (...args: unknown[]) => void).call(
      mod.exports,
      mod.exports,
      requireFromFile,
      mod,
      file,
      path.dirname(file),
    );
  } catch (e) {
    delete requireFromFile.cache[file];
    throw e;
  }
  mod.loaded = true;

  return {
    exports: mod.exports,
    use,
    cacheFile,
    save: async () => {
      if (!cacheFile || use === 'hit') {
        return;
      }
      try {
        await writeCache(cacheFile, script.createCachedData(), path.basename(file));
      } catch {
        // A read-only or full disk: the next start compiles, as it would without a cache.
      }
    },
  };
}

/**
 * V8's version, the CPU, and the file's size and modification time: a rebuild, an update
 * or a reinstall writes the file anew, so its time changes. Not a hash of the content:
 * the first hash in a process initialises OpenSSL, about 2 ms of the start this cache
 * exists to shorten.
 */
function cacheKey(file: string): string {
  const { size, mtimeMs } = fs.statSync(file);
  return `${process.versions.v8}-${process.arch}-${size}-${Math.floor(mtimeMs)}`.replace(/[^A-Za-z0-9.-]/g, '_');
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes beside and renames (a reader never sees half a file), then removes what older versions stored. */
async function writeCache(cacheFile: string, data: Buffer, baseName: string): Promise<void> {
  const dir = path.dirname(cacheFile);
  await fs.promises.mkdir(dir, { recursive: true });
  const partial = `${cacheFile}.${process.pid}.partial`;
  await fs.promises.writeFile(partial, data);
  await fs.promises.rename(partial, cacheFile);
  for (const name of await fs.promises.readdir(dir)) {
    const stale = name.startsWith(`${baseName}.`) && name.endsWith(EXTENSION) && name !== path.basename(cacheFile);
    if (stale) {
      await fs.promises.rm(path.join(dir, name), { force: true });
    }
  }
}
