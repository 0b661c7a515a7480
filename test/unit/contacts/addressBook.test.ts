import * as assert from 'node:assert/strict';
import { AddressBook, type ContactStorage } from '../../../src/contacts/addressBook';
import { fuzzyFilter } from '../../../src/contacts/fuzzyMatch';
import { partyDisplay } from '../../../src/format/phoneDisplay';
import { checkRecipients } from '../../../src/sendFlow/recipientsCheck';

/** A storage that keeps the file's text in memory, as the real one keeps it on disk. */
class MemoryStorage implements ContactStorage {
  writes = 0;
  constructor(public text: string | undefined = undefined) {}
  async read() {
    return this.text;
  }
  async write(text: string) {
    this.writes++;
    this.text = text;
  }
}

async function bookWith(
  ...drafts: { name: string; faxNumbers: string[]; organisation?: string }[]
): Promise<{ book: AddressBook; storage: MemoryStorage }> {
  const storage = new MemoryStorage();
  const book = new AddressBook(storage, () => 'US');
  for (const draft of drafts) {
    const added = await book.add(draft);
    assert.ok(added.ok, added.ok ? '' : added.message);
  }
  return { book, storage };
}

describe('contacts: address book', () => {
  it('keeps contacts in its file and reads them back in a new session', async () => {
    const { storage } = await bookWith({ name: 'Dr. Chen', organisation: 'Harbor Clinic', faxNumbers: ['(617) 555-0199'] });
    const again = new AddressBook(new MemoryStorage(storage.text));
    await again.load();
    assert.deepEqual(
      again.all().map((c) => [c.name, c.organisation, c.faxNumbers]),
      [['Dr. Chen', 'Harbor Clinic', ['+16175550199']]],
    );
  });

  it('refuses a contact without a name, without a number, with a bad number or with a taken name', async () => {
    const { book, storage } = await bookWith({ name: 'Dr. Chen', faxNumbers: ['+16175550199'] });
    const writes = storage.writes;
    for (const [draft, words] of [
      [{ name: ' ', faxNumbers: ['+16175550199'] }, /needs a name/],
      [{ name: 'Law Office', faxNumbers: [] }, /at least one fax number/],
      [{ name: 'Law Office', faxNumbers: ['12'] }, /"12" is not a fax number/],
      [{ name: 'dr.  CHEN', faxNumbers: ['+12015550123'] }, /already a contact named "Dr\. Chen"/],
      [{ name: 'Chen, Li', faxNumbers: ['+12015550123'] }, /cannot contain commas/],
    ] as const) {
      const result = await book.add(draft);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, words);
    }
    assert.equal(storage.writes, writes, 'nothing refused was written');
  });

  it('names a number in every form the API writes it', async () => {
    const { book } = await bookWith({ name: 'Dr. Chen', faxNumbers: ['+1 617 555 0199'] });
    const ownerOf = (n: string) => book.ownerOf(n)?.name;
    assert.equal(partyDisplay('+16175550199', ownerOf), 'Dr. Chen — +1 617 555 0199');
    assert.equal(partyDisplay('16175550199', ownerOf), 'Dr. Chen — 16175550199');
    assert.equal(partyDisplay('+12015550123', ownerOf), '+1 201 555 0123');
    assert.equal(partyDisplay(undefined, ownerOf), '');
  });

  it('edits and deletes, and tells listeners', async () => {
    const { book } = await bookWith({ name: 'Dr. Chen', faxNumbers: ['+16175550199'] });
    let changes = 0;
    book.onDidChange(() => changes++);
    const id = book.all()[0].id;
    assert.ok((await book.update(id, { name: 'Dr. Li Chen', faxNumbers: ['+16175550100'], note: 'cardiology' })).ok);
    assert.equal(book.ownerOf('+16175550199'), undefined, 'the old number is forgotten');
    assert.equal(book.ownerOf('+16175550100')?.name, 'Dr. Li Chen');
    assert.equal(await book.remove(id), true);
    assert.deepEqual(book.all(), []);
    assert.equal(changes, 2);
  });

  it('never overwrites a stored file it could not read', async () => {
    const storage = new MemoryStorage('{ "contacts": [ broken');
    const book = new AddressBook(storage);
    await book.load();
    assert.match(book.problem ?? '', /not valid JSON/);
    await assert.rejects(book.add({ name: 'A', faxNumbers: ['+16175550199'] }), /left untouched/);
    assert.equal(storage.text, '{ "contacts": [ broken');
  });

  it('merges an import into contacts of the same name and reports entries it skipped', async () => {
    const { book } = await bookWith({ name: 'Dr. Chen', faxNumbers: ['+16175550199'] });
    const result = await book.import([
      { name: 'dr. chen', faxNumbers: ['+16175550100'] },
      { name: 'Law Office', faxNumbers: ['+44 20 7946 0958'] },
      { name: 'Nobody', faxNumbers: [] },
    ]);
    assert.deepEqual({ added: result.added, merged: result.merged }, { added: 1, merged: 1 });
    assert.equal(result.skipped.length, 1);
    assert.match(result.skipped[0], /Nobody/);
    assert.deepEqual(book.named('Dr. Chen')[0].faxNumbers, ['+16175550199', '+16175550100']);
  });
});

