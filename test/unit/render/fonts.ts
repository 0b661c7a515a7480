import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DocumentRenderer, FONT_FILE_NAMES } from '../../../src/render/documentRenderer';
import { FontSet } from '../../../src/render/fontSet';
import type { RenderOptions } from '../../../src/render/types';

const dir = path.resolve(__dirname, '../../../node_modules/dejavu-fonts-ttf/ttf');

/** The fonts as the extension ships them (dist/fonts is a copy of these). */
export const fonts = new FontSet({
  regular: readFileSync(path.join(dir, FONT_FILE_NAMES.regular)),
  bold: readFileSync(path.join(dir, FONT_FILE_NAMES.bold)),
  italic: readFileSync(path.join(dir, FONT_FILE_NAMES.italic)),
  mono: readFileSync(path.join(dir, FONT_FILE_NAMES.mono)),
});

export const renderer = new DocumentRenderer(fonts);

export const options = (over: Partial<RenderOptions> = {}): RenderOptions => ({
  paper: 'letter',
  lineNumbers: false,
  header: true,
  tabSize: 4,
  pageLabel: 'Page {0} of {1}',
  ...over,
});
