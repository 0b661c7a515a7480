// Bundles the extension (and, with --tests, the integration suite) with esbuild.
// Type checking is separate (`npm run typecheck`): esbuild only strips types.
//   node esbuild.mjs               development build with inline-free external source maps
//   node esbuild.mjs --production  minified, no source maps in dist/ (maps go to out/maps/)
//   node esbuild.mjs --watch       rebuild the extension's files, the renderer and the viewer's decoder on change (F5's build task)
//   node esbuild.mjs --watch --typecheck   the same plus `tsc --watch` (npm run watch)
//   node esbuild.mjs --tests       also bundle test/integration for the extension host
//   node esbuild.mjs --tests --out-root DIR   write dist/ and out/ under DIR (isolated test runs)
//   node esbuild.mjs --extension-only --out-root DIR   only the extension's own files (the split's unit test)
// The extension is several files (see "Bundles" in docs/ARCHITECTURE.md): activation loads
// dist/extension.js only; the files LAZY_MODULES names and the chunk-*.js they share load
// on first use.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';

const argv = process.argv.slice(2);
const args = new Set(argv);
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');
const extensionOnly = args.has('--extension-only');
const outRootIndex = argv.indexOf('--out-root');
const outRoot = outRootIndex >= 0 ? argv[outRootIndex + 1] : '.';

/**
 * The modules the extension loads on first use, each bundled as an entry of its own
 * (dist/<name>.js). Source code loads them with a plain synchronous `require()`
 * (so unit tests on Node run the same code); the `lazy-require` plugin below turns
 * exactly those require() calls into `require('./<name>.js')`, and only a static
 * `import` pulls code into the activation chunk.
 */
const LAZY_MODULES = [
  // Everything but the registrations activation makes (src/activation/): wired on first use.
  { source: 'src/extensionMain.ts', out: 'main' },
  { source: 'src/api/faxPlusClient.ts', out: 'client' },
  { source: 'src/api/undiciModules.ts', out: 'undici' },
  { source: 'src/commands/allCommands.ts', out: 'commands' },
  { source: 'src/sendFlow/sendFaxFeature.ts', out: 'send' },
  { source: 'src/chat/chatTools.ts', out: 'chat' },
  { source: 'src/api/oauthRefresher.ts', out: 'oauth' },
  { source: 'src/api/oauthClient.ts', out: 'oauthClient' },
  { source: 'src/viewer/faxViewerPanel.ts', out: 'faxViewer' },
  { source: 'src/views/treeItemFactory.ts', out: 'treeItems' },
  // A package is matched by the specifier require()d: `require` would resolve its CommonJS build, the entry is its ESM build.
  { source: 'node_modules/libphonenumber-js/min/index.js', specifier: 'libphonenumber-js/min', out: 'phonenumbers' },
];
const lazyOutByPath = new Map(LAZY_MODULES.map(({ source, out }) => [path.resolve(source), out]));
const lazyOutBySpecifier = new Map(LAZY_MODULES.filter((m) => m.specifier).map(({ specifier, out }) => [specifier, out]));

/** require() of a lazy module (from our sources) → the entry file next to the caller, resolved at run time. */
const lazyRequire = {
  name: 'lazy-require',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind !== 'require-call' || args.pluginData?.lazyProbe || !args.importer.startsWith(path.resolve('src'))) return undefined;
      if (lazyOutBySpecifier.has(args.path)) return { path: `./${lazyOutBySpecifier.get(args.path)}.js`, external: true };
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { lazyProbe: true },
      });
      const out = lazyOutByPath.get(resolved.path);
      return out ? { path: `./${out}.js`, external: true } : undefined;
    });
  },
};

/**
 * `import * as vscode from 'vscode'` in ~100 modules would become as many
 * `__toESM(require('vscode'))` calls, each copying the API's ~400 members at load.
 * Every module imports one re-exporting module instead, so the copy is made once.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/**
 * The extension in several files. Pass 1 bundles the activation entry and the lazy
 * modules as ESM with code splitting, so every module shared between them lands in
 * exactly ONE chunk: an error class is defined once and `instanceof` holds whichever
 * file threw it. Pass 2 turns each ESM file into CommonJS, which VS Code's extension
 * host loads (imports between chunks become require('./chunk-….js')).
 * @type {esbuild.BuildOptions}
 */
