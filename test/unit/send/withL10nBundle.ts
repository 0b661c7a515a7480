import * as l10n from '@vscode/l10n';

/** Runs `body` with `@vscode/l10n` loaded with `bundle` (as the extension does at activation), then back to English. */
export function withL10nBundle<T>(bundle: Record<string, string>, body: () => T): T {
  l10n.config({ contents: bundle });
  try {
    return body();
  } finally {
    l10n.config({ contents: {} });
  }
}
