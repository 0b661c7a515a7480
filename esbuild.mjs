// Bundles the extension (and, with --tests, the integration suite) with esbuild.
// Type checking is separate (`npm run typecheck`): esbuild only strips types.
//   node esbuild.mjs               development build with inline-free external source maps
//   node esbuild.mjs --production  minified, no source maps in dist/ (maps go to out/maps/)
//   node esbuild.mjs --watch       rebuild the extension and the viewer's decoder on change (F5's build task)
//   node esbuild.mjs --watch --typecheck   the same plus `tsc --watch` (npm run watch)
//   node esbuild.mjs --tests       also bundle test/integration for the extension host
//   node esbuild.mjs --tests --out-root DIR   write dist/ and out/ under DIR (isolated test runs)
import * as esbuild from 'esbuild';
import { copyFileSync, readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';

const argv = process.argv.slice(2);
const args = new Set(argv);
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');
const outRootIndex = argv.indexOf('--out-root');
const outRoot = outRootIndex >= 0 ? argv[outRootIndex + 1] : '.';

/** @type {esbuild.BuildOptions} */
const extension = {
  entryPoints: ['src/extension.ts'],
  outfile: path.join(outRoot, 'dist/extension.js'),
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

/**
 * The document renderer (markdown-it, pdf-lib, fontkit) as a bundle of its own, which the
 * extension loads with require() the first time a text file is faxed: activation does not
 * pay for it. It has no `vscode` import and no error classes shared with the extension.
 * @type {esbuild.BuildOptions}
 */
const renderer = {
  ...extension,
  entryPoints: ['src/render/index.ts'],
  outfile: path.join(outRoot, 'dist/render.js'),
};

/** The DejaVu faces the renderer embeds (read from dist/fonts at run time, never downloaded). */
const FONT_PACKAGE = 'dejavu-fonts-ttf';
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSansMono.ttf'];

function copyFonts() {
  const dir = path.join(outRoot, 'dist/fonts');
  mkdirSync(dir, { recursive: true });
  for (const file of FONT_FILES) copyFileSync(path.join('node_modules', FONT_PACKAGE, 'ttf', file), path.join(dir, file));
}

/**
 * UTIF.js for the viewer webview. `pako` (Deflate TIFFs only, which faxes never
 * use) is replaced by an empty module to keep the vsix small.
 * @type {esbuild.BuildOptions}
 */
const tiffDecoder = {
  entryPoints: ['src/viewer/webview/tiffDecoderGlobal.ts'],
  outfile: path.join(outRoot, 'dist/viewer/tiff-decoder.js'),
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  plugins: [{
    name: 'no-pako',
    setup(build) {
      build.onResolve({ filter: /^pako$/ }, () => ({ path: 'pako', namespace: 'no-pako' }));
      build.onLoad({ filter: /.*/, namespace: 'no-pako' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    },
  }],
};

const integrationDir = 'test/integration';
/** @type {esbuild.BuildOptions} */
const integration = {
  entryPoints: readdirSync(integrationDir)
    .filter((f) => f.endsWith('.test.ts') || f === 'index.ts')
    .map((f) => path.join(integrationDir, f)),
  outdir: path.join(outRoot, 'out/test/integration'),
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

/**
 * The licence texts of every npm package that ends up in dist/, so the
 * minified bundles ship with the notices their licences ask for.
 */
function writeThirdPartyNotices(metafiles, outfile) {
  // The fonts are copied, not bundled, so no metafile names their package.
  const packages = new Map([[FONT_PACKAGE, path.join('node_modules', FONT_PACKAGE)]]);
  for (const meta of metafiles) {
    for (const input of Object.keys(meta.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (m) packages.set(m[1], path.join('node_modules', m[1]));
    }
  }
  const sections = [...packages].sort(([a], [b]) => a.localeCompare(b)).map(([name, dir]) => {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const licenseFile = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
    const text = licenseFile ? readFileSync(path.join(dir, licenseFile), 'utf8').trim() : `License: ${pkg.license}`;
    return `${name} ${pkg.version} (${pkg.license})\n${'-'.repeat(60)}\n${text}\n`;
  });
  mkdirSync(path.dirname(outfile), { recursive: true });
  writeFileSync(outfile, `Third-party software bundled in this extension\n\n${sections.join('\n')}`);
}

/**
 * Prints one begin/end pair per rebuild of everything (both bundles), the lines
 * the background problem matcher in .vscode/tasks.json waits for, so F5 starts
 * only when the extension and the decoder are both written.
 */
let building = 0;
const watchReporter = {
  name: 'watch-reporter',
  setup(build) {
    build.onStart(() => {
      if (building++ === 0) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (--building === 0) console.log('[watch] build finished');
    });
  },
};

if (watch) {
  // Everything F5 needs: the extension and the viewer's TIFF decoder (without it Open Fax shows no pages).
  const contexts = await Promise.all([
    esbuild.context({ ...extension, plugins: [watchReporter] }),
    esbuild.context({ ...tiffDecoder, plugins: [...tiffDecoder.plugins, watchReporter] }),
  ]);
  await Promise.all(contexts.map((ctx) => ctx.watch()));
  if (args.has('--typecheck')) {
    // esbuild only strips types; `npm run watch` also type-checks on every change.
    const tsc = path.join('node_modules', 'typescript', 'bin', 'tsc');
    const checker = spawn(process.execPath, [tsc, '--noEmit', '--watch', '--preserveWatchOutput', '-p', '.'], { stdio: 'inherit' });
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.on(signal, () => {
        checker.kill();
        process.exit(0);
      });
    }
  }
} else {
  rmSync(path.join(outRoot, 'dist'), { recursive: true, force: true });
  const result = await esbuild.build(extension);
  const render = await esbuild.build(renderer);
  const decoder = await esbuild.build(tiffDecoder);
  copyFonts();
  writeThirdPartyNotices([result.metafile, render.metafile, decoder.metafile], path.join(outRoot, 'dist/ThirdPartyNotices.txt'));
  if (production) {
    // Keep maps out of dist/ (and so out of the vsix) but available for crash triage.
    const mapsDir = 'out/maps';
    mkdirSync(mapsDir, { recursive: true });
    await esbuild.build({ ...extension, sourcemap: 'external', outfile: path.join(mapsDir, 'extension.js'), metafile: false });
    await esbuild.build({ ...renderer, sourcemap: 'external', outfile: path.join(mapsDir, 'render.js'), metafile: false });
  }
  const kb = (meta) => (Object.values(meta.outputs).reduce((n, o) => n + o.bytes, 0) / 1024).toFixed(1);
  console.log(`[esbuild] ${path.join(outRoot, 'dist/extension.js')} ${kb(result.metafile)} KB, dist/render.js ${kb(render.metafile)} KB${production ? ' (minified)' : ''}`);
  if (tests) {
    rmSync(path.join(outRoot, 'out/test/integration'), { recursive: true, force: true });
    await esbuild.build(integration);
    console.log(`[esbuild] ${path.join(outRoot, 'out/test/integration')} built`);
  }
}
