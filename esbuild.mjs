// Bundles the extension (and, with --tests, the integration suite) with esbuild.
// Type checking is separate (`npm run typecheck`): esbuild only strips types.
//   node esbuild.mjs               development build with inline-free external source maps
//   node esbuild.mjs --production  minified, no source maps in dist/ (maps go to out/maps/)
//   node esbuild.mjs --watch       rebuild on change (used by the F5 launch config)
//   node esbuild.mjs --tests       also bundle test/integration for the extension host
import * as esbuild from 'esbuild';
import { readdirSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');

/** @type {esbuild.BuildOptions} */
const extension = {
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // The extension host provides `vscode`; everything else is bundled so the vsix ships no node_modules.
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: production ? 'none' : 'inline',
  metafile: true,
  logLevel: 'warning',
};

const integrationDir = 'test/integration';
/** @type {esbuild.BuildOptions} */
const integration = {
  entryPoints: readdirSync(integrationDir)
    .filter((f) => f.endsWith('.test.ts') || f === 'index.ts')
    .map((f) => path.join(integrationDir, f)),
  outdir: 'out/test/integration',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Test-only packages (mocha, pdf-lib, busboy…) are resolved from node_modules at run time.
  packages: 'external',
  external: ['vscode'],
  sourcemap: 'inline',
  logLevel: 'warning',
};

if (watch) {
  const ctx = await esbuild.context(extension);
  await ctx.watch();
  console.log('[watch] build started');
  console.log('[esbuild] watching src/ …');
} else {
  rmSync('dist', { recursive: true, force: true });
  const result = await esbuild.build(extension);
  if (production) {
    // Keep maps out of dist/ (and so out of the vsix) but available for crash triage.
    const mapsDir = 'out/maps';
    mkdirSync(mapsDir, { recursive: true });
    await esbuild.build({ ...extension, sourcemap: 'external', outfile: path.join(mapsDir, 'extension.js'), metafile: false });
  }
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  console.log(`[esbuild] dist/extension.js ${(bytes / 1024).toFixed(1)} KB${production ? ' (minified)' : ''}`);
  if (tests) {
    rmSync('out/test/integration', { recursive: true, force: true });
    await esbuild.build(integration);
    console.log('[esbuild] out/test/integration built');
  }
}
