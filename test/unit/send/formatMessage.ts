import type { Translate } from '../../../src/send/translate';

/** Stands in for `vscode.l10n.t` in unit tests: English text, `{n}` placeholders filled. */
export const formatMessage: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (placeholder, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : placeholder));
