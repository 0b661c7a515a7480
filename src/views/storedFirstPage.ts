import type { Logger } from '../api/logger';
import type { Fax } from '../api/models';
import type { AuthSession } from '../auth/authSession';
import { SECRET_KEYS, type SecretStore } from '../auth/secretStore';
import type { TokenFacts } from '../auth/tokenFacts';
import { Disposable } from '../util/disposable';

/** What is written: the rows as the Inbox last showed them, and whose they are. */
interface StoredPage {
  readonly version: 1;
  readonly owner: string;
  readonly faxes: readonly unknown[];
}

/**
 * What a row shows (faxTreeItem.ts), and nothing more: not the cover page,
 * the file path or the owner. A field added here needs a new `version`.
 */
const ROW_FIELDS = ['id', 'status', 'direction', 'from', 'to', 'pages', 'duration', 'cost', 'isRead', 'comment', 'fileName'] as const;
const ROW_DATES = ['startTime'] as const;

/**
 * The Inbox's first page as it was last loaded, so a returning person sees
 * their faxes as soon as the view is shown while the server's answer is on
 * its way (one round trip later it replaces them).
 *
 * Who sent a person faxes is personal data: the copy is kept encrypted in
 * SecretStorage beside the token, never in globalState or a file, holds only
 * what a row shows, and belongs to one account. It is deleted whenever the
 * window is signed out or signs in to another account, so it never outlives
 * the sign-in it was loaded with or shows to another account.
 */
export class StoredFirstPage extends Disposable {
  /** The copy in storage as last read or written here; read again whenever storage says it changed. */
  private stored: Promise<StoredPage | undefined> | undefined;
  /** The text storage holds, as far as this window knows: a save of the same text writes nothing. */
  private lastWritten: string | undefined;

  constructor(
    private readonly secrets: SecretStore,
    private readonly session: AuthSession,
    private readonly logger: Logger,
  ) {
    super();
    this.register(
      session.onDidChange((state) => {
        if (state.status === 'signedOut') {
          void this.forget();
        } else {
          void this.dropAnotherAccounts();
        }
      }),
    );
    this.register(
      secrets.onDidChange((e) => {
        // Written or deleted, here or in another window: read it again now, off the Inbox's way (signed out, at sign-in).
        if (e.key === SECRET_KEYS.inboxCopy) this.stored = this.session.facts ? this.readStored() : undefined;
      }),
    );
  }

  /** The stored faxes of the account signed in now, newest first; undefined when there are none (or they are another's). */
  async read(): Promise<Fax[] | undefined> {
    const owner = ownerOf(this.session.facts);
    if (!owner) {
      return undefined;
    }
    this.stored ??= this.readStored();
    const page = await this.stored;
    // Checked again after the read: the account may have changed while storage answered.
    if (!page || page.owner !== owner || ownerOf(this.session.facts) !== owner) {
      return undefined;
    }
    const faxes = page.faxes.map(reviveRow).filter((fax): fax is Fax => fax !== undefined);
    return faxes.length > 0 ? faxes : undefined;
  }

  /** Keeps `faxes` as the signed-in account's copy (no write when nothing changed). Failures only cost the next paint. */
  save(faxes: readonly Fax[]): void {
    const owner = ownerOf(this.session.facts);
    if (!owner) {
      return;
    }
    const page: StoredPage = { version: 1, owner, faxes: faxes.map(rowOf) };
    const text = JSON.stringify(page);
    if (text === this.lastWritten) {
      return;
    }
    this.lastWritten = text;
    this.stored = Promise.resolve(parsePage(text));
    void this.secrets.store(SECRET_KEYS.inboxCopy, text).catch(() => {
      this.lastWritten = undefined;
    });
  }

  private readStored(): Promise<StoredPage | undefined> {
    const reading: Promise<StoredPage | undefined> = this.secrets.get(SECRET_KEYS.inboxCopy).then(
      (text) => {
        // A save (or a newer read) since this read began knows better what storage holds.
        if (this.stored === reading) this.lastWritten = text;
        return parsePage(text);
      },
      () => undefined,
    );
    return reading;
  }

  /** Signed in (at start-up, or to another account): reads the copy now, and deletes one that is not this account's. */
  private async dropAnotherAccounts(): Promise<void> {
    const reading = (this.stored ??= this.readStored());
    const page = await reading;
    if (this.stored !== reading) {
      // A save or a change in storage came meanwhile: judge what is there now, not what was read.
      return this.dropAnotherAccounts();
    }
    if (page && page.owner !== ownerOf(this.session.facts)) {
      await this.forget();
    }
  }

  private async forget(): Promise<void> {
    this.lastWritten = undefined;
    this.stored = Promise.resolve(undefined);
    await this.secrets.delete(SECRET_KEYS.inboxCopy).catch((e: unknown) => {
      this.logger.warn(`The stored copy of the Inbox could not be deleted: ${e instanceof Error ? e.message : String(e)}`);
    });
  }
}

/** The account a copy belongs to; without a known account nothing is kept. */
function ownerOf(facts: TokenFacts | undefined): string | undefined {
  return facts?.account?.uid ? `account:${facts.account.uid}` : undefined;
}

function parsePage(text: string | undefined): StoredPage | undefined {
  if (!text) return undefined;
  try {
    const page = JSON.parse(text) as Partial<StoredPage>;
    return page.version === 1 && typeof page.owner === 'string' && Array.isArray(page.faxes) ? (page as StoredPage) : undefined;
  } catch {
    return undefined;
  }
}

function rowOf(fax: Fax): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const key of [...ROW_FIELDS, ...ROW_DATES]) {
    if (fax[key] !== undefined) row[key] = fax[key];
  }
  return row;
}

/** A stored row back as the API client would have parsed it; undefined when the record is not one. */
function reviveRow(record: unknown): Fax | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const fields = record as Record<string, unknown>;
  if (typeof fields.id !== 'string' || typeof fields.status !== 'string' || typeof fields.comment !== 'string') {
    return undefined;
  }
  const fax: Record<string, unknown> = {};
  for (const key of ROW_FIELDS) {
    if (fields[key] !== undefined) fax[key] = fields[key];
  }
  for (const key of ROW_DATES) {
    const date = typeof fields[key] === 'string' ? new Date(fields[key] as string) : undefined;
    if (date && !Number.isNaN(date.getTime())) fax[key] = date;
  }
  return fax as unknown as Fax;
}
