import * as vscode from 'vscode';
import { MAX_REDIALS as MAX_RETRY_COUNT } from '../api/sendFaxPayload';
import { normaliseRegion, regionFromLocale } from '../send/recipients';
import type { SendOptions } from './sendOptions';

/** The `faxplus.send.*` settings, read when a send starts so changes apply at once. */
export class SendSettings {
  /** The region for numbers written without a country code: the setting, else the UI language's region. */
  defaultRegion(): string | undefined {
    const configured = vscode.workspace.getConfiguration('faxplus.send').get<string>('defaultRegion');
    return normaliseRegion(configured) ?? regionFromLocale(vscode.env.language);
  }

  defaultOptions(): SendOptions {
    const config = vscode.workspace.getConfiguration('faxplus.send');
    // Capped like the setting's schema: a hand-edited value must not make Fax.Plus dial on and on.
    const count = Math.min(wholeNumber(config.get('retryCount')), MAX_RETRY_COUNT);
    const delay = wholeNumber(config.get('retryDelay'));
    return {
      retry: count > 0 ? { count, ...(delay > 0 ? { delay } : {}) } : {},
      enhancement: config.get<boolean>('enhancement') === true,
    };
  }
}

/** Settings can be edited by hand: anything but a whole number ≥ 0 counts as 0. */
function wholeNumber(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}
