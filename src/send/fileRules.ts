import * as l10n from '@vscode/l10n';
import { FAX_FILE_TYPES, faxMimeType } from '../api/mimeTypes';
import { megabytesRoundedUp } from '../format/bytes';

/**
 * The document types Fax.Plus converts to fax pages, with the content type sent on upload.
 * This is the one list the UI uses (open dialog filter, menus, checks).
 */
export const ACCEPTED_FILE_TYPES = FAX_FILE_TYPES;

export type AcceptedExtension = keyof typeof ACCEPTED_FILE_TYPES;
export const ACCEPTED_EXTENSIONS = Object.keys(ACCEPTED_FILE_TYPES) as AcceptedExtension[];

/** API limits per fax: 400 too_many_files above 10 files, 413 above 150 MB in total. */
export const MAX_FILES = 10;
export const MAX_TOTAL_BYTES = 150 * 1024 * 1024;

export interface FileToSend {
  /** URI string; two entries with the same string are the same file. */
  uri: string;
  name: string;
  size: number;
}

export interface AcceptedFile extends FileToSend {
  mimeType: string;
}

export type FileProblem =
  | { kind: 'unsupportedType'; file: FileToSend }
  | { kind: 'empty'; file: FileToSend }
  | { kind: 'tooMany'; count: number; max: number }
  | { kind: 'tooLarge'; totalBytes: number; maxBytes: number };

export type FileCheck = { ok: true; files: AcceptedFile[]; duplicates: number } | { ok: false; problems: FileProblem[]; message: string };

/** Checks the files of one fax before anything is uploaded, so a refusal costs no bandwidth. */
export function checkFilesToSend(files: readonly FileToSend[]): FileCheck {
  const distinct = [...new Map(files.map((file) => [file.uri, file])).values()];
  const problems: FileProblem[] = [];

  for (const file of distinct) {
    if (faxMimeType(file.name) === undefined) problems.push({ kind: 'unsupportedType', file });
    else if (file.size <= 0) problems.push({ kind: 'empty', file });
  }
  if (distinct.length > MAX_FILES) problems.push({ kind: 'tooMany', count: distinct.length, max: MAX_FILES });
  const totalBytes = distinct.reduce((sum, file) => sum + file.size, 0);
  if (totalBytes > MAX_TOTAL_BYTES) problems.push({ kind: 'tooLarge', totalBytes, maxBytes: MAX_TOTAL_BYTES });

  if (problems.length > 0) return { ok: false, problems, message: describeFileProblems(problems) };
  const accepted = distinct.map((file) => ({ ...file, mimeType: faxMimeType(file.name) as string }));
  return { ok: true, files: accepted, duplicates: files.length - distinct.length };
}

/** One sentence per kind of problem, each saying what to do about it. */
export function describeFileProblems(problems: readonly FileProblem[]): string {
  const names = (kind: 'unsupportedType' | 'empty') =>
    problems.flatMap((problem) => (problem.kind === kind ? [problem.file.name] : [])).join(', ');
  const sentences: string[] = [];

  const unsupported = names('unsupportedType');
  if (unsupported) {
    sentences.push(
      l10n.t(
        'Cannot fax {0}: it is not text, and the other types a fax can carry are {1}. Export it to PDF first, or choose other files.',
        unsupported,
        acceptedTypesLabel(),
      ),
    );
  }
  const empty = names('empty');
  if (empty) sentences.push(l10n.t('Cannot fax {0}: the file is empty.', empty));
  for (const problem of problems) {
    if (problem.kind === 'tooMany') {
      sentences.push(
        l10n.t('{0} files selected: a fax can carry at most {1}. Send the others in another fax.', problem.count, problem.max),
      );
    } else if (problem.kind === 'tooLarge') {
      sentences.push(
        l10n.t(
          'The files total {0} MB: a fax can carry at most {1} MB. Remove some files or make them smaller.',
          megabytesRoundedUp(problem.totalBytes),
          megabytesRoundedUp(problem.maxBytes),
        ),
      );
    }
  }
  return sentences.join(' ');
}

/** 'PDF, DOC, DOCX, …' for messages. */
export function acceptedTypesLabel(): string {
  return ACCEPTED_EXTENSIONS.map((extension) => extension.toUpperCase()).join(', ');
}

const MAX_SLUG_LENGTH = 60;

/**
 * A file name for an untitled editor's text: a slug of its first line ('Invoice 42 – März'
 * → 'invoice-42-marz.txt'), else 'untitled-YYYYMMDD-HHmm.txt' in local time. ASCII only,
 * because the name travels in a multipart header whose non-ASCII handling varies by server.
 */
export function nameForUntitled(firstLine: string, now: Date): string {
  const slug = slugify(firstLine);
  return slug ? `${slug}.txt` : `untitled-${compactLocalTimestamp(now)}.txt`;
}

function slugify(text: string): string {
  const ascii = text
    .replace(/ß/g, 'ss')
    .replace(/[Ææ]/g, 'ae')
    .replace(/[Œœ]/g, 'oe')
    .replace(/[Øø]/g, 'o')
    .replace(/[Łł]/g, 'l')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  // Cut at a word boundary when there is one, so the name does not end mid-word.
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const lastBreak = cut.lastIndexOf('-');
  return lastBreak > 0 ? cut.slice(0, lastBreak) : slug.slice(0, MAX_SLUG_LENGTH);
}

function compactLocalTimestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}`;
}
