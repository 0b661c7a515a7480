import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ChatToolName } from './chatToolNames';

/**
 * One tool call as the audit log keeps it. Only facts about the call: never a
 * document's contents, never text the model wrote, never a token.
 */
export interface AuditEntry {
  readonly time: string;
  readonly tool: ChatToolName;
  /** E.164 numbers a send went (or would have gone) to. */
  readonly recipients?: readonly string[];
  readonly from?: string;
  readonly pages?: number;
  /** Document names (file names only). */
  readonly documents?: readonly string[];
  readonly draftId?: string;
  /** ok, refused, declined, failed, uncertain. */
  readonly outcome: AuditOutcome;
  /** A short reason for anything but ok (the message the tool returned, first sentence). */
  readonly detail?: string;
  /** Fax or outbox ids created or looked at. */
  readonly ids?: readonly string[];
}

export type AuditOutcome = 'ok' | 'refused' | 'declined' | 'failed' | 'uncertain';

/** Where a line also goes (the output channel, through the redacting logger). */
export type AuditEcho = (line: string) => void;

/**
 * Appends one JSON line per tool call to a file in the extension's global
 * storage and echoes it to the output channel. Writes are chained so lines
 * never interleave; a failed write is echoed, never thrown at the tool.
 */
export class AuditLog {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly echo: AuditEcho,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(entry: Omit<AuditEntry, 'time'>): Promise<void> {
    const line = JSON.stringify(auditEntry({ time: this.now().toISOString(), ...entry }));
    this.echo(`Chat tool audit: ${line}`);
    this.writing = this.writing.then(async () => {
      try {
        await mkdir(dirname(this.file), { recursive: true });
        await appendFile(this.file, `${line}\n`, 'utf8');
      } catch (e) {
        this.echo(`Chat tool audit: could not write ${this.file} (${e instanceof Error ? e.message : String(e)})`);
      }
    });
    return this.writing;
  }
}

/** Keeps only the audit fields, the detail cut to one short sentence (no document text can ride along). */
export function auditEntry(entry: AuditEntry): AuditEntry {
  const detail = entry.detail?.split(/(?<=[.!?])\s/)[0]?.slice(0, 300);
  return {
    time: entry.time,
    tool: entry.tool,
    ...(entry.recipients ? { recipients: [...entry.recipients] } : {}),
    ...(entry.from ? { from: entry.from } : {}),
    ...(entry.pages !== undefined ? { pages: entry.pages } : {}),
    ...(entry.documents ? { documents: entry.documents.map((d) => d.split(/[\\/]/).pop() ?? d) } : {}),
    ...(entry.draftId ? { draftId: entry.draftId } : {}),
    outcome: entry.outcome,
    ...(detail ? { detail } : {}),
    ...(entry.ids && entry.ids.length > 0 ? { ids: [...entry.ids] } : {}),
  };
}
