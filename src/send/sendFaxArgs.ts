import type { RetryOptions } from '../api/models';
import { COVER_PAGE_FLAGS, type CoverPageFields, type CoverPageFlag } from './coverPageOptions';
import { parseSendAt } from './schedule';
import * as l10n from '@vscode/l10n';

/**
 * The "Send as fax" command's argument, once checked. Missing parts are for the command to
 * ask for (or, when driven without a person, to refuse); nothing here is a default guess.
 */
export interface SendFaxArgs {
  /** URI strings of the documents, in page order. */
  files: string[];
  /** Recipients as written; read them with parseRecipients(to.join('\n'), …). */
  to: string[];
  from?: string;
  coverPage?: CoverPageFields;
  comment?: string;
  /** A date-time parseSendAt accepts; check it with checkSendAt just before sending, as time passes. */
  sendAt?: string;
  retry?: RetryOptions;
  enhancement?: boolean;
  /** How text files are laid out on fax pages; each part overrides its setting. */
  render?: RenderArgs;
  /** Ask the user before sending; true unless the caller explicitly passes false. */
  confirm: boolean;
}

export interface RenderArgs {
  paper?: 'letter' | 'a4';
  lineNumbers?: boolean;
  header?: boolean;
}

export type SendFaxArgsCheck = { ok: true; args: SendFaxArgs } | { ok: false; problems: string[]; message: string };

const TOP_LEVEL_KEYS = ['files', 'to', 'from', 'coverPage', 'comment', 'sendAt', 'retry', 'enhancement', 'render', 'confirm'];
const RENDER_KEYS = ['paper', 'lineNumbers', 'header'];
const PAPERS = ['letter', 'a4'];
const COVER_PAGE_KEYS = ['to', 'from', 'subject', 'message', 'flags'];
const RETRY_KEYS = ['count', 'delay'];

/**
 * Checks the plain object a keybinding, task or test passes to the command. Every problem is
 * listed at once (an author fixing a keybinding should not discover them one by one), and
 * unknown keys are errors because a misspelt "sendAt" would otherwise send the fax now.
 */
export function validateSendFaxArgs(raw: unknown): SendFaxArgsCheck {
  if (raw === undefined || raw === null) return { ok: true, args: { files: [], to: [], confirm: true } };
  const problems: string[] = [];
  if (!isPlainObject(raw)) {
    problems.push(
      l10n.t('The argument must be an object, for example {0}.', '{ "files": ["file:///home/me/letter.pdf"], "to": ["+12015550123"] }'),
    );
    return failure(problems);
  }

  const read = new ArgumentReader(problems);
  read.unknownKeys(raw, TOP_LEVEL_KEYS, '');
  const args: SendFaxArgs = {
    files: read.fileUris(raw.files) ?? [],
    to: read.recipients(raw.to) ?? [],
    confirm: read.boolean(raw.confirm, 'confirm') ?? true,
  };
  const optional: Omit<SendFaxArgs, 'files' | 'to' | 'confirm'> = {
    from: read.text(raw.from, 'from'),
    coverPage: read.coverPage(raw.coverPage),
    comment: read.text(raw.comment, 'comment'),
    sendAt: read.sendAt(raw.sendAt),
    retry: read.retry(raw.retry),
    enhancement: read.boolean(raw.enhancement, 'enhancement'),
    render: read.render(raw.render),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(args, { [key]: value });
  }
  return problems.length > 0 ? failure(problems) : { ok: true, args };
}

function failure(problems: string[]): SendFaxArgsCheck {
  return { ok: false, problems, message: l10n.t('Cannot send the fax with these arguments: {0}', problems.join(' ')) };
}

/** Reads one property at a time, collecting a sentence per problem. */
class ArgumentReader {
  constructor(private readonly problems: string[]) {}

  unknownKeys(object: Record<string, unknown>, known: readonly string[], prefix: string): void {
    for (const key of Object.keys(object)) {
      if (!known.includes(key)) {
        this.problems.push(l10n.t('Unknown property "{0}" (known: {1}).', prefix + key, known.join(', ')));
      }
    }
  }

  fileUris(value: unknown): string[] | undefined {
    const list = this.stringList(value, 'files');
    if (!list) return undefined;
    list.forEach((uri, index) => {
      // Two or more letters before ':' so that a Windows path such as C:\letter.pdf is not taken for a URI.
      if (!/^[a-z][a-z0-9+.-]+:/i.test(uri)) {
        this.problems.push(
          l10n.t('"files[{0}]" is not a URI: "{1}". Write it as a URI, for example file:///home/me/letter.pdf.', index, uri),
        );
      }
    });
    return list;
  }

