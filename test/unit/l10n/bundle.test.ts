import * as assert from 'assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LANGUAGES, placeholdersOf, translationReport } from '../../tools/translations';

const root = path.resolve(__dirname, '..', '..', '..');

describe('localisation', () => {
  it('l10n/bundle.l10n.json holds every vscode.l10n.t string of src/ (run `npm run l10n` to update it)', function () {
    this.timeout(60000);
    const out = mkdtempSync(path.join(tmpdir(), 'faxplus-l10n-'));
    try {
      execFileSync(path.join(root, 'node_modules/.bin/vscode-l10n-dev'), ['export', '--outDir', out, path.join(root, 'src')], { stdio: 'pipe' });
      const fresh = JSON.parse(readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8'));
      const committed = JSON.parse(readFileSync(path.join(root, 'l10n/bundle.l10n.json'), 'utf8'));
      assert.deepStrictEqual(Object.keys(committed).sort(), Object.keys(fresh).sort());
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('every %key% of the manifest has a text in package.nls.json', () => {
    const manifest = readFileSync(path.join(root, 'package.json'), 'utf8');
    const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 10);
    assert.deepStrictEqual(keys.filter((k) => !(k in nls)), []);
  });

  describe('translations (`npm run l10n:check` lists the same problems)', () => {
    const reports = translationReport();
    for (const lang of LANGUAGES) {
      for (const source of ['runtime', 'manifest'] as const) {
        it(`${lang} ${source}: every key translated, no stale key, every {n} placeholder kept`, () => {
          const r = reports[lang][source];
          assert.deepStrictEqual({ missing: Object.keys(r.missing), stale: r.stale, placeholders: r.placeholders }, { missing: [], stale: [], placeholders: [] });
        });
      }
    }

    it('a dropped placeholder is reported', () => {
      assert.deepStrictEqual(placeholdersOf('{1} of {0}, {0}'), ['{0}', '{1}']);
      assert.notDeepStrictEqual(placeholdersOf('Seite {0}'), placeholdersOf('Page {0} of {1}'));
    });
  });
});
