// A minimal language pack, built when the screenshots need another display
// language. No marketplace is reachable here, and VS Code only switches its
// display language (and so `vscode.env.language`, which decides the
// extension's l10n bundle and its date, number and size formats) to a locale
// some installed extension contributes under `contributes.localizations`.
// The pack translates nothing of VS Code itself: its own menus stay English.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const NAMES = { de: ['German', 'Deutsch'], fr: ['French', 'Français'], es: ['Spanish', 'Español'], ja: ['Japanese', '日本語'] };
const PUBLISHER = 'faxplus-screenshots';
const VERSION = '0.0.1';

/** Packages the pack for `language` into `dir` and returns the .vsix path. */
export async function buildLanguagePack(dir, language) {
  const [languageName, localizedLanguageName] = NAMES[language] ?? [language, language];
  const root = path.join(dir, `language-pack-${language}`);
  mkdirSync(path.join(root, 'translations'), { recursive: true });
  const manifest = {
    name: `language-pack-${language}`,
    displayName: `${languageName} display language (screenshots only)`,
    description: `Lets the screenshot host run with the ${languageName} display language.`,
    publisher: PUBLISHER,
    version: VERSION,
    license: 'MIT',
    engines: { vscode: '^1.90.0' },
    categories: ['Language Packs'],
    files: ['translations/**', 'README.md', 'LICENSE'],
    contributes: {
      localizations: [
        {
          languageId: language,
          languageName,
          localizedLanguageName,
          translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
        },
      ],
    },
  };
  writeFileSync(path.join(root, 'package.json'), JSON.stringify(manifest, null, 2));
  // VS Code falls back to its English message for every key a pack leaves out.
  writeFileSync(path.join(root, 'translations', 'main.i18n.json'), JSON.stringify({ version: VERSION, contents: {} }));
  writeFileSync(path.join(root, 'README.md'), `${manifest.description}\n`);
  writeFileSync(path.join(root, 'LICENSE'), 'MIT\n');
  const { createVSIX } = await import('@vscode/vsce');
  const vsix = path.join(dir, `language-pack-${language}.vsix`);
  await createVSIX({ cwd: root, packagePath: vsix, dependencies: false, allowMissingRepository: true, skipLicense: true });
  return vsix;
}

/**
 * VS Code reads the display language's pack from `languagepacks.json` in the
 * user data folder when the window opens; the server writes that file only
 * when it scans its extensions later, so the first window needs it written here.
 */
export function registerLanguagePack(userDataDir, extensionsDir, language) {
  const folder = path.join(extensionsDir, `${PUBLISHER}.language-pack-${language}-${VERSION}`);
  const entry = {
    hash: `${PUBLISHER}-${language}-${VERSION}`,
    extensions: [{ extensionIdentifier: { id: `${PUBLISHER}.language-pack-${language}` }, version: VERSION }],
    translations: { vscode: path.join(folder, 'translations', 'main.i18n.json') },
    label: NAMES[language]?.[1] ?? language,
  };
  writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [language]: entry }, null, 2));
}
