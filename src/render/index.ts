// The renderer's bundle entry (dist/render.js), loaded on first use so that markdown-it,
// pdf-lib, fontkit and the fonts cost nothing at activation. Never imports `vscode`.
export { DocumentRenderer, documentKindFor, FONT_FILE_NAMES, type FaxPreview, type FaxResolution } from './documentRenderer';
export { paperForLocale } from './pageGeometry';
export { markdownImageSources } from './markdownBlocks';
export { MANY_PAGES, type LegibilityFinding } from './legibility';
export type { DocumentKind, LaidOutDocument, Paper, RenderInput, RenderOptions } from './types';
export { pdfPageCount } from './pdfPageCount';
