import type { Fax } from '../api/models';
import type { AuthSession } from '../auth/authSession';
import { SECRET_KEYS, type SecretStore } from '../auth/secretStore';
import type { TokenFacts } from '../auth/tokenFacts';
import { Disposable } from '../util/disposable';

/** What is written: the faxes as the list last showed them, and whose they are. */
interface StoredPage {
  readonly version: 1;
  readonly owner: string;
  readonly faxes: readonly unknown[];
}

const DATE_FIELDS = ['startTime', 'submitTime', 'lastUpdate', 'scheduledTime'] as const;

/**
 * The Inbox's first page as it was last loaded, so a returning person sees
 * their faxes as soon as the view is shown while the server's answer is on
 * its way (one round trip later it replaces them).
 *
 * Who sent a person faxes is personal data: the copy is kept encrypted in
 * SecretStorage beside the token, never in globalState or a file. It belongs
 * to one account and is deleted whenever the window is signed out, so it
 * never outlives the sign-in it was loaded with or shows to another account.
 */
export class StoredFirstPage extends Disposable {
  /** The copy as read or last written: read once per window, written only when it changed. */
  private stored: Promise<StoredPage | undefined> | undefined;
  private lastWritten: string | undefined;

  constructor(
    private readonly secrets: SecretStore,
    private readonly session: AuthSession,
  ) {
    super();
    this.register(
      session.onDidChange((state) => {
        if (state.status === 'signedOut') {
          void this.forget();
        } else {
          // Read while the window starts (SecretStorage can take tens of milliseconds), not when the Inbox is shown.
          this.stored ??= this.readStored();
        }
      }),
    );
    this.register(
      secrets.onDidChange((e) => {
        // Written or deleted, here or in another window: read it again now, off the Inbox's way.
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
    if (!page || page.owner !== owner || ownerOf(this.session.facts) !== owner) {
      return undefined;
    }
    const faxes = page.faxes.map(reviveFax).filter((fax): fax is Fax => fax !== undefined);
    return faxes.length > 0 ? faxes : undefined;
  }

  /** Keeps `faxes` as the signed-in account's copy (no write when nothing changed). Failures only cost the next paint. */
  save(faxes: readonly Fax[]): void {
    const owner = ownerOf(this.session.facts);
    if (!owner) {
      return;
    }
    const page: StoredPage = { version: 1, owner, faxes };
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
    return this.secrets.get(SECRET_KEYS.inboxCopy).then(parsePage, () => undefined);
  }

  private async forget(): Promise<void> {
    this.lastWritten = undefined;
    this.stored = Promise.resolve(undefined);
    await this.secrets.delete(SECRET_KEYS.inboxCopy).catch(() => undefined);
  }
}

/** The account a copy belongs to: its uid, or the token's fingerprint when the account is not known. */
function ownerOf(facts: TokenFacts | undefined): string | undefined {
  if (facts?.account?.uid) return `account:${facts.account.uid}`;
  return facts?.fingerprint ? `token:${facts.fingerprint}` : undefined;
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

/** A stored fax back as the API client would have parsed it; undefined when the record is not one (an older format). */
function reviveFax(record: unknown): Fax | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const fields = record as Record<string, unknown>;
  if (typeof fields.id !== 'string' || typeof fields.status !== 'string' || typeof fields.comment !== 'string') {
    return undefined;
  }
  const fax: Record<string, unknown> = { ...fields };
  for (const key of DATE_FIELDS) {
    const value = fields[key];
    const date = typeof value === 'string' ? new Date(value) : undefined;
    if (date && !Number.isNaN(date.getTime())) fax[key] = date;
    else delete fax[key];
  }
  return fax as unknown as Fax;
}
