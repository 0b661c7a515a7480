import { join } from 'node:path';
import type * as Render from '../render/index';

export type RendererModule = typeof Render;

/**
 * The document renderer lives in its own bundle (dist/render.js, next to this bundle) with
 * the fonts in dist/fonts: it is required the first time a text file is faxed, so
 * activation never loads markdown-it, pdf-lib or fontkit.
 */
export class LazyRenderer {
  private module: RendererModule | undefined;
  private loaded: Render.DocumentRenderer | undefined;

  constructor(private readonly directory: string = __dirname) {}

  get api(): RendererModule {
    // A computed path keeps esbuild from bundling the renderer into the extension.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load of the renderer's own bundle
    this.module ??= require(join(this.directory, 'render.js')) as RendererModule;
    return this.module;
  }

  get renderer(): Render.DocumentRenderer {
    this.loaded ??= this.api.DocumentRenderer.fromFontDirectory(join(this.directory, 'fonts'));
    return this.loaded;
  }
}
