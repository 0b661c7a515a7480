import * as assert from 'assert';
import {
  ACCEPTED_EXTENSIONS,
  ACCEPTED_FILE_TYPES,
  MAX_FILES,
  MAX_TOTAL_BYTES,
  checkFilesToSend,
  nameForUntitled,
  type FileToSend,
} from '../../../src/send/fileRules';
import { extensionOf, faxMimeType } from '../../../src/api/mimeTypes';

const MB = 1024 * 1024;
const file = (name: string, size = 1000, uri = `file:///docs/${name}`): FileToSend => ({ uri, name, size });
const check = (files: FileToSend[]) => checkFilesToSend(files);

describe('checkFilesToSend', () => {
  it('accepts every documented type, whatever the case of the extension, with its content type', () => {
    const names = ['a.pdf', 'b.DOC', 'c.Docx', 'd.txt', 'e.RTF', 'f.jpg', 'g.JPEG', 'h.png', 'i.TIF', 'j.tiff'];
    const result = check(names.map((name) => file(name)));
    assert.ok(result.ok, !result.ok ? result.message : '');
    assert.deepStrictEqual(
      result.files.map((f) => f.mimeType),
      [
        'application/pdf',
        'application/msword',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'text/plain',
        'application/rtf',
        'image/jpeg',
        'image/jpeg',
        'image/png',
        'image/tiff',
        'image/tiff',
      ],
    );
    const spreadsheets = check([file('k.xls'), file('l.XLSX')]);
    assert.ok(spreadsheets.ok);
    assert.deepStrictEqual(
      spreadsheets.files.map((f) => f.mimeType),
      ['application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    );
  });

  it('refuses other types and says which types are accepted', () => {
    const result = check([file('letter.pdf'), file('setup.exe'), file('notes.md'), file('README')]);
    assert.ok(!result.ok);
    assert.deepStrictEqual(
      result.problems.map((p) => [p.kind, 'file' in p ? p.file.name : undefined]),
      [
        ['unsupportedType', 'setup.exe'],
        ['unsupportedType', 'notes.md'],
        ['unsupportedType', 'README'],
      ],
    );
    assert.strictEqual(
      result.message,
      'Cannot fax setup.exe, notes.md, README: it is not text, and the other types a fax can carry are PDF, DOC, DOCX, TXT, RTF, JPG, JPEG, PNG, TIF, TIFF, XLS, XLSX. Export it to PDF first, or choose other files.',
    );
  });

  it('refuses empty files', () => {
    const result = check([file('letter.pdf'), file('blank.pdf', 0)]);
    assert.ok(!result.ok);
    assert.deepStrictEqual(result.problems, [{ kind: 'empty', file: file('blank.pdf', 0) }]);
    assert.strictEqual(result.message, 'Cannot fax blank.pdf: the file is empty.');
  });

  it(`accepts ${MAX_FILES} files and refuses 11`, () => {
    const ten = Array.from({ length: MAX_FILES }, (_, i) => file(`page${i}.pdf`));
    assert.ok(check(ten).ok);
    const result = check([...ten, file('page10.pdf')]);
    assert.ok(!result.ok);
    assert.deepStrictEqual(result.problems, [{ kind: 'tooMany', count: 11, max: 10 }]);
    assert.strictEqual(result.message, '11 files selected: a fax can carry at most 10. Send the others in another fax.');
  });

  it('accepts exactly 150 MB in total and refuses 150 MB + 1 byte, saying both sizes', () => {
    assert.strictEqual(MAX_TOTAL_BYTES, 150 * MB);
    assert.ok(check([file('a.pdf', 100 * MB), file('b.pdf', 50 * MB)]).ok);
    const result = check([file('a.pdf', 100 * MB), file('b.pdf', 50 * MB + 1)]);
    assert.ok(!result.ok);
    assert.deepStrictEqual(result.problems, [{ kind: 'tooLarge', totalBytes: 150 * MB + 1, maxBytes: 150 * MB }]);
    assert.strictEqual(result.message, 'The files total 150.1 MB: a fax can carry at most 150 MB. Remove some files or make them smaller.');
  });

  it('removes duplicates (same URI) before counting files and bytes', () => {
    const big = file('big.pdf', 100 * MB);
    const result = check([big, file('small.pdf'), big]);
    assert.ok(result.ok);
    assert.deepStrictEqual(
      result.files.map((f) => f.name),
      ['big.pdf', 'small.pdf'],
    );
    assert.strictEqual(result.duplicates, 1);
    const tenPlusRepeats = Array.from({ length: MAX_FILES }, (_, i) => file(`p${i}.pdf`));
    assert.ok(check([...tenPlusRepeats, ...tenPlusRepeats]).ok);
  });

  it('treats the same name under different URIs as different files', () => {
    const result = check([file('scan.pdf', 10, 'file:///a/scan.pdf'), file('scan.pdf', 10, 'file:///b/scan.pdf')]);
    assert.ok(result.ok);
    assert.strictEqual(result.files.length, 2);
  });

  it('reports every problem at once, one sentence per kind', () => {
    const many = Array.from({ length: 11 }, (_, i) => file(`p${i}.pdf`, 15 * MB));
    const result = check([...many, file('x.zip'), file('y.docx', 0)]);
    assert.ok(!result.ok);
    assert.deepStrictEqual(
      result.problems.map((p) => p.kind),
      ['unsupportedType', 'empty', 'tooMany', 'tooLarge'],
    );
    assert.strictEqual(result.message.split('. ').length >= 4, true);
    assert.match(result.message, /13 files selected/);
    assert.match(result.message, /The files total 165.1 MB/);
  });

  it('accepts an empty selection (the command asks for files itself)', () => {
    assert.deepStrictEqual(check([]), { ok: true, files: [], duplicates: 0 });
  });
});

describe('file type helpers', () => {
  it('extensionOf reads the last extension of the base name, lower-cased', () => {
    assert.strictEqual(extensionOf('Scan.PDF'), 'pdf');
    assert.strictEqual(extensionOf('archive.tar.gz'), 'gz');
    assert.strictEqual(extensionOf('/home/me/v1.2/letter'), undefined);
    assert.strictEqual(extensionOf('C:\\docs\\v1.2\\letter'), undefined);
    assert.strictEqual(extensionOf('.pdf'), undefined);
    assert.strictEqual(extensionOf('letter.'), undefined);
  });

  it('faxMimeType knows only the accepted types, and not inherited object keys', () => {
    assert.strictEqual(faxMimeType('photo.JPG'), 'image/jpeg');
    assert.strictEqual(faxMimeType('x.constructor'), undefined);
    assert.strictEqual(faxMimeType('x.toString'), undefined);
  });

  it('exports one list of extensions matching the content-type map', () => {
    assert.deepStrictEqual(ACCEPTED_EXTENSIONS, Object.keys(ACCEPTED_FILE_TYPES));
    assert.strictEqual(ACCEPTED_EXTENSIONS.length, 12);
  });
});

describe('nameForUntitled', () => {
  const now = new Date(2026, 10, 5, 9, 7); // 5 Nov 2026 09:07 local time

  it('slugs the first line', () => {
    assert.strictEqual(nameForUntitled('Invoice 42 – März 2026', now), 'invoice-42-marz-2026.txt');
    assert.strictEqual(nameForUntitled('  # Re: Straße / Ærø!  ', now), 're-strasse-aero.txt');
  });

  it('keeps long names short, cutting between words', () => {
    const name = nameForUntitled('Confirmation of the appointment for the annual inspection of the premises at 12 High Street', now);
    assert.strictEqual(name, 'confirmation-of-the-appointment-for-the-annual-inspection-of.txt');
    assert.ok(nameForUntitled('x'.repeat(200), now).length <= 64);
  });

  it('falls back to a local timestamp when the first line has nothing to slug', () => {
    assert.strictEqual(nameForUntitled('', now), 'untitled-20261105-0907.txt');
    assert.strictEqual(nameForUntitled('   --- ***', now), 'untitled-20261105-0907.txt');
    assert.strictEqual(nameForUntitled('請求書', now), 'untitled-20261105-0907.txt');
  });
});
