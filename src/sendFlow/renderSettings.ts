import * as vscode from 'vscode';
import type { FaxResolution, RenderOptions } from '../render/index';
import type { RenderArgs } from '../send/sendFaxArgs';
import type { LazyRenderer } from './rendererModule';

/** The `faxplus.render.*` settings, read per send; an argument object's `render` overrides each part. */
export class RenderSettings {
  constructor(private readonly renderer: LazyRenderer) {}

  options(uri: vscode.Uri | undefined, overrides: RenderArgs | undefined): RenderOptions {
    const config = vscode.workspace.getConfiguration('faxplus.render');
    const setting = config.get<string>('paper');
    const paper =
      overrides?.paper ??
      (setting === 'letter' || setting === 'a4'
        ? setting
        : this.renderer.api.paperForLocale(vscode.env.language, Intl.DateTimeFormat().resolvedOptions().locale));
    const tabSize = vscode.workspace.getConfiguration('editor', uri).get<number>('tabSize');
    return {
      paper,
      lineNumbers: overrides?.lineNumbers ?? config.get<boolean>('lineNumbers') === true,
      header: overrides?.header ?? config.get<boolean>('header') !== false,
      tabSize: typeof tabSize === 'number' && tabSize > 0 && tabSize <= 16 ? tabSize : 4,
      pageLabel: vscode.l10n.t('Page {0} of {1}'),
    };
  }

  /** The preview's resolution: fine unless the person chose standard. */
  resolution(): FaxResolution {
    return vscode.workspace.getConfiguration('faxplus.render').get<string>('previewResolution') === 'standard' ? 'standard' : 'fine';
  }
}