  recipients(value: unknown): string[] | undefined {
    if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
    return this.stringList(value, 'to');
  }

  text(value: unknown, name: string): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.problems.push(l10n.t('"{0}" must be a string (got {1}).', name, describeType(value)));
      return undefined;
    }
    return value;
  }

  boolean(value: unknown, name: string): boolean | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') {
      this.problems.push(l10n.t('"{0}" must be true or false (got {1}).', name, describeType(value)));
      return undefined;
    }
    return value;
  }

  sendAt(value: unknown): string | undefined {
    const text = this.text(value, 'sendAt');
    if (text === undefined) return undefined;
    if (!parseSendAt(text).ok) {
      this.problems.push(l10n.t('"sendAt" must be an ISO 8601 date-time such as 2026-11-25T09:30:00+01:00, not "{0}".', text));
      return undefined;
    }
    return text.trim();
  }

  coverPage(value: unknown): CoverPageFields | undefined {
    const object = this.object(value, 'coverPage');
    if (!object) return undefined;
    this.unknownKeys(object, COVER_PAGE_KEYS, 'coverPage.');
    const fields: CoverPageFields = {};
    for (const key of ['to', 'from', 'subject', 'message'] as const) {
      const text = this.text(object[key], `coverPage.${key}`);
      if (text !== undefined) fields[key] = text;
    }
    const flags = this.stringList(object.flags, 'coverPage.flags');
    if (flags) {
      const unknown = flags.filter((flag) => !(COVER_PAGE_FLAGS as readonly string[]).includes(flag));
      if (unknown.length > 0) {
        this.problems.push(
          l10n.t('Unknown cover page flag {0} (known: {1}).', unknown.map((f) => `"${f}"`).join(', '), COVER_PAGE_FLAGS.join(', ')),
        );
      } else {
        fields.flags = flags as CoverPageFlag[];
      }
    }
    return fields;
  }

  retry(value: unknown): RetryOptions | undefined {
    const object = this.object(value, 'retry');
    if (!object) return undefined;
    this.unknownKeys(object, RETRY_KEYS, 'retry.');
    let retry: RetryOptions = {};
    for (const key of ['count', 'delay'] as const) {
      const number = object[key];
      if (number === undefined) continue;
      if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) {
        this.problems.push(l10n.t('"retry.{0}" must be a whole number, 0 or more (got {1}).', key, describeValue(number)));
      } else {
        retry = { ...retry, [key]: number };
      }
    }
    return retry;
  }

  render(value: unknown): RenderArgs | undefined {
    const object = this.object(value, 'render');
    if (!object) return undefined;
    this.unknownKeys(object, RENDER_KEYS, 'render.');
    const render: RenderArgs = {};
    if (object.paper !== undefined) {
      if (typeof object.paper === 'string' && PAPERS.includes(object.paper)) render.paper = object.paper as RenderArgs['paper'];
      else {
        this.problems.push(
          l10n.t(
            '"render.paper" must be "letter" or "a4" (got {0}).',
            typeof object.paper === 'string' ? JSON.stringify(object.paper) : describeType(object.paper),
          ),
        );
      }
    }
    const lineNumbers = this.boolean(object.lineNumbers, 'render.lineNumbers');
    if (lineNumbers !== undefined) render.lineNumbers = lineNumbers;
    const header = this.boolean(object.header, 'render.header');
    if (header !== undefined) render.header = header;
    return render;
  }

  private object(value: unknown, name: string): Record<string, unknown> | undefined {
    if (value === undefined) return undefined;
    if (!isPlainObject(value)) {
      this.problems.push(l10n.t('"{0}" must be an object (got {1}).', name, describeType(value)));
      return undefined;
    }
    return value;
  }

  private stringList(value: unknown, name: string): string[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      this.problems.push(l10n.t('"{0}" must be a list of strings.', name));
      return undefined;
    }
    const list = value.map((item: string) => item.trim());
    if (list.some((item) => item === '')) {
      this.problems.push(l10n.t('"{0}" contains an empty string.', name));
      return undefined;
    }
    return list;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON type name ('number', 'array', 'null', …): the words of the JSON being written, so not translated. */
function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function describeValue(value: unknown): string {
  return typeof value === 'number' ? String(value) : describeType(value);
}
