/**
 * Lets benchmarks load src/ modules that import `vscode` on plain Node: only
 * what the send path calls is provided (l10n.t, workspace.fs). Import it
 * before anything from src/.
 */
import Module from 'node:module';

const stub = {
  l10n: { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)])) },
  workspace: {
    fs: {
      readFile: async () => {
        throw new Error('not used for file: URIs');
      },
    },
  },
};
const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string; _cache: Record<string, unknown> };
const resolve = loader._resolveFilename;
loader._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
loader._cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };
