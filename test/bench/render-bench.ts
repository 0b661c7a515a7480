// Benchmark (not a test): render time and peak memory of the document renderer for a
// 50-page Markdown document and a 5,000-line source file. Target: ≤ 1 s each (layout +
// PDF) on the 2-core development machine. Run: node --expose-gc --import tsx test/bench/render-bench.ts
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DocumentRenderer } from '../../src/render/documentRenderer';
import type { DocumentKind } from '../../src/render/types';

const fonts = path.resolve(__dirname, '../../node_modules/dejavu-fonts-ttf/ttf');
const options = { paper: 'letter' as const, lineNumbers: true, header: true, tabSize: 4, pageLabel: 'Page {0} of {1}' };

function markdown50Pages(): string {
  const sections: string[] = [];
  for (let i = 1; sections.join('\n').length < 75_000; i++) {
    sections.push(
      `## Section ${i}: Überweisung – Ελληνικά – Кириллица`,
      '',
      `Paragraph ${i} with *emphasis*, **strong** words, \`inline code\` and a [link](https://example.com/${i}). `.repeat(4),
      '',
      '- first item\n- second item\n  - nested item\n- [x] done task',
      '',
      '| Name | Value | Notes |\n|---|---|---|\n' + Array.from({ length: 6 }, (_, r) => `| row ${r} | ${r * i} | some notes |`).join('\n'),
      '',
      '```ts\nconst value = compute(' + i + ');\n\tconsole.log(value);\n```',
      '',
    );
  }
  return sections.join('\n');
}

function source5000Lines(): string {
  const lines = readFileSync(path.resolve(__dirname, '../../src/render/layout.ts'), 'utf8').split('\n');
  return Array.from({ length: 5000 }, (_, i) => lines[i % lines.length]).join('\n');
}

async function measure(label: string, kind: DocumentKind, text: string): Promise<void> {
  const renderer = DocumentRenderer.fromFontDirectory(fonts);
  // One warm-up run: the first use also parses the fonts, which the extension does once.
  await renderer.pdf(renderer.layout({ name: label, kind, text }, options), label);
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const doc = renderer.layout({ name: label, kind, text }, options);
  const laidOut = process.hrtime.bigint();
  const pdf = await renderer.pdf(doc, label);
  const written = process.hrtime.bigint();
  // CPU time as well as wall time: on the shared machine the wall clock mostly measures the neighbours.
  const cpu = process.cpuUsage(cpuBefore);
  const preview = renderer.preview([doc], 'fine');
  const previewed = process.hrtime.bigint();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
  console.log(
    `${label}: ${doc.pages.length} pages; layout ${ms(started, laidOut).toFixed(0)} ms + PDF ${ms(laidOut, written).toFixed(0)} ms = ` +
      `${ms(started, written).toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms; PDF ${(pdf.length / 1024).toFixed(0)} KB); preview at fine resolution ${ms(written, previewed).toFixed(0)} ms ` +
      `(TIFF ${(preview.tiff.length / 1024).toFixed(0)} KB); peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (+${((peak - baseline) / 2 ** 20).toFixed(0)} MB)`,
  );
}

(async () => {
  console.log(
    `node ${process.version}, load average ${(await import('node:os'))
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  );
  await measure('50-page Markdown', 'markdown', markdown50Pages());
  await measure('5,000-line source', 'code', source5000Lines());
})();
