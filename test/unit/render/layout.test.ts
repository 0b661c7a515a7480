import * as assert from 'node:assert/strict';
import { parseDelimited } from '../../../src/render/delimitedText';
import { CONTINUATION_MARK, columnWidths } from '../../../src/render/layout';
import { MARGIN, PAPER_SIZES, SIZES, paperForLocale } from '../../../src/render/pageGeometry';
import type { LaidOutDocument, TextItem } from '../../../src/render/types';
import { options, renderer } from './fonts';

const texts = (doc: LaidOutDocument, page: number) => doc.pages[page].items.filter((i): i is TextItem => i.kind === 'text');
/** The body's text items (the header's two are first on every page). */
const body = (doc: LaidOutDocument, page: number) => texts(doc, page).slice(2);
const lines = (n: number, make = (i: number) => `line ${i + 1}`) => Array.from({ length: n }, (_, i) => make(i)).join('\n');

describe('renderer: layout', () => {
  const codeLineHeight = SIZES.code * 1.25;
  const bodyHeight = PAPER_SIZES.letter.height - 2 * MARGIN - (SIZES.header + 14);
  const linesPerPage = Math.floor(bodyHeight / codeLineHeight);

  it('code: as many lines per page as fit between the header and the bottom margin, in order', () => {
    const doc = renderer.layout({ name: 'a.ts', kind: 'code', text: lines(130) }, options());
    assert.equal(linesPerPage, 60);
    assert.equal(doc.pages.length, 3);
    assert.deepEqual(
      doc.pages.map((_, p) => body(doc, p).length),
      [60, 60, 10],
    );
    assert.equal(body(doc, 1)[0].text, 'line 61');
    assert.equal(body(doc, 2).at(-1)?.text, 'line 130');
    assert.ok(body(doc, 0).every((t) => t.face === 'mono' && t.size === SIZES.code));
    assert.deepEqual(
      texts(doc, 2)
        .slice(0, 2)
        .map((t) => t.text),
      ['a.ts', 'Page 3 of 3'],
    );
    assert.deepEqual(doc.notes, []);
  });

  it('code: a long line wraps at the column limit with a continuation mark, and is reported', () => {
    const doc = renderer.layout({ name: 'a.ts', kind: 'code', text: 'x'.repeat(200) }, options({ header: false }));
    const items = texts(doc, 0);
    assert.deepEqual(
      items.map((t) => t.text.length),
      [95, 1, 95, 1, 10],
    );
    assert.deepEqual(items.filter((t) => t.text === CONTINUATION_MARK).length, 2);
    assert.deepEqual(doc.notes, [{ kind: 'wrappedLines', count: 1 }]);
  });

  it('code: tabs are expanded to the tab size; line numbers are printed right-aligned', () => {
    const doc = renderer.layout(
      { name: 'a.py', kind: 'code', text: lines(12, (i) => `a\tb${i}`) },
      options({ header: false, lineNumbers: true, tabSize: 4 }),
    );
    const items = texts(doc, 0);
    assert.deepEqual(
      items.slice(0, 2).map((t) => t.text),
      [' 1', 'a   b0'],
    );
    assert.equal(items.at(-2)?.text, '12');
  });

  it('a selection keeps its own line numbers', () => {
    const doc = renderer.layout({ name: 'a.py', kind: 'code', text: 'x\ny', firstLine: 41 }, options({ header: false, lineNumbers: true }));
    assert.deepEqual(
      texts(doc, 0).map((t) => t.text),
      ['41', 'x', '42', 'y'],
    );
  });

  it('paragraphs break between words at the line width, never beyond it', () => {
    const text = 'word '.repeat(400);
    const doc = renderer.layout({ name: 'a.md', kind: 'markdown', text }, options());
    const right = PAPER_SIZES.letter.width - MARGIN;
    for (const item of body(doc, 0)) assert.ok(item.x + renderer['fonts'].width(item.face, item.text, item.size) <= right + 0.01);
    assert.ok(body(doc, 0).every((t) => !t.text.startsWith(' ') && !t.text.endsWith(' ')));
    assert.equal(
      body(doc, 0)
        .map((t) => t.text)
        .join(' ')
        .split(' ').length,
      400,
    );
  });

  it('Markdown: headings, emphasis, inline code, links with their URL, nested and task lists, quotes, rules', () => {
    const md =
      '# Title\n\nSome *em*, **strong**, `code` and [a link](https://fax.plus).\n\n1. one\n   - nested\n   - [x] done\n   - [ ] open\n2. two\n\n> quoted\n\n---\n';
    const doc = renderer.layout({ name: 'a.md', kind: 'markdown', text: md }, options({ header: false }));
    const items = texts(doc, 0);
    const find = (text: string) => items.find((t) => t.text === text);
    assert.equal(find('Title')?.face, 'bold');
    assert.equal(find('Title')?.size, SIZES.headings[0]);
    assert.equal(find('em')?.face, 'italic');
    assert.equal(find('strong')?.face, 'bold');
    assert.equal(find('code')?.face, 'mono');
    assert.ok(
      items.some((t) => t.text.includes('(https://fax.plus)')),
      'the link address is printed',
    );
    for (const marker of ['1.', '2.', '◦', '☒', '☐']) assert.ok(find(marker), `marker ${marker}`);
    assert.ok(find('nested')!.x > find('one')!.x, 'nested items are indented');
    assert.ok(
      doc.pages[0].items.some((i) => i.kind === 'box' && i.width > 400),
      'the rule spans the column',
    );
  });

  it('tables split across pages repeat their header row on every page', () => {
    const csv = ['id,customer', ...Array.from({ length: 150 }, (_, i) => `${i},Customer ${i}`)].join('\n');
    const doc = renderer.layout({ name: 'a.csv', kind: 'csv', text: csv }, options());
    assert.ok(doc.pages.length >= 3, `${doc.pages.length} pages`);
    doc.pages.forEach((_, p) => {
      const [first, second] = body(doc, p);
      assert.deepEqual([first.text, first.face, second.text], ['id', 'bold', 'customer'], `page ${p + 1} starts with the header`);
    });
    const ids = doc.pages.flatMap((_, p) =>
      body(doc, p)
        .filter((t) => t.face === 'regular' && /^\d+$/.test(t.text))
        .map((t) => Number(t.text)),
    );
    assert.deepEqual(
      ids,
      Array.from({ length: 150 }, (_, i) => i),
      'every row once, in order',
    );
  });

  it('characters without a glyph print as U+FFFD and are reported; accents, Greek and Cyrillic print', () => {
    const doc = renderer.layout({ name: 'a.txt', kind: 'text', text: 'Ünïcødé Ελληνικά Кириллица 😀\u0007' }, options({ header: false }));
    assert.deepEqual(
      texts(doc, 0).map((t) => t.text),
      ['Ünïcødé Ελληνικά Кириллица \uFFFD\uFFFD'],
    );
    assert.deepEqual(doc.notes, [{ kind: 'missingGlyphs', characters: ['😀', '\u0007'] }]);
  });

  it('JSON is pretty-printed; invalid JSON is printed as written and reported', () => {
    const doc = renderer.layout({ name: 'a.json', kind: 'json', text: '{"a":[1,2]}' }, options({ header: false }));
    assert.deepEqual(
      texts(doc, 0).map((t) => t.text),
      ['{', '  "a": [', '    1,', '    2', '  ]', '}'],
    );
    const bad = renderer.layout({ name: 'b.json', kind: 'json', text: '{oops' }, options({ header: false }));
    assert.equal(bad.notes[0].kind, 'notJson');
    assert.deepEqual(
      texts(bad, 0).map((t) => t.text),
      ['{oops'],
    );
  });

  it('A4 and Letter pages have their sizes', () => {
    const a4 = renderer.layout({ name: 'a.txt', kind: 'text', text: 'x' }, options({ paper: 'a4' }));
    assert.deepEqual(a4.paper, PAPER_SIZES.a4);
  });
});

