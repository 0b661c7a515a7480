import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadWithCodeCache } from '../../../src/util/codeCache';

/** The entry's loader (src/entry.ts): a CommonJS file loaded like require() does, with V8's code cache. */
describe('util/codeCache: loading a bundle with V8 code cache', () => {
  let dir: string;
  let cacheDir: string;
  let seq = 0;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faxplus-codecache-'));
    cacheDir = path.join(dir, 'cache');
  });

  afterEach(() => {
    for (const key of Object.keys(require.cache)) if (key.startsWith(dir)) delete require.cache[key];
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh file each time (a new path, so the module registry never hands back an earlier load). */
  const write = (source: string, name = `bundle-${++seq}.js`): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, source);
    return file;
  };
  /**
   * One load in a new Node process, as each start of VS Code is: within one process V8
   * keeps compiled scripts in memory and would answer a second load from there.
   */
  const loadInChild = (file: string, save: boolean): { use: string; answer: number } => {
    const script = `
      const { loadWithCodeCache } = require(${JSON.stringify(path.resolve(__dirname, '../../../src/util/codeCache.ts'))});
      const loaded = loadWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cacheDir)});
      (${save} ? loaded.save() : Promise.resolve()).then(() => console.log(JSON.stringify({ use: loaded.use, answer: loaded.exports.answer })));
    `;
    const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { use: string; answer: number };
  };
  const cacheFiles = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).sort() : []);
  const bundle = `'use strict';\nconst helper = require('./helper.js');\nexports.answer = helper.value * 2;\nexports.where = __filename;\nexports.fail = () => { throw new Error('from line 5'); };\n`;

  it('compiles on the first start, stores after save(), and the next start takes the stored code', () => {
    write('exports.value = 21;\n', 'helper.js');
    const file = write(bundle, 'activation.js');
    assert.deepEqual(loadInChild(file, false), { use: 'miss', answer: 42 });
    assert.deepEqual(cacheFiles(), [], 'nothing is written before save()');
    assert.deepEqual(loadInChild(file, true), { use: 'miss', answer: 42 });
    assert.equal(cacheFiles().length, 1);
    assert.match(cacheFiles()[0], /^activation\.js\.[A-Za-z0-9._-]+\.v8cache$/);
    const stored = fs.statSync(path.join(cacheDir, cacheFiles()[0])).mtimeMs;
    assert.deepEqual(loadInChild(file, true), { use: 'hit', answer: 42 });
    assert.equal(fs.statSync(path.join(cacheDir, cacheFiles()[0])).mtimeMs, stored, 'a hit does not write again');
  });

  it('is the module require() returns afterwards: the files loaded later share its instance', () => {
    write('exports.value = 1;\n', 'helper.js');
    const file = write(bundle);
    const loaded = loadWithCodeCache(file, cacheDir);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the point: require() of the same path.
    assert.strictEqual(require(file), loaded.exports);
    assert.equal((loaded.exports as { where: string }).where, file, '__filename is the file');
  });

  it('keeps the file own line numbers in stack traces (source maps stay right)', () => {
    write('exports.value = 1;\n', 'helper.js');
    const file = write(bundle);
    const { fail } = loadWithCodeCache(file, cacheDir).exports as { fail: () => void };
    assert.throws(fail, (e: Error) => {
      assert.match(e.stack ?? '', new RegExp(`${path.basename(file).replace('.', '\\.')}:5:`));
      return true;
    });
  });

  it('a changed file is compiled again and its new cache replaces the old one', () => {
    write('exports.value = 1;\n', 'helper.js');
    const file = write(bundle, 'activation.js');
    loadInChild(file, true);
    const old = cacheFiles();
    fs.writeFileSync(file, bundle.replace('* 2', '* 3'));
    assert.deepEqual(loadInChild(file, true), { use: 'miss', answer: 3 });
    assert.equal(cacheFiles().length, 1);
    assert.notDeepEqual(cacheFiles(), old);
    assert.deepEqual(loadInChild(file, false), { use: 'hit', answer: 3 });
  });

  it('a damaged cache is refused by V8: the file is compiled, works, and the cache is written again', () => {
    write('exports.value = 5;\n', 'helper.js');
    const file = write(bundle, 'activation.js');
    loadInChild(file, true);
    const stored = path.join(cacheDir, cacheFiles()[0]);
    fs.writeFileSync(stored, Buffer.alloc(fs.statSync(stored).size, 7));
    assert.deepEqual(loadInChild(file, true), { use: 'rejected', answer: 10 });
    assert.deepEqual(loadInChild(file, false), { use: 'hit', answer: 10 });
  });

  it('without a cache folder it loads like require() and stores nothing', async () => {
    write('exports.value = 2;\n', 'helper.js');
    const loaded = loadWithCodeCache(write(bundle), undefined);
    assert.equal(loaded.use, 'off');
    assert.equal((loaded.exports as { answer: number }).answer, 4);
    await loaded.save();
    assert.deepEqual(cacheFiles(), []);
  });

  it('a cache folder that cannot be written costs nothing but the cache', async () => {
    write('exports.value = 2;\n', 'helper.js');
    fs.writeFileSync(cacheDir, 'a file where the folder should be');
    const loaded = loadWithCodeCache(write(bundle), cacheDir);
    assert.equal(loaded.use, 'miss');
    await loaded.save();
    assert.equal(fs.readFileSync(cacheDir, 'utf8'), 'a file where the folder should be');
  });

  it('a file that throws while loading is not left registered', () => {
    const file = write("throw new Error('broken bundle');\n");
    assert.throws(() => loadWithCodeCache(file, cacheDir), /broken bundle/);
    assert.equal(require.cache[file], undefined);
  });
});
