// Which translations are missing, stale or broken, per language, for the runtime bundle
// (l10n/bundle.l10n.<lang>.json) and the manifest (package.nls.<lang>.json).
//   npm run l10n:check        lists the problems per language; exit code 1 when there are any
//   npm run l10n:todo         prints, as JSON, every key still to translate with its English text
// Run `npm run l10n` first so l10n/bundle.l10n.json holds the strings of src/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const LANGUAGES = ['de', 'fr', 'es', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

const root = path.resolve(__dirname, '..', '..');

type Messages = Record<string, string>;

export interface SourceReport {
  /** English keys with no translation: key → English text. */
  readonly missing: Messages;
  /** Keys translated but no longer in the English source. */
  readonly stale: string[];
  /** Keys whose translation does not keep exactly the `{n}` placeholders of the English. */
  readonly placeholders: string[];
}

export type LanguageReport = Record<'runtime' | 'manifest', SourceReport>;

function readMessages(file: string): Messages {
  if (!existsSync(file)) return {};
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string | { message: string }>;
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? v : v.message]));
}

export function placeholdersOf(text: string): string[] {
  return [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
}

function compare(english: Messages, translated: Messages): SourceReport {
  const missing: Messages = {};
  const placeholders: string[] = [];
  for (const [key, text] of Object.entries(english)) {
    const translation = translated[key];
    if (translation === undefined || translation.trim() === '') missing[key] = text;
    else if (placeholdersOf(translation).join() !== placeholdersOf(text).join()) placeholders.push(key);
  }
  return { missing, stale: Object.keys(translated).filter((k) => !(k in english)), placeholders };
}

export function translationReport(base = root): Record<Language, LanguageReport> {
  const runtime = readMessages(path.join(base, 'l10n', 'bundle.l10n.json'));
  const manifest = readMessages(path.join(base, 'package.nls.json'));
  return Object.fromEntries(
    LANGUAGES.map((lang) => [
      lang,
      {
        runtime: compare(runtime, readMessages(path.join(base, 'l10n', `bundle.l10n.${lang}.json`))),
        manifest: compare(manifest, readMessages(path.join(base, `package.nls.${lang}.json`))),
      },
    ]),
  ) as Record<Language, LanguageReport>;
}

function problemCount(report: SourceReport): number {
  return Object.keys(report.missing).length + report.stale.length + report.placeholders.length;
}

function printCheck(reports: Record<Language, LanguageReport>): number {
  let total = 0;
  for (const lang of LANGUAGES) {
    for (const source of ['runtime', 'manifest'] as const) {
      const r = reports[lang][source];
      const file = source === 'runtime' ? `l10n/bundle.l10n.${lang}.json` : `package.nls.${lang}.json`;
      total += problemCount(r);
      if (problemCount(r) === 0) continue;
      console.log(`${file}:`);
      for (const key of Object.keys(r.missing)) console.log(`  missing      ${JSON.stringify(key)}`);
      for (const key of r.placeholders) console.log(`  placeholders ${JSON.stringify(key)}`);
      for (const key of r.stale) console.log(`  stale        ${JSON.stringify(key)}`);
    }
  }
  console.log(total === 0 ? `Every key is translated in ${LANGUAGES.join(', ')}.` : `${total} translation problem(s).`);
  return total === 0 ? 0 : 1;
}

if (require.main === module) {
  const reports = translationReport();
  if (process.argv.includes('--json')) {
    // Only what needs a translator: keys missing or with broken placeholders, with their English text.
    const todo = Object.fromEntries(
      LANGUAGES.map((lang) => {
        const pick = (source: 'runtime' | 'manifest', english: Messages) => {
          const r = reports[lang][source];
          return { ...r.missing, ...Object.fromEntries(r.placeholders.map((k) => [k, english[k]])) };
        };
        return [
          lang,
          {
            runtime: pick('runtime', readMessages(path.join(root, 'l10n', 'bundle.l10n.json'))),
            manifest: pick('manifest', readMessages(path.join(root, 'package.nls.json'))),
          },
        ];
      }),
    );
    console.log(JSON.stringify(todo, null, 2));
  } else {
    process.exitCode = printCheck(reports);
  }
}
