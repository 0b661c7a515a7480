import * as assert from 'assert';
import { basename, dirname, join } from 'node:path';
import { checkDestination, faxFileName, safeFileName } from '../../../src/commands/targets/downloadPaths';

describe('download paths: server ids never shape a path', () => {
  const hostileIds = [
    '../../../.bashrc',
    '..\\..\\evil',
    'a/b\\c',
    'id\u0000\u001b[31m\nnext',
    '....',
    '/etc/passwd',
    'C:\\Windows\\x',
    'con:<>|?*"',
  ];

  it("the save dialog's default name is one segment without separators or control characters, whatever the fax id", () => {
    const folder = join('/home/me', 'Downloads');
    for (const id of hostileIds) {
      const name = faxFileName('2024-01-01', undefined, id, 'pdf');
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(name, /[/\\\u0000-\u001f\u007f]/, name);
      assert.ok(!name.includes('..'), name);
      assert.strictEqual(basename(name), name);
      assert.strictEqual(dirname(join(folder, name)), folder, `${JSON.stringify(id)} stays in the folder`);
      assert.match(name, /^fax-2024-01-01(-.+)?\.pdf$/);
    }
    assert.strictEqual(faxFileName('2024-05-01', '+15550100123', 'x', 'tif'), 'fax-2024-05-01-+15550100123.tif');
  });

  it('safeFileName keeps ordinary ids and falls back when nothing is left', () => {
    assert.strictEqual(safeFileName('1a2b3c-4d'), '1a2b3c-4d');
    assert.strictEqual(safeFileName('../..'), 'fax');
    assert.strictEqual(safeFileName('\u0000\u0001'), 'fax');
  });

  it('a destination argument must be absolute, free of control characters and "..", with an allowed extension', () => {
    const pdf = ['.pdf'];
    assert.deepStrictEqual(checkDestination('/tmp/reports/r.pdf', pdf), { ok: true, path: '/tmp/reports/r.pdf' });
    assert.deepStrictEqual(checkDestination('r.pdf', pdf), { ok: false, reason: 'relative' });
    assert.deepStrictEqual(checkDestination('/tmp/../etc/r.pdf', pdf), { ok: false, reason: 'parent' });
    assert.deepStrictEqual(checkDestination('/tmp/r\n.pdf', pdf), { ok: false, reason: 'control' });
    assert.deepStrictEqual(checkDestination('/tmp/r.sh', pdf), { ok: false, reason: 'extension' });
    assert.deepStrictEqual(checkDestination('/tmp/r.pdf.exe', pdf), { ok: false, reason: 'extension' });
    assert.strictEqual(checkDestination('/tmp/f.TIFF', ['.pdf', '.tif', '.tiff']).ok, true);
  });
});