const extensionEsm = {
  entryPoints: [{ in: 'src/extension.ts', out: 'extension' }, ...LAZY_MODULES.map(({ source, out }) => ({ in: source, out }))],
  outdir: path.join(outRoot, 'out/split'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The extension host provides `vscode`; everything else is bundled so the vsix ships no node_modules.
  external: ['vscode'],
  chunkNames: 'chunk-[hash]',
  minify: production,
  // Always: pass 2 reads these to map dist/ (and out/maps/) back to src/.
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: production ? 'none' : 'inline',
  metafile: true,
  logLevel: 'warning',
  plugins: [lazyRequire, vscodeOnce],
};

/**
 * The files that load as one, in order: what activation loads (extension.js), then the
 * wiring loaded on first use (main.js). Each is merged with the chunks it imports
 * statically (transitively) and an earlier file does not hold already.
 */
const MERGED = ['extension.js', 'main.js'];

/** Pass 1's chunk files → the merged file (MERGED) that holds each; files in no merged file load on their own. */
function mergedOwners(metafile) {
  const byName = new Map(
    Object.keys(metafile.outputs)
      .filter((f) => f.endsWith('.js'))
      .map((f) => [path.basename(f), f]),
  );
  const owner = new Map();
  for (const merged of MERGED) {
    const visit = (name) => {
      if (owner.has(name)) return;
      owner.set(name, merged);
      for (const i of metafile.outputs[byName.get(name)].imports) {
        if (i.kind === 'import-statement' && byName.has(path.basename(i.path))) visit(path.basename(i.path));
      }
    };
    visit(merged);
  }
  return { all: [...byName.keys()], owner };
}

/**
 * Pass 2: CommonJS for the extension host. Each file of MERGED is bundled with its chunks
 * into ONE file (one read and compile instead of one per chunk), which also exports the
 * chunks' namespaces as `__chunks`; a file loaded later keeps its name and reads such a
 * chunk from there (`require('./extension.js').__chunks[…]`), so each module still exists
 * exactly once.
 */
async function convertExtension(metafile, outdir, sourcemap) {
  const split = path.join(outRoot, 'out/split');
  const { all, owner } = mergedOwners(metafile);
  const common = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    // Keeps a lazy `import()` (none today) synchronous and inside CommonJS.
    supported: { 'dynamic-import': false },
    minify: production,
    sourcemap,
    sourcesContent: false,
    legalComments: production ? 'none' : 'inline',
    logLevel: 'warning',
  };
  /** For the file `building` (a merged one, or undefined for the rest): a chunk another merged file holds is read from it. */
  const chunksFromMerged = (building) => ({
    name: 'chunks-from-merged',
    setup(build) {
      build.onResolve({ filter: /^\.\/[^/]+\.js$/ }, (args) => {
        const file = path.basename(args.path);
        if (args.namespace === 'merged-chunk') return { path: args.path, external: true };
        const holder = owner.get(file);
        // A merged file itself (main.js, required from extension.js) loads as a file of its own.
        if (holder === undefined || (holder === file && file !== building)) return { path: args.path, external: true };
        if (holder === building) return undefined;
        return { path: file, namespace: 'merged-chunk', pluginData: { holder } };
      });
      build.onLoad({ filter: /.*/, namespace: 'merged-chunk' }, (args) => ({
        contents: `module.exports = require('./${args.pluginData.holder}').__chunks[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  });
  for (const merged of MERGED) {
    const chunks = [...owner].filter(([file, holder]) => holder === merged && file !== merged).map(([file]) => file);
    const entry = [
      `export * from './${merged}';`,
      ...chunks.map((c, i) => `import * as chunk${i} from './${c}';`),
      `export const __chunks = { ${chunks.map((c, i) => `${JSON.stringify(c)}: chunk${i}`).join(', ')} };`,
    ].join('\n');
    await esbuild.build({
      ...common,
      stdin: { contents: entry, resolveDir: split, sourcefile: merged.replace(/\.js$/, '-merged.js'), loader: 'js' },
      outfile: path.join(outdir, merged),
      plugins: [chunksFromMerged(merged)],
    });
  }
  const lazy = all.filter((f) => !owner.has(f));
  await esbuild.build({
    ...common,
    entryPoints: lazy.map((f) => path.join(split, f)),
    outdir,
    plugins: [chunksFromMerged(undefined)],
  });
  return { activation: ['extension.js'], lazy: [...MERGED.slice(1), ...lazy] };
}

/** Each of the extension's files in dist/ with its size, and whether activation loads it. */
function extensionFiles({ activation, lazy }, dist) {
  return [...activation, ...lazy].map((file) => ({
    file,
    bytes: statSync(path.join(dist, file)).size,
    atActivation: activation.includes(file),
  }));
}

function describeExtensionFiles(files) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const sum = (list) => kb(list.reduce((n, f) => n + f.bytes, 0));
  const eager = files.filter((f) => f.atActivation);
  const lazy = files.filter((f) => !f.atActivation);
  return `at activation ${sum(eager)} (${eager.map((f) => `${f.file} ${kb(f.bytes)}`).join(', ')}); on first use ${sum(lazy)} (${lazy.map((f) => `${f.file} ${kb(f.bytes)}`).join(', ')})`;
}

/** Builds the extension's files into dist/ (both passes); returns pass 1's metafile and which files activation loads. */
async function buildExtension() {
  const esm = await esbuild.build(extensionEsm);
  return { metafile: esm.metafile, files: await writeExtension(esm.metafile) };
}

async function writeExtension(metafile) {
  const dist = path.join(outRoot, 'dist');
  // A rebuild gets new chunk names: the old chunks must not linger (in watch mode, or in out/maps/).
  for (const dir of [dist, 'out/maps']) {
    for (const f of existsSync(dir) ? readdirSync(dir) : []) if (/^chunk-.*\.js(\.map)?$/.test(f)) rmSync(path.join(dir, f));
  }
  const files = await convertExtension(metafile, dist, !production);
  if (production) {
    // Keep maps out of dist/ (and so out of the vsix) but available for crash triage.
    await convertExtension(metafile, 'out/maps', 'external');
  }
  return files;
}

/** A standalone CommonJS bundle (the renderer). */
const standalone = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
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
  ...standalone,
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
  plugins: [
    {
      name: 'no-pako',
      setup(build) {
        build.onResolve({ filter: /^pako$/ }, () => ({ path: 'pako', namespace: 'no-pako' }));
        build.onLoad({ filter: /.*/, namespace: 'no-pako' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
      },
    },
  ],
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
  const sections = [...packages]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, dir]) => {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      const licenseFile = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
      const text = licenseFile ? readFileSync(path.join(dir, licenseFile), 'utf8').trim() : `License: ${pkg.license}`;
      return `${name} ${pkg.version} (${pkg.license})\n${'-'.repeat(60)}\n${text}\n`;
    });
  mkdirSync(path.dirname(outfile), { recursive: true });
  writeFileSync(outfile, `Third-party software bundled in this extension\n\n${sections.join('\n')}`);
}

/**
 * Prints one begin/end pair per rebuild of everything (all watched builds), the lines
 * the background problem matcher in .vscode/tasks.json waits for, so F5 starts
 * only when the extension's files, the renderer and the decoder are all written.
 * `afterBuild` (the extension's pass 2) runs before the build counts as finished.
 */
let building = 0;
const watchReporter = (afterBuild) => ({
  name: 'watch-reporter',
  setup(build) {
    build.onStart(() => {
      if (building++ === 0) console.log('[watch] build started');
    });
    build.onEnd(async (result) => {
      try {
        if (afterBuild && result.errors.length === 0) await afterBuild(result);
      } catch (e) {
        result.errors.push({ text: String(e) });
      }
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (--building === 0) console.log('[watch] build finished');
    });
  },
});

if (watch) {
  // Everything F5 needs: the extension's files, the renderer (and its fonts) and the viewer's TIFF decoder (without it Open Fax shows no pages).
  copyFonts();
  const contexts = await Promise.all([
    esbuild.context({ ...extensionEsm, plugins: [...extensionEsm.plugins, watchReporter((result) => writeExtension(result.metafile))] }),
    esbuild.context({ ...renderer, plugins: [watchReporter()] }),
    esbuild.context({ ...tiffDecoder, plugins: [...tiffDecoder.plugins, watchReporter()] }),
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
  const extensionBuild = await buildExtension();
  if (extensionOnly) process.exit(0);
  const render = await esbuild.build(renderer);
  const decoder = await esbuild.build(tiffDecoder);
  copyFonts();
  writeThirdPartyNotices([extensionBuild.metafile, render.metafile, decoder.metafile], path.join(outRoot, 'dist/ThirdPartyNotices.txt'));
  if (production) {
    // Keep maps out of dist/ (and so out of the vsix) but available for crash triage.
    const mapsDir = 'out/maps';
    mkdirSync(mapsDir, { recursive: true });
    await esbuild.build({ ...renderer, sourcemap: 'external', outfile: path.join(mapsDir, 'render.js'), metafile: false });
  }
  const kb = (meta) => (Object.values(meta.outputs).reduce((n, o) => n + o.bytes, 0) / 1024).toFixed(1);
  console.log(
    `[esbuild] ${path.join(outRoot, 'dist')}: ${describeExtensionFiles(extensionFiles(extensionBuild.files, path.join(outRoot, 'dist')))}; render.js ${kb(render.metafile)} KB${production ? ' (minified)' : ''}`,
  );
  if (tests) {
    rmSync(path.join(outRoot, 'out/test/integration'), { recursive: true, force: true });
    await esbuild.build(integration);
    console.log(`[esbuild] ${path.join(outRoot, 'out/test/integration')} built`);
  }
}
