import { randomUUID } from 'node:crypto';
import * as l10n from '@vscode/l10n';
import { checkContact, nameKey, type Contact, type ContactCheck, type ContactDraft } from './contact';
import { fuzzyFilter } from './fuzzyMatch';
import { readContactsFile, writeContactsFile } from './contactsFile';

/** Where the address book is kept: the text of one JSON file (absent → undefined). */
export interface ContactStorage {
  read(): Promise<string | undefined>;
  write(text: string): Promise<void>;
}

export interface ImportResult {
  readonly added: number;
  /** Entries whose name was already in the book: their new numbers were added to it. */
  readonly merged: number;
  /** Entries that could not be read, with why. */
  readonly skipped: readonly string[];
}

/** What a name in a recipients list stands for. */
export type NameLookup = { kind: 'number'; e164: string; contact: Contact } | { kind: 'unknown' } | { kind: 'ambiguous'; message: string };

/**
 * The person's contacts, in memory after load(); every change is written at once.
 * Numbers are looked up through a map kept with the list, so naming the other
 * party of 10,000 tree rows costs one map look-up each.
 */
export class AddressBook {
  private contacts: Contact[] = [];
  private byNumber = new Map<string, Contact>();
  private readonly listeners = new Set<() => void>();
  private loaded: Promise<void> | undefined;
  /** Set when the stored file could not be read: changes are refused so it is not overwritten. */
  private unreadable: string | undefined;

  constructor(
    private readonly storage: ContactStorage,
    private readonly defaultRegion: () => string | undefined = () => undefined,
  ) {}

  /** Reads the stored book once; later calls wait for the same read. */
  load(): Promise<void> {
    this.loaded ??= this.storage.read().then(
      (text) => {
        const read = readContactsFile(text);
        if (!read.ok) this.unreadable = read.message;
        else this.replace(read.contacts);
      },
      (e: unknown) => {
        this.unreadable = e instanceof Error ? e.message : String(e);
      },
    );
    return this.loaded;
  }

  /** Why the stored book could not be read, if it could not. */
  get problem(): string | undefined {
    return this.unreadable;
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  all(): readonly Contact[] {
    return this.contacts;
  }

  get(id: string): Contact | undefined {
    return this.contacts.find((c) => c.id === id);
  }

  /** The contact a number belongs to (the first, if several share it). */
  ownerOf(number: string | undefined): Contact | undefined {
    return number ? this.byNumber.get(numberKey(number)) : undefined;
  }

  /** Contacts whose name or organisation matches `query` loosely, best first. */
  search(query: string): Contact[] {
    return fuzzyFilter(query, this.contacts, (c) => (c.organisation ? `${c.name} ${c.organisation}` : c.name));
  }

  /** Contacts with exactly this name (case, accents and spacing aside). */
  named(name: string): Contact[] {
    const key = nameKey(name);
    return this.contacts.filter((c) => nameKey(c.name) === key);
  }

  /** What a name typed as a recipient stands for; a name with several numbers or several contacts is refused. */
  lookUpName(name: string): NameLookup {
    const found = this.named(name);
    if (found.length === 0) return { kind: 'unknown' };
    if (found.length > 1) {
      return {
        kind: 'ambiguous',
        message: l10n.t('"{0}" names {1} contacts. Write the fax number instead, or rename one of the contacts.', name, found.length),
      };
    }
    const [contact] = found;
    if (contact.faxNumbers.length > 1) {
      return {
        kind: 'ambiguous',
        message: l10n.t(
          '"{0}" has {1} fax numbers ({2}). Write the one to use.',
          contact.name,
          contact.faxNumbers.length,
          contact.faxNumbers.join(', '),
        ),
      };
    }
    return { kind: 'number', e164: contact.faxNumbers[0], contact };
  }

  async add(draft: ContactDraft): Promise<ContactCheck & { id?: string }> {
    await this.load();
    const check = this.checkNew(draft);
    if (!check.ok) return check;
    const contact = { id: randomUUID(), ...check.contact };
    await this.save([...this.contacts, contact]);
    return { ...check, id: contact.id };
  }

  async update(id: string, draft: ContactDraft): Promise<ContactCheck> {
    await this.load();
    const check = this.checkNew(draft, id);
    if (!check.ok) return check;
    if (!this.get(id)) return { ok: false, message: l10n.t('That contact no longer exists.') };
    await this.save(this.contacts.map((c) => (c.id === id ? { id, ...check.contact } : c)));
    return check;
  }

  async remove(id: string): Promise<boolean> {
    await this.load();
    if (!this.get(id)) return false;
    this.ensureWritable();
    await this.save(this.contacts.filter((c) => c.id !== id));
    return true;
  }

  /** Adds imported contacts; a name already in the book gains the new numbers instead of a twin. */
  async import(drafts: readonly ContactDraft[]): Promise<ImportResult> {
    await this.load();
    this.ensureWritable();
    const next = [...this.contacts];
    const skipped: string[] = [];
    let added = 0;
    let merged = 0;
    for (const draft of drafts) {
      const check = checkContact(draft, this.defaultRegion());
      if (!check.ok) {
        skipped.push(check.message);
        continue;
      }
      const index = next.findIndex((c) => nameKey(c.name) === nameKey(check.contact.name));
      if (index < 0) {
        next.push({ id: randomUUID(), ...check.contact });
        added++;
        continue;
      }
      const old = next[index];
      next[index] = {
        ...old,
        faxNumbers: [...new Set([...old.faxNumbers, ...check.contact.faxNumbers])],
        organisation: old.organisation ?? check.contact.organisation,
        note: old.note ?? check.contact.note,
      };
      merged++;
    }
    if (added + merged > 0) await this.save(next);
    return { added, merged, skipped };
  }

  /** Why this draft cannot be saved (for a form that checks as the person types); undefined when it can. */
  draftProblem(draft: ContactDraft, exceptId?: string): string | undefined {
    const check = this.checkDraft(draft, exceptId);
    return check.ok ? undefined : check.message;
  }

  private checkNew(draft: ContactDraft, id?: string): ContactCheck {
    this.ensureWritable();
    return this.checkDraft(draft, id);
  }

  private checkDraft(draft: ContactDraft, id?: string): ContactCheck {
    const check = checkContact(draft, this.defaultRegion());
    if (!check.ok) return check;
    const twin = this.named(check.contact.name).find((c) => c.id !== id);
    if (twin) return { ok: false, message: l10n.t('There is already a contact named "{0}". Edit it, or choose another name.', twin.name) };
    return check;
  }

  private ensureWritable(): void {
    if (this.unreadable !== undefined) {
      throw new Error(
        l10n.t(
          'The address book could not be read ({0}); it is left untouched. Fix or remove the file, then reload the window.',
          this.unreadable,
        ),
      );
    }
  }

  private async save(contacts: Contact[]): Promise<void> {
    // Written before the memory changes: a failed write leaves both as they were.
    await this.storage.write(writeContactsFile(contacts));
    this.replace(contacts);
  }

  private replace(contacts: Contact[]): void {
    this.contacts = [...contacts].sort((a, b) => a.name.localeCompare(b.name));
    this.byNumber = new Map();
    for (const contact of this.contacts) {
      for (const number of contact.faxNumbers) {
        if (!this.byNumber.has(numberKey(number))) this.byNumber.set(numberKey(number), contact);
      }
    }
    for (const listener of [...this.listeners]) listener();
  }
}

/** Fax records carry E.164, sometimes without the '+': compare digits. */
function numberKey(number: string): string {
  return number.replace(/\D/g, '');
}
