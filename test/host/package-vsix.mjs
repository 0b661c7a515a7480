// `npm run package`: builds the production bundle, packages the .vsix with vsce
// and fails when vsce warns or when the vsix holds anything but runtime files
// (no sources, tests, maps, fixtures, or anything that looks like a token).
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readVsixEntries } from './vsixEntries.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(root, `${pkg.name}-${pkg.version}.vsix`);

const r = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--out', vsix], { cwd: root, encoding: 'utf8' });
const output = `${r.stdout}\n${r.stderr}`
  .split('\n')
  .filter((l) => !/Unknown (user|env) config "nodedir"/.test(l))
  .join('\n');
process.stderr.write(output + '\n');
const problems = [];
if (r.status !== 0) problems.push(`vsce exited with ${r.status}`);
if (/\bWARNING\b|\bwarn(ing)?\b/i.test(output.replace(/npm warn.*$/gim, ''))) problems.push('vsce printed a warning');

// Everything the extension needs at run time, and nothing else.
const allowed = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[a-z-]+)?\.json$/,
  /^extension\/(readme|changelog|license)\.md$/i,
  /^extension\/LICENSE(\.txt)?$/,
  /^extension\/dist\/(viewer\/)?[^/]+\.js$/,
  /^extension\/dist\/ThirdPartyNotices\.txt$/,
  /^extension\/dist\/fonts\/DejaVuSans(-Bold|-Oblique|Mono)?\.ttf$/,
  /^extension\/media\/[^/]+\.(png|svg)$/,
  /^extension\/media\/viewer\/[^/]+\.(js|css)$/,
  /^extension\/media\/walkthrough\/[^/]+\.md$/,
  /^extension\/l10n\/bundle\.l10n(\.[a-z-]+)?\.json$/,
];
const tokenLike = [/alohi_pat_[A-Za-z0-9_-]{16,}/, /\bBearer\s+[A-Za-z0-9._~+/=-]{20,}/, /APIK-[A-Za-z0-9]{10,}/];

if (r.status === 0) {
  const entries = await readVsixEntries(vsix);
  for (const { name, data } of entries) {
    if (!allowed.some((re) => re.test(name))) problems.push(`unexpected file in vsix: ${name}`);
    const text = data.toString('latin1');
    for (const re of tokenLike) if (re.test(text)) problems.push(`${name} contains something that looks like a credential (${re})`);
  }
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const bundle = entries.find((e) => e.name === 'extension/dist/extension.js');
  console.log(
    `vsix: ${path.basename(vsix)} ${kb(statSync(vsix).size)}, ${entries.length} files; bundle ${bundle ? kb(bundle.data.length) : 'missing'}`,
  );
  for (const { name, data } of entries) console.log(`  ${name} (${kb(data.length)})`);
  if (!bundle) problems.push('dist/extension.js is missing from the vsix');
}
if (problems.length) {
  console.error('vsix check failed:\n  ' + problems.join('\n  '));
  process.exit(1);
}
console.log('vsix check passed: runtime files only, no warnings, nothing token-like');