describe('contacts: fuzzy matching', () => {
  const names = ['Medical Archive', 'Dr. Chen', 'Chen & Partners LLP', 'Harbor Clinic'];

  it('ranks word starts and runs above scattered letters', () => {
    assert.deepEqual(
      fuzzyFilter('dch', names, (n) => n),
      ['Dr. Chen', 'Medical Archive'],
    );
    assert.deepEqual(fuzzyFilter('chen', names, (n) => n)[0], 'Chen & Partners LLP');
    assert.deepEqual(
      fuzzyFilter('hbr', names, (n) => n),
      ['Harbor Clinic'],
    );
  });

  it('a name with the whole word typed ranks above one where it only starts a longer word, however long the rest', () => {
    assert.deepEqual(
      fuzzyFilter('chen', ['Dr. Raj Chenoweth', 'Dr. Emily Chen Cambridge Family Clinic'], (n) => n),
      ['Dr. Emily Chen Cambridge Family Clinic', 'Dr. Raj Chenoweth'],
    );
  });

  it('ignores case and accents, and finds nothing for letters that are not there', () => {
    assert.deepEqual(
      fuzzyFilter('MULLER', ['Dr. Müller'], (n) => n),
      ['Dr. Müller'],
    );
    assert.deepEqual(
      fuzzyFilter('xyz', names, (n) => n),
      [],
    );
  });
});

describe('contacts: names as recipients', () => {
  it('sends to a contact by name, next to typed numbers', async () => {
    const { book } = await bookWith({ name: 'Dr. Chen', faxNumbers: ['+16175550199'] });
    const check = checkRecipients('dr. chen, +44 20 7946 0958', undefined, (n) => book.lookUpName(n));
    assert.deepEqual(check, { ok: true, recipients: ['+16175550199', '+442079460958'] });
  });

  it('refuses an unknown name with its position, and an ambiguous one with why', async () => {
    const { book } = await bookWith(
      { name: 'Dr. Chen', faxNumbers: ['+16175550199', '+16175550100'] },
      { name: 'Law Office', faxNumbers: ['+12015550123'] },
    );
    const unknown = checkRecipients('+12015550123, Dr. Chan', undefined, (n) => book.lookUpName(n));
    assert.equal(unknown.ok, false);
    assert.match(unknown.ok ? '' : unknown.message, /Recipient 2 \("Dr\. Chan"\): no contact has this name/);
    const ambiguous = checkRecipients('Dr. Chen', undefined, (n) => book.lookUpName(n));
    assert.equal(ambiguous.ok, false);
    assert.match(
      ambiguous.ok ? '' : ambiguous.message,
      /"Dr\. Chen" has 2 fax numbers \(\+16175550199, \+16175550100\)\. Write the one to use\./,
    );
  });

  it('refuses a name two contacts share', async () => {
    const storage = new MemoryStorage(
      JSON.stringify({
        version: 1,
        contacts: [
          { id: 'a', name: 'Reception', faxNumbers: ['+16175550199'] },
          { id: 'b', name: 'reception', faxNumbers: ['+12015550123'] },
        ],
      }),
    );
    const book = new AddressBook(storage);
    await book.load();
    const check = checkRecipients('Reception', undefined, (n) => book.lookUpName(n));
    assert.match(check.ok ? '' : check.message, /"Reception" names 2 contacts/);
  });
});
