import type * as vscode from 'vscode';
import type { SendFaxFeature, SendFaxFeatureDependencies } from './sendFaxFeature';
import type { Prompter } from './prompter';
import type { ProgressUi } from './progressUi';
import { switchablePort, type SwitchablePort } from '../util/switchablePort';

interface Built {
  readonly feature: SendFaxFeature;
  /** Present in the integration host only. */
  readonly ui?: { readonly prompter: SwitchablePort<Prompter>; readonly progressUi: SwitchablePort<ProgressUi> };
}

/**
 * "Send as fax" built on first use (a send, a resend, or the integration host
 * asking for it): its modules are required then, not at activation; the build
 * maps that require to dist/send.js.
 */
export class DeferredSendFaxFeature implements vscode.Disposable {
  private built: Built | undefined;

  /** `switchableUi`: only the integration host may swap the send questions and progress for scripted ones. */
  constructor(
    private readonly deps: SendFaxFeatureDependencies,
    private readonly switchableUi: boolean,
  ) {}

  get(): SendFaxFeature {
    return this.build().feature;
  }

  /** Replaces the send questions until disposed (integration host only). */
  usePrompter(prompter: Prompter): vscode.Disposable {
    return this.switchable().prompter.use(prompter);
  }

  /** Replaces the send progress until disposed (integration host only). */
  useProgress(progressUi: ProgressUi): vscode.Disposable {
    return this.switchable().progressUi.use(progressUi);
  }

  dispose(): void {
    this.built?.feature.watches.dispose();
  }

  private switchable(): NonNullable<Built['ui']> {
    const { ui } = this.build();
    if (!ui) throw new Error('the send UI can be swapped in the integration host only');
    return ui;
  }

  private build(): Built {
    if (!this.built) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load the build maps to dist/send.js.
      const { createSendFaxFeature, defaultSendUi } = require('./sendFaxFeature') as typeof import('./sendFaxFeature');
      if (this.switchableUi) {
        const initial = defaultSendUi(this.deps.extensionUri, this.deps.notifier);
        const ui = { prompter: switchablePort<Prompter>(initial.prompter), progressUi: switchablePort<ProgressUi>(initial.progressUi) };
        this.built = { feature: createSendFaxFeature(this.deps, { prompter: ui.prompter.port, progressUi: ui.progressUi.port }), ui };
      } else {
        this.built = { feature: createSendFaxFeature(this.deps) };
      }
    }
    return this.built;
  }
}
