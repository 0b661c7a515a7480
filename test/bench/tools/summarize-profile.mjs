// Summarizes a .cpuprofile (from BENCH_PROFILE=1 npm run bench, or node --cpu-prof) by
// self time per function and per source file; positions in a bundle are mapped
// through its source map when one is given.
//   node test/bench/tools/summarize-profile.mjs out/bench/activate.cpuprofile [out/maps/extension.js.map] [--top 25]
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename } from 'node:path';

const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
const [file, mapFile] = args.filter((a, i) => !a.startsWith('--') && (topIndex < 0 || i !== topIndex + 1));
const profile = JSON.parse(readFileSync(file, 'utf8'));
const map = mapFile ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : undefined;
/** The bundle the map describes (out/maps/extension.js.map → extension.js): only its frames are mapped. */
const mapped = mapFile ? basename(mapFile).replace(/\.map$/, '') : undefined;

const dt = new Map();
profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const byFunction = new Map();
const byFile = new Map();
let total = 0;
for (const node of profile.nodes) {
  const us = dt.get(node.id) ?? 0;
  total += us;
  if (!us) continue;
  const cf = node.callFrame;
  let where = cf.url ? cf.url.replace(/^.*\/(node_modules|dist|out)\//, '$1/') : '(native)';
  let name = cf.functionName || '(anonymous)';
  if (map && cf.url.endsWith(`/${mapped}`) && cf.lineNumber >= 0) {
    const e = map.findEntry(cf.lineNumber, cf.columnNumber);
    if (e?.originalSource) {
      where = e.originalSource.replace(/^.*?(src|node_modules)\//, '$1/');
      name = e.name ? `${e.name} (${name})` : name;
    }
  }
  const key = `${name}  ${where}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  const fileKey = where.replace(/^node_modules\/((@[^/]+\/)?[^/]+)\/.*/, 'node_modules/$1');
  byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + us);
}
const show = (title, m) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(1)} ms sampled)`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
};
show('self time by source (file or package)', byFile);
show('self time by function', byFunction);