describe('renderer: helpers', () => {
  it('paper follows the display language region, else the system locale', () => {
    assert.equal(paperForLocale('en-US'), 'letter');
    assert.equal(paperForLocale('fr-CA'), 'letter');
    assert.equal(paperForLocale('es-MX'), 'letter');
    assert.equal(paperForLocale('de-DE'), 'a4');
    assert.equal(paperForLocale('en', 'en-GB'), 'a4');
    assert.equal(paperForLocale('en', 'en-PH'), 'letter');
    assert.equal(paperForLocale('pt-br'), 'a4');
  });

  it('CSV: quoted separators, doubled quotes and line breaks inside quotes', () => {
    assert.deepEqual(parseDelimited('a,"b, c","say ""hi"""\r\n1,"two\nlines",3\n', ','), [
      ['a', 'b, c', 'say "hi"'],
      ['1', 'two\nlines', '3'],
    ]);
    assert.deepEqual(parseDelimited('a\tb\n1\t2', '\t'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('column widths: natural when they fit, else shared without going below the longest word', () => {
    assert.deepEqual(columnWidths([100, 50], [20, 10], 300), [100, 50]);
    const widths = columnWidths([600, 100], [80, 60], 400);
    assert.ok(Math.abs(widths[0] + widths[1] - 400) < 1e-6);
    assert.ok(widths[1] >= 60);
  });
});
